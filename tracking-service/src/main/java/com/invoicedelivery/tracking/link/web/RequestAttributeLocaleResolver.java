package com.invoicedelivery.tracking.link.web;

import java.util.Locale;

import com.invoicedelivery.events.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A link page speaks the language of the send, not the browser's: the controller sets the locale for the
 * request it answers. Without one, pages are Bulgarian (the platform's home language).
 */
class RequestAttributeLocaleResolver implements LocaleResolver {

    static final Locale BULGARIAN = Language.BG.locale();
    private static final String ATTRIBUTE = RequestAttributeLocaleResolver.class.getName() + ".locale";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Locale locale ? locale : BULGARIAN;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        request.setAttribute(ATTRIBUTE, locale);
    }
}

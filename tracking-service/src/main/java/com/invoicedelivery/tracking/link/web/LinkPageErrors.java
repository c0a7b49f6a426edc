package com.invoicedelivery.tracking.link.web;

import java.util.Map;

import com.invoicedelivery.tracking.link.application.DocumentUnavailableException;
import com.invoicedelivery.tracking.link.application.LinkExpiredException;
import com.invoicedelivery.tracking.link.application.LinkUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the link pages are pages, not the APIs' JSON problems. An unknown, malformed or expired link
 * gets one neutral page with one status, so probing tokens teaches nothing; an expired one also offers a
 * fresh link.
 */
@ControllerAdvice(assignableTypes = LinkPageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LinkPageErrors {

    private static final Logger log = LoggerFactory.getLogger(LinkPageErrors.class);

    @ExceptionHandler(LinkUnavailableException.class)
    ModelAndView linkUnavailable(LinkUnavailableException e) {
        log.debug("link page refused: {}", e.getMessage());
        return neutral();
    }

    /** The neutral page, plus the offer to e-mail a fresh link: only real links can expire. */
    @ExceptionHandler(LinkExpiredException.class)
    ModelAndView linkExpired(HttpServletRequest request) {
        ModelAndView page = neutral();
        page.addObject("renewalToken", pathToken(request));
        return page;
    }

    @ExceptionHandler(DocumentUnavailableException.class)
    ModelAndView documentUnavailable(DocumentUnavailableException e) {
        log.warn("PDF download failed: {}", e.getMessage());
        return trouble(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        if (e instanceof ErrorResponse known) {
            return trouble(known.getStatusCode());
        }
        log.error("link page failed", e);
        return trouble(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static ModelAndView neutral() {
        return new ModelAndView("link/invalid", HttpStatus.NOT_FOUND);
    }

    @SuppressWarnings("unchecked")
    private static String pathToken(HttpServletRequest request) {
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables.get("token");
    }

    private static ModelAndView trouble(HttpStatusCode status) {
        return new ModelAndView("link/trouble", status);
    }
}

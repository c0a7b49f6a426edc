package com.invoicedelivery.tracking.link.web;

import java.io.IOException;
import java.net.URI;

import com.invoicedelivery.tracking.link.application.FormTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the CSRF filter before it cannot see: a POST from another site (refused even if it carries a valid
 * token) and a POST replayed with a token that was used before. Each form token is spent by the submission
 * that uses it and replaced by a fresh one (new cookie, and the page this request renders uses it). The page
 * beacon is exempt from spending: it changes nothing but the first view, and spending its token would
 * invalidate the forms of the page that sent it. A refusal is the neutral 403 page, before any controller.
 */
class FormSubmissionGuard extends OncePerRequestFilter {

    private final FormTokens formTokens;
    private final CsrfTokenRepository tokens;
    private final CsrfTokenRequestHandler tokensForPages;

    FormSubmissionGuard(FormTokens formTokens, CsrfTokenRepository tokens, CsrfTokenRequestHandler tokensForPages) {
        this.formTokens = formTokens;
        this.tokens = tokens;
        this.tokensForPages = tokensForPages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.POST.matches(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isCrossSite(request) || !isBeacon(request) && !spendToken(request, response)) {
            response.sendError(HttpStatus.FORBIDDEN.value());
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean spendToken(HttpServletRequest request, HttpServletResponse response) {
        CsrfToken used = tokens.loadToken(request);
        if (used == null || !formTokens.spend(used.getToken())) {
            return false;
        }
        CsrfToken fresh = tokens.generateToken(request);
        tokens.saveToken(fresh, request, response);
        tokensForPages.handle(request, response, () -> fresh);
        return true;
    }

    /**
     * Browsers say where a request comes from: {@code Sec-Fetch-Site}, else {@code Origin}. Without either (an
     * old browser) the SameSite cookie and the token still hold.
     */
    static boolean isCrossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !"same-origin".equals(site) && !"none".equals(site);
        }
        String origin = request.getHeader("Origin");
        return origin != null && !request.getServerName().equalsIgnoreCase(hostOf(origin));
    }

    private static String hostOf(String origin) {
        try {
            String host = URI.create(origin).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException notAnOrigin) {
            return "";
        }
    }

    private static boolean isBeacon(HttpServletRequest request) {
        return request.getRequestURI().endsWith(LinkPageController.BEACON);
    }
}

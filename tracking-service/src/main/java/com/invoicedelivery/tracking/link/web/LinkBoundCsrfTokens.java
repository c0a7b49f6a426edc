package com.invoicedelivery.tracking.link.web;

import java.nio.charset.StandardCharsets;

import com.invoicedelivery.kit.digest.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * Form tokens bound to the link whose page they were issued on. The browser's CSRF cookie holds one random secret
 * for every link page it opens (its path is {@code /l}); the form token of a page is a hash of that secret and
 * the page's link token hash, so a form token taken from one link's page does not match on another link's form
 * target, and the CSRF filter refuses it like any wrong token. The cookie itself keeps the secret only.
 */
final class LinkBoundCsrfTokens implements CsrfTokenRepository {

    private final CsrfTokenRepository secrets;

    LinkBoundCsrfTokens(CsrfTokenRepository secrets) {
        this.secrets = secrets;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return bound(secrets.generateToken(request), request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        secrets.saveToken(token instanceof BoundToken bound ? bound.secret() : token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        CsrfToken secret = secrets.loadToken(request);
        return secret == null ? null : bound(secret, request);
    }

    private static BoundToken bound(CsrfToken secret, HttpServletRequest request) {
        // the secret is random and never leaves the cookie: without it the bound value of another link can't be had
        String value = Sha256.hex((LinkRateLimitFilter.tokenKey(request) + ":" + secret.getToken())
                .getBytes(StandardCharsets.UTF_8));
        return new BoundToken(secret, value);
    }

    /** The token a page's forms carry, and the cookie's secret it was made from. */
    private record BoundToken(CsrfToken secret, String value) implements CsrfToken {

        @Override
        public String getToken() {
            return value;
        }

        @Override
        public String getHeaderName() {
            return secret.getHeaderName();
        }

        @Override
        public String getParameterName() {
            return secret.getParameterName();
        }
    }
}

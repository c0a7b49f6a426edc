package com.invoicedelivery.tracking.link.web;

import java.io.IOException;
import java.time.Duration;

import com.invoicedelivery.tracking.link.domain.LinkToken;
import com.invoicedelivery.kit.throttle.RateLimiter;
import com.invoicedelivery.tracking.link.application.SharedClientLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the requests to {@code /l/**} per client address and per link token, before anything else is done
 * with them, so guessing tokens is slow and cheap to refuse. A refused request gets 429 with
 * {@code Retry-After} and the neutral error page ({@code error/429.html}).
 *
 * <p>The client address is the connection's, or, when the connection comes from one of the trusted proxies
 * ({@code server.tomcat.remoteip.internal-proxies}, TRACKING_TRUSTED_PROXIES), the client's address from
 * X-Forwarded-For (Tomcat's RemoteIpValve sets it before any filter runs). A header from any other peer is
 * ignored, so no one can spread requests over made-up addresses.
 *
 * <p>Per client, this replica's token bucket comes first (a flood is refused without asking the store), then the
 * count of all replicas together ({@link SharedClientLimit}); a store that cannot be asked lets the request through
 * on the in-memory limits alone.
 */
class LinkRateLimitFilter extends OncePerRequestFilter {

    /** Every malformed token shares one bucket: none of them can open anything. */
    private static final String MALFORMED = "malformed";

    private static final Logger log = LoggerFactory.getLogger(LinkRateLimitFilter.class);

    private final RateLimiter perClient;
    private final SharedClientLimit allReplicas;
    private final RateLimiter perToken;

    LinkRateLimitFilter(RateLimiter perClient, SharedClientLimit allReplicas, RateLimiter perToken) {
        this.perClient = perClient;
        this.allReplicas = allReplicas;
        this.perToken = perToken;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LinkPaths.under(LinkPaths.path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = perClient.take(request.getRemoteAddr());
        if (wait.isZero()) {
            wait = acrossReplicas(request.getRemoteAddr());
        }
        if (wait.isZero()) {
            wait = perToken.take(tokenKey(request));
        }
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wholeSeconds(wait)));
        response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
    }

    private Duration acrossReplicas(String clientAddress) {
        try {
            return allReplicas.take(clientAddress);
        } catch (RuntimeException e) {
            log.warn("the request count across replicas cannot be kept, this replica's alone applies: {}",
                    e.toString());
            return Duration.ZERO;
        }
    }

    /** The token's hash, so that the limiter's memory holds no tokens (and the form tokens are bound to it). */
    static String tokenKey(HttpServletRequest request) {
        String rest = LinkPaths.path(request).substring(LinkPaths.PREFIX.length());
        int end = rest.indexOf('/');
        return LinkToken.parse(end < 0 ? rest : rest.substring(0, end)).map(LinkToken::hash).orElse(MALFORMED);
    }

    private static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}

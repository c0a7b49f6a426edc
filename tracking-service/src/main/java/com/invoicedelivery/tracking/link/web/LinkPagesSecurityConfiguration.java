package com.invoicedelivery.tracking.link.web;

import com.invoicedelivery.kit.security.PlatformSecurityConfiguration;
import com.invoicedelivery.tracking.link.application.FormTokens;
import com.invoicedelivery.kit.throttle.RateLimiter;
import com.invoicedelivery.tracking.link.application.SharedClientLimit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The client's pages are public (the token in the path is the credential) but every POST needs a CSRF token
 * (double-submit: the form's hidden {@code _csrf} field must match the cookie's secret bound to the link being
 * posted to, {@link LinkBoundCsrfTokens}), comes from the page's own
 * site, and uses its token once ({@link FormSubmissionGuard}). Requests are rate-limited per client address
 * and per token ({@link LinkRateLimitFilter}). Every answer forbids framing, referrers, inline scripts and
 * caching ({@link LinkPageHeaders}), error pages included. The kit's API chain keeps every other path.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class LinkPagesSecurityConfiguration {

    @Bean
    RateLimiter perClientRateLimiter(RateLimitProperties limits) {
        return new RateLimiter(limits.perClient().rateLimit(), limits.maxTrackedKeys(), System::nanoTime);
    }

    @Bean
    RateLimiter perTokenRateLimiter(RateLimitProperties limits) {
        return new RateLimiter(limits.perToken().rateLimit(), limits.maxTrackedKeys(), System::nanoTime);
    }

    @Bean
    @Order(PlatformSecurityConfiguration.API_CHAIN_ORDER - 10)
    SecurityFilterChain linkPagesSecurity(HttpSecurity http, FormTokens formTokens,
                                          @Qualifier("perClientRateLimiter") RateLimiter perClient,
                                          @Qualifier("perTokenRateLimiter") RateLimiter perToken,
                                          SharedClientLimit allReplicas) throws Exception {
        LinkBoundCsrfTokens csrfTokens = new LinkBoundCsrfTokens(csrfCookie());
        XorCsrfTokenRequestAttributeHandler tokensForPages = eagerTokens();
        http.securityMatcher("/l/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterBefore(new LinkRateLimitFilter(perClient, allReplicas, perToken), CsrfFilter.class)
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(tokensForPages))
                .addFilterAfter(new FormSubmissionGuard(formTokens, csrfTokens, tokensForPages), CsrfFilter.class)
                // no server-side sessions: the link token and the CSRF cookie are all the state there is
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(LinkPagesSecurityConfiguration::strictHeaders);
        return http.build();
    }

    /**
     * The pages' style sheet, script and icon: the same strict headers, but no CSRF filter. A browser fetches them
     * without the CSRF cookie (its path is {@code /l}); a CSRF filter here would answer each with a fresh token
     * cookie for {@code /l} and so invalidate the token in the forms of the page that asked for them.
     */
    @Bean
    @Order(PlatformSecurityConfiguration.API_CHAIN_ORDER - 11)
    SecurityFilterChain linkAssetsSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/css/**", "/js/**", "/favicon.ico")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(LinkPagesSecurityConfiguration::strictHeaders);
        return http.build();
    }

    /**
     * A path under {@code /l/} the firewall refuses gets the neutral page, not the kit's problem
     * ({@link LinkRequestRejectedHandler}); the customizer's handler replaces the kit's bean on the filter chain proxy.
     */
    @Bean
    WebSecurityCustomizer linkPagesRequestRejectedHandler(ObjectProvider<RequestRejectedHandler> kitHandler) {
        // without the kit's handler (a web slice test), Spring Security's own default for the other paths
        RequestRejectedHandler others = kitHandler.getIfUnique(HttpStatusRequestRejectedHandler::new);
        return web -> web.requestRejectedHandler(new LinkRequestRejectedHandler(others));
    }

    private static void strictHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(LinkPageHeaders.CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(frames -> frames.deny())
                .addHeaderWriter(LinkPageHeaders.ROBOTS);
    }

    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
        repository.setCookiePath("/l");
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return repository;
    }

    /**
     * Loads the token on every request instead of on first use: a page writes its form late, possibly after
     * the response is committed, when the cookie could no longer be set.
     */
    private static XorCsrfTokenRequestAttributeHandler eagerTokens() {
        XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
        handler.setCsrfRequestAttributeName(null);
        return handler;
    }
}

package com.invoicedelivery.gateway.cors;

import java.io.IOException;
import java.util.List;

import com.invoicedelivery.gateway.config.GatewayProperties;
import com.invoicedelivery.kit.problem.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * CORS for the configured origins, answered here: a preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) never reaches a service, and an actual request from an origin not listed is
 * refused with 403 before it is routed. The services themselves have no CORS policy: the browser only ever talks to
 * the gateway.
 */
@Configuration(proxyBeanMethods = false)
public class CorsConfiguration {

    /** What the web UI sends and reads: JSON with a bearer token, the idempotency key, the problem bodies. */
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept", "Idempotency-Key",
            "traceparent");
    static final List<String> EXPOSED_HEADERS = List.of("Location", "Retry-After", "ETag");

    @Bean
    FilterRegistrationBean<CorsFilter> gatewayCorsFilter(GatewayProperties gateway, JsonMapper json) {
        org.springframework.web.cors.CorsConfiguration cors = new org.springframework.web.cors.CorsConfiguration();
        cors.setAllowedOrigins(gateway.cors().allowedOrigins());
        cors.setAllowedMethods(METHODS);
        cors.setAllowedHeaders(REQUEST_HEADERS);
        cors.setExposedHeaders(EXPOSED_HEADERS);
        // the token travels in the Authorization header, never in a cookie
        cors.setAllowCredentials(false);
        cors.setMaxAge(gateway.cors().maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        source.registerCorsConfiguration("/v3/api-docs/**", cors);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(json));
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        // before the size limit and the routes: a refused origin costs nothing downstream
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** A refused origin gets a problem body like every other refusal, not Spring's plain-text "Invalid CORS request". */
    static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        private final JsonMapper json;

        ProblemCorsProcessor(JsonMapper json) {
            this.json = json;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            ProblemDetail problem = ProblemResponses.problem(HttpStatus.FORBIDDEN, "cors-origin-refused",
                    "Origin not allowed", "This origin may not call the API from a browser (gateway.cors.allowed-origins).");
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getBody().write(json.writeValueAsBytes(problem));
            response.flush();
        }
    }
}

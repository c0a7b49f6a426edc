package com.invoicedelivery.gateway.routing;

import java.io.IOException;

import com.invoicedelivery.gateway.config.GatewayProperties;
import com.invoicedelivery.kit.config.PlatformHttpProperties;
import com.invoicedelivery.kit.problem.ProblemResponses;
import com.invoicedelivery.kit.web.RequestSizeLimitFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway checks before a request is routed (the routes themselves are YAML): the body's size, with the
 * services' own limit and the kit's filter, so an oversized upload is refused before it crosses the network; and,
 * where operations are not exposed (the cluster), {@code /api/operations/**}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformHttpProperties.class)
public class RoutingConfiguration {

    static final String OPERATIONS = "/api/operations/";

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(JsonMapper json, PlatformHttpProperties http) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(http.maxRequestBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OperationsNotExposed> operationsNotExposed(GatewayProperties gateway, JsonMapper json) {
        FilterRegistrationBean<OperationsNotExposed> registration =
                new FilterRegistrationBean<>(new OperationsNotExposed(json));
        registration.setEnabled(!gateway.exposeOperations());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    /** Answers {@code /api/operations/**} as a path the gateway does not know: no route, no hint that it exists. */
    static final class OperationsNotExposed extends OncePerRequestFilter {

        private final JsonMapper json;

        OperationsNotExposed(JsonMapper json) {
            this.json = json;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().startsWith(OPERATIONS);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ProblemDetail problem = ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found", "Not Found",
                    "No endpoint " + request.getMethod() + " " + request.getRequestURI() + ".");
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        }
    }
}

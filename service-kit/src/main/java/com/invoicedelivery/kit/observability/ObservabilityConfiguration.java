package com.invoicedelivery.kit.observability;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Logs and traces that follow a send through the services (docs/ARCHITECTURE.md "Logs and traces"). Boot traces
 * HTTP requests and calls, and, with Kafka observation on (service-kit-defaults.properties), records produced and
 * consumed; this adds what Boot cannot know: the trace stored with work done later ({@link Traces}), and the
 * tenant, send and recipient of an HTTP request in the logging context ({@link TenantLogFilter},
 * {@link LogContextInterceptor}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure."
        + "OpenTelemetryTracingAutoConfiguration")
public class ObservabilityConfiguration {

    @Bean
    Traces traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new Traces(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /** After security (order -100), which knows the caller; before the controllers, which log. */
    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<TenantLogFilter> tenantLogFilter() {
        FilterRegistrationBean<TenantLogFilter> registration = new FilterRegistrationBean<>(new TenantLogFilter());
        registration.setOrder(0);
        return registration;
    }

    /** The send and recipient of a request whose path names them. */
    @Bean
    @ConditionalOnWebApplication
    WebMvcConfigurer logContextInterceptor() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new LogContextInterceptor());
            }
        };
    }
}

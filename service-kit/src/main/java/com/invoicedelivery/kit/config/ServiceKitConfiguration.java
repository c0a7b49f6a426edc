package com.invoicedelivery.kit.config;

import java.util.List;

import com.invoicedelivery.kit.messaging.IncomingEvents;
import com.invoicedelivery.kit.messaging.OutboxCollection;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.kit.observability.Traces;
import com.invoicedelivery.kit.problem.ApiProblemHandler;
import com.invoicedelivery.kit.security.Caller;
import com.invoicedelivery.kit.web.RequestSizeLimitFilter;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The problem answers of every REST API, and the outbox relay of every service that declares outboxes. */
@AutoConfiguration
@EnableConfigurationProperties({PlatformHttpProperties.class, PlatformOutboxProperties.class})
public class ServiceKitConfiguration {

    static {
        // the caller comes from the bearer token, not from the request: keep it out of the OpenAPI documents
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    ApiProblemHandler apiProblemHandler() {
        return new ApiProblemHandler();
    }

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return StrictJson.customizer();
    }

    /** Runs before security: an oversized body is refused before anybody parses it. */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(JsonMapper jsonMapper,
            PlatformHttpProperties http) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(http.maxRequestBytes(), jsonMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** How every consumer of an internal event reads it: tolerant of new fields, strict about the major version. */
    @Bean
    IncomingEvents incomingEvents(JsonMapper jsonMapper) {
        return new IncomingEvents(jsonMapper);
    }

    @Bean
    OutboxEntries outboxEntries(JsonMapper jsonMapper, Traces traces) {
        return new OutboxEntries(jsonMapper, traces);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, StreamBridge bridge, ObjectProvider<OutboxCollection> collections,
                            Environment environment, PlatformOutboxProperties outbox, Traces traces) {
        List<String> names = collections.orderedStream().map(OutboxCollection::name).toList();
        // Boot's own property, which has no typed holder to inject
        String serviceName = environment.getRequiredProperty("spring.application.name");
        return new OutboxRelay(mongo, bridge, names, "/invoice-delivery/" + serviceName, outbox.relaySettings(),
                PlatformClock.of(environment)).tracing(traces);
    }
}

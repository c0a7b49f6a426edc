package com.invoicedelivery.mail.notification.web;

import java.util.List;
import java.util.Map;

import com.invoicedelivery.kit.openapi.SchemaDescriptions;
import com.invoicedelivery.kit.openapi.SchemaExamples;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each field of the notification settings means, for the OpenAPI document: the request body is a domain
 * record (no Swagger annotations there), and the view shares its fields.
 */
@Configuration(proxyBeanMethods = false)
class NotificationSettingsSchemaDescriptions {

    @Bean
    SchemaDescriptions notificationSettingsDescriptions() {
        Map<String, String> fields = Map.of(
                "addresses", "The tenant's own addresses for the notices, 0 to 10 plain e-mail addresses; none: the"
                        + " notices go to the company e-mail.",
                "language", "The language of the notices: BG or EN.",
                "onAccept", "Whether the tenant is told when a client accepts a document.",
                "onReturn", "Whether the tenant is told when a client returns a document.");
        Map<String, String> view = new java.util.HashMap<>(fields);
        view.put("updatedAt", "When an admin last changed the settings (ISO 8601 instant); null while the tenant"
                + " keeps the defaults.");
        return new SchemaDescriptions(Map.of(
                "NotificationSettingsChange", fields,
                "NotificationSettingsView", view));
    }

    /** The settings of the notification tests: the accounting department, in English, told of both. */
    @Bean
    SchemaExamples notificationSettingsExamples() {
        Map<String, Object> fields = Map.of(
                "addresses", List.of("accounting@acme.example"),
                "language", "EN",
                "onAccept", true,
                "onReturn", true);
        Map<String, Object> view = new java.util.HashMap<>(fields);
        view.put("updatedAt", "2026-12-07T08:20:00Z");
        return new SchemaExamples(Map.of(
                "NotificationSettingsChange", fields,
                "NotificationSettingsView", view));
    }
}

package com.invoicedelivery.invoice.send.web;

import java.util.Map;

import com.invoicedelivery.kit.openapi.SchemaDescriptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each field of the delivery overview and the operations' send list means, for the OpenAPI document: the
 * overview is a domain record (no Swagger annotations there).
 */
@Configuration(proxyBeanMethods = false)
class DeliverySchemaDescriptions {

    @Bean
    SchemaDescriptions deliveryDescriptions() {
        return new SchemaDescriptions(Map.of(
                "TenantSend", Map.of(
                        "tenantId", "The tenant the send belongs to.",
                        "send", "The send, as its tenant follows it."),
                "DeliveryOverview", Map.ofEntries(
                        Map.entry("from", "The window's start (inclusive): sends requested at or after it."),
                        Map.entry("to", "The window's end (exclusive): sends requested before it."),
                        Map.entry("tenantId", "The tenant the figures are of; null: every tenant."),
                        Map.entry("sends", "How many sends were requested in the window."),
                        Map.entry("recipients", "How many recipients those sends have."),
                        Map.entry("statuses", "Recipients per status (every status, zeros included)."),
                        Map.entry("topFailureReasons", "The most frequent reasons of FAILED and BOUNCED recipients,"
                                + " most frequent first."),
                        Map.entry("topDeferralReasons", "The most frequent reasons of recipients DEFERRED or"
                                + " OUTCOME_UNKNOWN now, most frequent first."),
                        Map.entry("oldestInProgress", "Per stage, the recipient waiting longest, whenever its send"
                                + " was requested."),
                        Map.entry("requestToAcceptance", "Time from a send's request to the SMTP server's acceptance,"
                                + " over the recipients sent.")),
                "ReasonCount", Map.of(
                        "reason", "The reason, as recipients' failure reasons say it.",
                        "count", "How many recipients have it."),
                "OldestItem", Map.of(
                        "stage", "The stage the recipient waits in.",
                        "tenantId", "The tenant of the send.",
                        "sendId", "The send.",
                        "recipientId", "The recipient waiting.",
                        "since", "When its send was requested (ISO 8601 instant).",
                        "ageSeconds", "How long it has waited since, in seconds."),
                "Latency", Map.of(
                        "count", "How many recipients were sent (the percentiles' sample).",
                        "p50Millis", "The median, in milliseconds; null when nothing was sent.",
                        "p95Millis", "The 95th percentile (nearest rank), in milliseconds; null when nothing was sent.",
                        "p99Millis", "The 99th percentile (nearest rank), in milliseconds; null when nothing was"
                                + " sent.")));
    }
}

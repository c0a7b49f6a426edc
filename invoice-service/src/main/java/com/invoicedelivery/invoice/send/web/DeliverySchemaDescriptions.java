package com.invoicedelivery.invoice.send.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.invoicedelivery.invoice.shared.domain.SendStatus;
import com.invoicedelivery.kit.openapi.SchemaDescriptions;
import com.invoicedelivery.kit.openapi.SchemaExamples;
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

    /** A day's overview as the delivery-overview tests see it: a greylisted recipient waits, a bounced one failed. */
    @Bean
    SchemaExamples deliveryExamples() {
        Map<String, Object> statuses = new LinkedHashMap<>();
        for (SendStatus status : SendStatus.values()) {
            statuses.put(status.name(), 0);
        }
        statuses.put(SendStatus.SENT.name(), 3);
        statuses.put(SendStatus.DEFERRED.name(), 1);
        statuses.put(SendStatus.BOUNCED.name(), 1);
        return new SchemaExamples(Map.of(
                "TenantSend", Map.of("tenantId", "acme"),
                "DeliveryOverview", Map.of(
                        "from", "2026-12-06T09:00:00Z",
                        "to", "2026-12-07T09:00:00Z",
                        "tenantId", "acme",
                        "sends", 4,
                        "recipients", 5,
                        "statuses", statuses),
                "ReasonCount", Map.of(
                        "reason", "the mail server mx.example:25 deferred the message: 451 greylisted",
                        "count", 1),
                "OldestItem", Map.of(
                        "stage", "DEFERRED",
                        "tenantId", "acme",
                        "sendId", "e5d6c7b8-1a2b-4c3d-8e9f-0a1b2c3d4e52",
                        "recipientId", "3f1c2b8e-7a4d-4c52-9d0e-5b6a7c8d9e01",
                        "since", "2026-12-07T08:40:00Z",
                        "ageSeconds", 1200),
                "Latency", Map.of(
                        "count", 3,
                        "p50Millis", 850,
                        "p95Millis", 1900,
                        "p99Millis", 1900)));
    }
}

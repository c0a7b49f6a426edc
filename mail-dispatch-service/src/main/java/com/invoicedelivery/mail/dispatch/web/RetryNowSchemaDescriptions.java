package com.invoicedelivery.mail.dispatch.web;

import java.util.Map;

import com.invoicedelivery.kit.openapi.SchemaDescriptions;
import com.invoicedelivery.kit.openapi.SchemaExamples;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What each field of a "retry now" answer means, for the OpenAPI document: the answer is a domain record. */
@Configuration(proxyBeanMethods = false)
class RetryNowSchemaDescriptions {

    @Bean
    SchemaDescriptions retryNowDescriptions() {
        return new SchemaDescriptions(Map.of(
                "RetryNowResult", Map.of(
                        "retried", "How many e-mails this request made due now (0 on a repeated request).",
                        "jobs", "Every e-mail the request looked at, retried or not, and why.",
                        "more", "True when more e-mails were waiting than one request handles: ask again for the"
                                + " rest."),
                "JobRetry", Map.of(
                        "sendId", "The send the e-mail belongs to.",
                        "recipientId", "The recipient of the send the e-mail goes to.",
                        "messageId", "The e-mail's Message-ID header.",
                        "state", "The e-mail's dispatch state after the request.",
                        "nextAttemptAt", "When the e-mail's next attempt is due (now, when it was just retried); null"
                                + " when nothing more is due.",
                        "retried", "True when this request made the e-mail due now.",
                        "note", "Why the e-mail was or was not retried, for a person to read.")));
    }

    /** The retry of the retry-now tests: a deferred e-mail made due now, keeping its Message-ID. */
    @Bean
    SchemaExamples retryNowExamples() {
        return new SchemaExamples(Map.of(
                "RetryNowResult", Map.of(
                        "retried", 1,
                        "more", false),
                "JobRetry", Map.of(
                        "sendId", "e5d6c7b8-1a2b-4c3d-8e9f-0a1b2c3d4e52",
                        "recipientId", "3f1c2b8e-7a4d-4c52-9d0e-5b6a7c8d9e01",
                        "messageId", "<m1@platform.test>",
                        "state", "DEFERRED",
                        "nextAttemptAt", "2026-12-07T09:05:00Z",
                        "retried", true,
                        "note", "due now; the next attempt keeps Message-ID <m1@platform.test>")));
    }
}

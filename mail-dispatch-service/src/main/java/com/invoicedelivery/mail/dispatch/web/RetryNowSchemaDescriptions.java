package com.invoicedelivery.mail.dispatch.web;

import java.util.Map;

import com.invoicedelivery.kit.openapi.SchemaDescriptions;
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
}

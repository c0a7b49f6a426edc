package com.invoicedelivery.mail.emaillog.web;

import java.util.HashMap;
import java.util.Map;

import com.invoicedelivery.kit.openapi.SchemaDescriptions;
import com.invoicedelivery.kit.openapi.SchemaExamples;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each field of the e-mail log's answers means, for the OpenAPI document: the summary and the details share
 * most fields, and the attempts, reports and attachments are domain records (which carry no Swagger annotations).
 */
@Configuration(proxyBeanMethods = false)
class EmailLogSchemaDescriptions {

    private static final String STATUS = "The delivery status after the latest attempt: SENT, DEFERRED, FAILED or"
            + " OUTCOME_UNKNOWN; BOUNCED once a permanent failure report came back for it.";

    @Bean
    SchemaDescriptions emailLogDescriptions() {
        Map<String, String> common = new HashMap<>();
        common.put("id", "The log entry's id (the dispatch job's): one entry per recipient of a send.");
        common.put("clientId", "The client the e-mail went to; null when the send named no client.");
        common.put("invoiceId", "The invoice (or other document) the e-mail carried.");
        common.put("sendId", "The send the e-mail belongs to.");
        common.put("recipientId", "The recipient of the send this e-mail went to.");
        common.put("from", "The From address the e-mail was sent with.");
        common.put("to", "The address the e-mail was sent to.");
        common.put("subject", "The e-mail's subject.");
        common.put("messageId", "The e-mail's Message-ID header (kept the same across attempts).");
        common.put("sentAt", "When the SMTP server accepted the e-mail (ISO 8601 instant); null while it is not sent.");
        common.put("status", STATUS);
        common.put("outcomeUnknownResend", "True when this is the resend after an interrupted attempt (operators"
                + " check it for a duplicate).");
        common.put("reason", "Why the latest attempt did not succeed, for a person to read; null once sent.");
        common.put("nextAttemptAt", "When the next attempt is due (DEFERRED, OUTCOME_UNKNOWN); null otherwise.");
        common.put("bounceReason", "The remote side's words of the latest permanent failure reported (BOUNCED);"
                + " null otherwise.");

        Map<String, String> summary = new HashMap<>(common);
        summary.put("attempt", "How many attempts were made so far (1 for the first).");
        summary.put("lastAttemptAt", "When the latest attempt's outcome was recorded; null for entries logged before"
                + " attempts were.");

        Map<String, String> details = new HashMap<>(common);
        details.put("replyTo", "The Reply-To address of the e-mail as sent; null when there was none.");
        details.put("textBody", "The text/plain part as sent (personal link's token hidden); null when there was"
                + " none or the e-mail was not sent.");
        details.put("htmlBody", "The text/html part as sent (personal link's token hidden); null when there was"
                + " none or the e-mail was not sent.");
        details.put("attachments", "The attached files, names decoded; empty when none or not sent.");
        details.put("smtpReply", "The SMTP server's latest reply (the one that accepted it, once sent).");
        details.put("sha256", "The SHA-256 (hex) of the exact bytes sent.");
        details.put("sizeBytes", "The size in bytes of the exact bytes sent.");
        details.put("linkHidden", "Whether the kept source has the personal link's token hidden (false: it is the"
                + " exact bytes sent).");
        details.put("sourceNote", "What differs between this copy and the bytes sent, for a person to read; null"
                + " when the link is not hidden.");
        details.put("attempts", "Every attempt's outcome, oldest first.");
        details.put("reports", "The delivery reports that came back (bounces, delays, complaints), oldest first.");

        return new SchemaDescriptions(Map.of(
                "EmailSummary", summary,
                "EmailDetails", details,
                "Attachment", Map.of(
                        "fileName", "The attachment's file name, decoded (Cyrillic as written).",
                        "contentType", "The attachment's MIME type, e.g. application/pdf.",
                        "size", "The attachment's decoded size in bytes."),
                "LoggedAttempt", Map.of(
                        "attempt", "The attempt's number, 1 for the first.",
                        "at", "When the attempt's outcome was recorded (ISO 8601 instant).",
                        "outcome", "How the attempt ended: SENT, DEFERRED, FAILED or OUTCOME_UNKNOWN.",
                        "smtpReply", "The SMTP server's reply, when there was one.",
                        "reason", "Why the attempt did not succeed, for a person to read; null when sent.",
                        "nextAttemptAt", "When the next attempt is due (DEFERRED, OUTCOME_UNKNOWN); null otherwise."),
                "DeliveryReport", Map.of(
                        "kind", "The report's kind: HARD (permanent failure), SOFT (delay) or COMPLAINT.",
                        "status", "The delivery status notification's status code, e.g. 5.1.1; null for a complaint.",
                        "reason", "What the remote side said.",
                        "reportingMta", "The mail server that wrote the report.",
                        "at", "When the report was received (ISO 8601 instant).")));
    }

    /**
     * The e-mail of the e-mail log tests (the operations' examples show it whole); a property null for a sent
     * e-mail (a reason, the next attempt) has the value of the deferred or bounced one the tests log.
     */
    @Bean
    SchemaExamples emailLogExamples() {
        Map<String, Object> common = new HashMap<>();
        common.put("id", "send-1:r-1");
        common.put("clientId", "client-1");
        common.put("invoiceId", "inv-1");
        common.put("sendId", "send-1");
        common.put("recipientId", "r-1");
        common.put("from", "\"Акме ООД\" <invoices@acme.example>");
        common.put("to", "klient@beta.bg");
        common.put("subject", "Фактура");
        common.put("messageId", "<m-1@example>");
        common.put("sentAt", "2026-11-28T10:00:00Z");
        common.put("status", "SENT");
        common.put("outcomeUnknownResend", false);
        common.put("reason", "the mail server mx.example:25 deferred the message: 451 greylisted");
        common.put("nextAttemptAt", "2026-11-28T10:05:00Z");
        common.put("bounceReason", "550 5.1.1 user unknown");

        Map<String, Object> summary = new HashMap<>(common);
        summary.put("attempt", 1);
        summary.put("lastAttemptAt", "2026-11-28T10:00:00Z");

        Map<String, Object> details = new HashMap<>(common);
        details.put("replyTo", "office@acme.bg");
        details.put("textBody", "Здравейте");
        details.put("htmlBody", "<p>Здравейте</p>");
        details.put("smtpReply", "250 OK");
        details.put("sha256", "5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b");
        details.put("sizeBytes", 4242);
        details.put("linkHidden", true);
        details.put("sourceNote", EmailLogController.LINK_HIDDEN_NOTE);

        return new SchemaExamples(Map.of(
                "EmailSummary", summary,
                "EmailDetails", details,
                "Attachment", Map.of(
                        "fileName", "Фактура-0000000042.pdf",
                        "contentType", "application/pdf",
                        "size", 48213),
                "LoggedAttempt", Map.of(
                        "attempt", 1,
                        "at", "2026-11-28T10:00:00Z",
                        "outcome", "DEFERRED",
                        "smtpReply", "451 4.7.1 greylisted",
                        "reason", "the mail server mx.example:25 deferred the message: 451 greylisted",
                        "nextAttemptAt", "2026-11-28T10:05:00Z"),
                "DeliveryReport", Map.of(
                        "kind", "HARD",
                        "status", "5.1.1",
                        "reason", "550 5.1.1 user unknown",
                        "reportingMta", "mta.postfix.test",
                        "at", "2026-11-28T10:02:00Z")));
    }
}

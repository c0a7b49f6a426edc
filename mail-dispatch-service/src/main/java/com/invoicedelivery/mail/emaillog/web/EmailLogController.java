package com.invoicedelivery.mail.emaillog.web;

import java.time.Instant;
import java.util.List;

import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.security.Caller;
import com.invoicedelivery.mail.emaillog.application.EmailLog;
import com.invoicedelivery.mail.emaillog.application.MimeReader;
import com.invoicedelivery.mail.emaillog.domain.EmailContent;
import com.invoicedelivery.mail.emaillog.domain.LoggedAttempt;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmail;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmailCopy;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmailSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The e-mail log ("Clients → E-mails") for the tenant's users: every e-mail sent, and opening one shows what was
 * sent, with the personal link's token hidden (a working link would let the tenant's staff act as the client) and
 * the SHA-256 of the exact bytes sent. Another tenant's e-mail is not found.
 */
@RestController
@RequestMapping("/api/emails")
public class EmailLogController {

    static final String MESSAGE_RFC822 = "message/rfc822";
    /** Says, wherever the log shows an e-mail with a link, what differs from what was sent. */
    static final String LINK_HIDDEN_NOTE = "The personal link's token is hidden in this copy, so that no one but the"
            + " recipient can open the client's page; sha256 and sizeBytes are those of the exact bytes sent.";
    /** Whether the source's SHA-256 is that of the bytes sent (said for every e-mail without a hidden link). */
    static final String SOURCE_VERIFIED = "X-Source-Verified";
    static final String NOT_AS_SENT_NOTE = "This copy's SHA-256 is not that of the bytes sent (X-Sent-SHA256): the"
            + " log could not put it back together exactly; the operators have been told.";

    private final EmailLog log;

    public EmailLogController(EmailLog log) {
        this.log = log;
    }

    /** A page of at most {@code limit} e-mails; the next page starts at {@code offset + limit}. */
    @Operation(summary = "The tenant's e-mails, newest first, optionally of one client or one send, or in one status"
            + " (SENT, DEFERRED, FAILED, OUTCOME_UNKNOWN): e-mails that failed or wait for another attempt are listed"
            + " with their reason")
    @ApiResponse(responseCode = "200", description = "A page of the tenant's e-mails, newest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = EmailSummary.class)),
                    examples = @ExampleObject(name = "sent", value = "["
                    + "{\"id\": \"send-1:r-1\", \"clientId\": \"client-1\", \"invoiceId\": \"inv-1\", "
                    + "\"sendId\": \"send-1\", \"recipientId\": \"r-1\", "
                    + "\"from\": \"\\\"Акме ООД\\\" <invoices@acme.example>\", "
                    + "\"to\": \"klient@beta.bg\", \"subject\": \"Фактура\", "
                    + "\"messageId\": \"<m-1@example>\", \"sentAt\": \"2026-11-28T10:00:00Z\", "
                    + "\"status\": \"SENT\", \"outcomeUnknownResend\": false, \"reason\": null, "
                    + "\"attempt\": 1, \"lastAttemptAt\": \"2026-11-28T10:00:00Z\", "
                    + "\"nextAttemptAt\": null, \"bounceReason\": null}" + "]")))
    @GetMapping
    public List<EmailSummary> list(Caller caller, @RequestParam(required = false) String clientId,
                                   @RequestParam(required = false) String sendId,
                                   @RequestParam(required = false) String status,
                                   @RequestParam(defaultValue = "50") int limit,
                                   @RequestParam(defaultValue = "0") int offset) {
        return log.list(caller.requireTenant(), clientId, sendId, status, limit, offset).stream()
                .map(EmailSummary::of).toList();
    }

    @Operation(summary = "One e-mail as it was sent, its personal link's token hidden: headers, text and HTML bodies,"
            + " attachment names, the SHA-256 of the exact bytes sent")
    @ApiResponse(responseCode = "200", description = "The e-mail as it was sent.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = EmailDetails.class),
                    examples = @ExampleObject(name = "sent", value = ""
                    + "{\"id\": \"send-1:r-1\", \"clientId\": \"client-1\", \"invoiceId\": \"inv-1\", "
                    + "\"sendId\": \"send-1\", \"recipientId\": \"r-1\", "
                    + "\"from\": \"\\\"Акме ООД\\\" <invoices@acme.example>\", "
                    + "\"to\": \"klient@beta.bg\", \"replyTo\": \"office@acme.bg\", "
                    + "\"subject\": \"Фактура\", \"textBody\": \"Здравейте\", \"htmlBody\": null, "
                    + "\"attachments\": [{\"fileName\": \"Фактура-0000000042.pdf\", "
                    + "\"contentType\": \"application/pdf\", \"size\": 48213}], "
                    + "\"messageId\": \"<m-1@example>\", \"sentAt\": \"2026-11-28T10:00:00Z\", "
                    + "\"status\": \"SENT\", \"smtpReply\": \"250 OK\", "
                    + "\"outcomeUnknownResend\": false, "
                    + "\"sha256\": \"5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b\", "
                    + "\"sizeBytes\": 4242, \"linkHidden\": false, \"sourceNote\": null, "
                    + "\"reason\": null, \"nextAttemptAt\": null, \"attempts\": [{\"attempt\": 1, "
                    + "\"at\": \"2026-11-28T10:00:00Z\", \"outcome\": \"SENT\", "
                    + "\"smtpReply\": \"250 OK\", \"reason\": null, \"nextAttemptAt\": null}], "
                    + "\"bounceReason\": null, \"reports\": []}")))
    @GetMapping("/{id}")
    public EmailDetails details(Caller caller, @PathVariable String id) {
        LoggedEmailCopy found = log.find(caller.requireTenant(), id);
        // an e-mail not sent has no source: its entry shows how its attempts ended, and no content
        return EmailDetails.of(found.email(), found.copy() == null ? new EmailContent(null, null, null, List.of())
                : MimeReader.read(found.copy()));
    }

    /**
     * An attached PDF is put back in from pdf-service (the log keeps it by reference): when pdf-service cannot be
     * reached the answer is 503 (try again), when the document is gone 410, when its bytes changed 409; the details
     * ({@code GET /api/emails/{id}}) are read without the PDF and answer all the same.
     */
    @Operation(summary = "The e-mail's MIME source as sent, its personal link's token hidden (X-Link-Token-Hidden);"
            + " X-Sent-SHA256 is the SHA-256 of the exact bytes sent, X-Content-SHA256 that of this copy,"
            + " X-Source-Verified whether they are equal (e-mails without a hidden link)")
    @ApiResponse(responseCode = "409", description = "The e-mail's attachment is no longer the one sent.")
    @ApiResponse(responseCode = "410", description = "The e-mail's attachment is no longer stored.")
    @ApiResponse(responseCode = "503", description = "The source cannot be put together now (pdf-service "
            + "unreachable); `Retry-After` says when to try again.")
    @ResponseStatus(HttpStatus.OK)
    @GetMapping(value = "/{id}/source", produces = MESSAGE_RFC822)
    public ResponseEntity<byte[]> source(Caller caller, @PathVariable String id) {
        LoggedEmailSource found = log.source(caller.requireTenant(), id);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (found.email().linkHidden()) {
            answer.header("X-Link-Token-Hidden", "true").header("X-Source-Note", LINK_HIDDEN_NOTE);
        } else if (found.isExactlyAsSent()) {
            answer.header(SOURCE_VERIFIED, "true");
        } else {
            answer.header(SOURCE_VERIFIED, "false").header("X-Source-Note", NOT_AS_SENT_NOTE);
        }
        return answer
                .contentType(MediaType.parseMediaType(MESSAGE_RFC822))
                .header("X-Content-SHA256", Sha256.hex(found.source()))
                .header("X-Sent-SHA256", found.email().sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"email.eml\"")
                .body(found.source());
    }

    public record EmailSummary(String id, String clientId, String invoiceId, String sendId, String recipientId,
                               String from, String to, String subject, String messageId, Instant sentAt,
                               String status, boolean outcomeUnknownResend, String reason, int attempt,
                               Instant lastAttemptAt, Instant nextAttemptAt, String bounceReason) {

        static EmailSummary of(LoggedEmail email) {
            return new EmailSummary(email.id(), email.clientId(), email.invoiceId(), email.sendId(),
                    email.recipientId(), email.from(), email.to(), email.subject(), email.messageId(),
                    email.sentAt(), email.status(), email.outcomeUnknownResend(), email.reason(), email.attempt(),
                    email.lastAttemptAt(), email.nextAttemptAt(), latestBounceReason(email));
        }
    }

    public record EmailDetails(String id, String clientId, String invoiceId, String sendId, String recipientId,
                               String from, String to, String replyTo, String subject, String textBody,
                               String htmlBody, List<EmailContent.Attachment> attachments, String messageId,
                               Instant sentAt, String status, String smtpReply, boolean outcomeUnknownResend,
                               String sha256, long sizeBytes, boolean linkHidden, String sourceNote,
                               String reason, Instant nextAttemptAt, List<LoggedAttempt> attempts,
                               String bounceReason, List<LoggedEmail.DeliveryReport> reports) {

        static EmailDetails of(LoggedEmail email, EmailContent content) {
            return new EmailDetails(email.id(), email.clientId(), email.invoiceId(), email.sendId(),
                    email.recipientId(), email.from(), email.to(), content.replyTo(), email.subject(),
                    content.textBody(), content.htmlBody(), content.attachments(), email.messageId(),
                    email.sentAt(), email.status(), email.smtpReply(), email.outcomeUnknownResend(), email.sha256(),
                    email.sizeBytes(), email.linkHidden(), email.linkHidden() ? LINK_HIDDEN_NOTE : null,
                    email.reason(), email.nextAttemptAt(), email.attempts(), latestBounceReason(email),
                    email.reports());
        }
    }

    /** The remote side's words of the latest permanent failure reported, for a BOUNCED e-mail; null otherwise. */
    static String latestBounceReason(LoggedEmail email) {
        if (email.reports() == null) {
            return null;
        }
        String reason = null;
        for (LoggedEmail.DeliveryReport report : email.reports()) {
            if ("HARD".equals(report.kind())) {
                reason = report.reason();
            }
        }
        return reason;
    }
}

package com.invoicedelivery.mail.emaillog.application;

import java.util.ArrayList;
import java.util.List;

import com.invoicedelivery.kit.problem.FieldViolation;
import com.invoicedelivery.kit.problem.InvalidInputException;
import com.invoicedelivery.kit.problem.NotFoundException;
import com.invoicedelivery.mail.emaillog.domain.LoggedAttempt;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmail;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmailCopy;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmailSource;
import com.invoicedelivery.mail.emaillog.persistence.EmailStore;
import com.invoicedelivery.mail.message.application.DocumentSource;
import com.invoicedelivery.mail.message.domain.LoggedCopy;
import com.invoicedelivery.mail.message.domain.MessagePreparationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every e-mail sent, kept as it went out (its personal link's token hidden) with the SHA-256 of the exact bytes sent,
 * and read back per tenant. An attached PDF is not kept twice: the log keeps the source around it and a reference
 * to the document in pdf-service, and puts the PDF back in when the source is asked for.
 */
public class EmailLog {

    public static final int MAX_LIMIT = 200;
    /** The statuses an entry may have: its latest attempt's outcome. */
    public static final List<String> STATUSES = List.of("SENT", "DEFERRED", "FAILED", "OUTCOME_UNKNOWN");

    private static final Logger log = LoggerFactory.getLogger(EmailLog.class);

    private final EmailStore emails;
    private final DocumentSource documents;

    public EmailLog(EmailStore emails, DocumentSource documents) {
        this.emails = emails;
        this.documents = documents;
    }

    /** Keeps a sent e-mail with its copy as stored (replacing an earlier entry of the same job). */
    public void record(LoggedEmail email, LoggedCopy copy) {
        emails.save(email, copy);
    }

    /**
     * Adds one attempt's outcome to the e-mail's entry, making the entry (without a source) when the e-mail has none
     * yet: so an e-mail that failed or waits for another attempt is in the log too, with its status and reason.
     *
     * @param entry the e-mail as far as the job knows it, with the attempt's status, reply, reason and next attempt
     */
    public void attempted(LoggedEmail entry, LoggedAttempt attempt) {
        emails.addAttempt(entry, attempt);
    }

    /** Adds a report that came back about an e-mail; a permanent failure marks it BOUNCED. */
    public boolean addReport(String tenantId, String id, LoggedEmail.DeliveryReport report, boolean bounced) {
        return emails.addReport(tenantId, id, report, bounced);
    }

    /** {@link #list(String, String, String, String, int, int)} of every status. */
    public List<LoggedEmail> list(String tenantId, String clientId, String sendId, int limit, int offset) {
        return list(tenantId, clientId, sendId, null, limit, offset);
    }

    /**
     * One page of the tenant's e-mails, newest first, optionally of one client or one send, or in one status.
     *
     * @throws InvalidInputException when the limit, offset or status is out of range
     */
    public List<LoggedEmail> list(String tenantId, String clientId, String sendId, String status, int limit,
                                  int offset) {
        List<FieldViolation> violations = new ArrayList<>();
        String wantedStatus = blankToNull(status);
        if (wantedStatus != null && !STATUSES.contains(wantedStatus)) {
            violations.add(new FieldViolation("status", "must be one of " + String.join(", ", STATUSES)));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(new FieldViolation("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (offset < 0) {
            violations.add(new FieldViolation("offset", "must not be negative"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return emails.list(tenantId, blankToNull(clientId), blankToNull(sendId), wantedStatus, offset, limit);
    }

    /**
     * The e-mail with its copy as stored, which shows every header and text without the attached document.
     *
     * @throws NotFoundException when the tenant has no such e-mail
     */
    public LoggedEmailCopy find(String tenantId, String id) {
        return emails.find(tenantId, id).orElseThrow(() -> new NotFoundException("E-mail", id));
    }

    /**
     * The e-mail's source byte for byte as the log shows it: the attached document fetched from pdf-service, checked
     * against the SHA-256 it was sent with, encoded again and put back in its place.
     *
     * @throws NotFoundException          when the tenant has no such e-mail
     * @throws SourceUnavailableException when the attached document cannot be had now, is gone or has changed
     */
    public LoggedEmailSource source(String tenantId, String id) {
        LoggedEmailCopy found = find(tenantId, id);
        LoggedCopy copy = found.copy();
        if (copy == null) {
            // only what a server accepted has a source; the entry itself says how its attempts ended
            throw new NotFoundException("Source of e-mail", id + " (" + found.email().status() + ", not sent)");
        }
        if (!copy.isDetached()) {
            return new LoggedEmailSource(found.email(), copy.head());
        }
        String documentId = copy.attachment().documentId();
        LoggedEmailSource source;
        try {
            source = new LoggedEmailSource(found.email(), copy.reassembled(documents.fetch(documentId)));
        } catch (MessagePreparationException e) {
            throw e.isTemporary()
                    ? new SourceUnavailableException(SourceUnavailableException.Reason.UNREACHABLE,
                            "the attached document " + documentId + " cannot be had from pdf-service now", e)
                    : new SourceUnavailableException(SourceUnavailableException.Reason.DOCUMENT_GONE,
                            "the attached document " + documentId + " is no longer stored", e);
        } catch (LoggedCopy.DocumentChangedException e) {
            log.warn("e-mail {}: {}", id, e.getMessage());
            throw new SourceUnavailableException(SourceUnavailableException.Reason.DOCUMENT_CHANGED,
                    "the stored " + e.getMessage(), e);
        }
        if (!found.email().linkHidden() && !source.isExactlyAsSent()) {
            log.warn("e-mail {}: its source put back together does not have the SHA-256 of the bytes sent", id);
        }
        return source;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

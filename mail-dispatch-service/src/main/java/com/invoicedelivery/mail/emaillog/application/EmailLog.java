package com.invoicedelivery.mail.emaillog.application;

import java.util.ArrayList;
import java.util.List;

import com.invoicedelivery.kit.problem.FieldViolation;
import com.invoicedelivery.kit.problem.InvalidInputException;
import com.invoicedelivery.kit.problem.NotFoundException;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmail;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmailSource;
import com.invoicedelivery.mail.emaillog.persistence.EmailStore;

/**
 * Every e-mail sent, kept as it went out (its personal link's token hidden) with the SHA-256 of the exact bytes sent,
 * and read back per tenant.
 */
public class EmailLog {

    public static final int MAX_LIMIT = 200;

    private final EmailStore emails;

    public EmailLog(EmailStore emails) {
        this.emails = emails;
    }

    /** Keeps a sent e-mail with the source to show (replacing an earlier entry of the same job). */
    public void record(LoggedEmail email, byte[] source) {
        emails.save(email, source);
    }

    /**
     * One page of the tenant's e-mails, newest first, optionally of one client or one send.
     *
     * @throws InvalidInputException when the limit or offset is out of range
     */
    public List<LoggedEmail> list(String tenantId, String clientId, String sendId, int limit, int offset) {
        List<FieldViolation> violations = new ArrayList<>();
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(new FieldViolation("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (offset < 0) {
            violations.add(new FieldViolation("offset", "must not be negative"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return emails.list(tenantId, blankToNull(clientId), blankToNull(sendId), offset, limit);
    }

    /** @throws NotFoundException when the tenant has no such e-mail */
    public LoggedEmailSource find(String tenantId, String id) {
        return emails.find(tenantId, id).orElseThrow(() -> new NotFoundException("E-mail", id));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

package com.invoicedelivery.invoice.invoicing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.invoice.shared.domain.SendStatus;
import com.invoicedelivery.invoice.shared.domain.StateConflictException;

/**
 * An invoice (or proforma, credit or debit note) of a tenant to one of its clients.
 *
 * @param number     ten digits, unique in the tenant
 * @param totals     computed from the lines when the invoice was made; every later reader prints them as they are
 * @param sendStatus the status of the invoice's latest send; null before the first send
 * @param issuedAt   null while a draft
 */
public record Invoice(String id, String tenantId, String number, String clientId, DocumentKind kind,
                      InvoiceStatus status, LocalDate issueDate, LocalDate taxEventDate, LocalDate dueDate,
                      String currency, String paymentMethod, List<InvoiceLine> lines, String notes, Totals totals,
                      SendStatus sendStatus, Instant createdAt, Instant issuedAt) {

    public Invoice {
        lines = List.copyOf(lines);
    }

    /** A new draft from a validated {@link InvoiceDraft}, numbered {@code number}. */
    public static Invoice draft(String id, String tenantId, String number, InvoiceDraft draft, Instant createdAt) {
        return new Invoice(id, tenantId, number, draft.clientId(), draft.kind(), InvoiceStatus.DRAFT,
                draft.issueDate(), draft.taxEventDate(), draft.dueDate(), draft.currency(), draft.paymentMethod(),
                draft.lines(), draft.notes(), Totals.of(draft.lines()), null, createdAt, null);
    }

    /**
     * The invoice issued at {@code at}.
     *
     * @throws StateConflictException when it is not a draft
     */
    public Invoice issued(Instant at) {
        if (status != InvoiceStatus.DRAFT) {
            throw new StateConflictException("status", "invoice " + number + " is " + status + ", only a DRAFT can be issued");
        }
        return new Invoice(id, tenantId, number, clientId, kind, InvoiceStatus.ISSUED, issueDate, taxEventDate,
                dueDate, currency, paymentMethod, lines, notes, totals, sendStatus, createdAt, at);
    }

    /** An invoice imported from the tenant's own invoicing system: issued there, so issued here at once. */
    public static Invoice imported(String id, String tenantId, String number, InvoiceDraft draft, Instant at) {
        return draft(id, tenantId, number, draft, at).issued(at);
    }

    /** Why the invoice may not be sent (a draft); empty when it may. */
    public Optional<String> whyNotSendable() {
        return status == InvoiceStatus.DRAFT
                ? Optional.of("invoice " + number + " is a DRAFT; issue it before sending it")
                : Optional.empty();
    }

    /** @throws StateConflictException naming {@code invoiceId} when the invoice may not be sent (a draft) */
    public void requireSendable() {
        whyNotSendable().ifPresent(reason -> {
            throw new StateConflictException("invoiceId", reason);
        });
    }
}

package com.invoicedelivery.invoice.invoicing.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.invoicedelivery.invoice.client.application.Clients;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceDraft;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceNumber;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceStatus;
import com.invoicedelivery.invoice.invoicing.domain.LatestSend;
import com.invoicedelivery.invoice.invoicing.persistence.InvoiceNumberSequence;
import com.invoicedelivery.invoice.invoicing.persistence.InvoiceStore;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import com.invoicedelivery.invoice.shared.domain.SendStatus;
import com.invoicedelivery.invoice.shared.domain.StateConflictException;
import com.invoicedelivery.kit.problem.NotFoundException;

/** A tenant's invoices: drafted, numbered, issued, and marked with the status of their latest send. */
public class Invoices {

    /** Automatic numbers skip numbers users took by hand; this many in a row means something else is wrong. */
    private static final int NUMBERING_ATTEMPTS = 5;

    private final InvoiceStore store;
    private final InvoiceNumberSequence sequence;
    private final Clients clients;
    private final Clock clock;

    public Invoices(InvoiceStore store, InvoiceNumberSequence sequence, Clients clients, Clock clock) {
        this.store = store;
        this.sequence = sequence;
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * Creates a draft, numbered as asked or with the next number of the tenant's sequence.
     *
     * @throws RuleViolationException when the draft breaks a rule or names no client of the tenant
     * @throws StateConflictException naming {@code number} when the tenant has an invoice with that number
     */
    public Invoice create(String tenantId, InvoiceDraft request) {
        InvoiceDraft draft = request.validated();
        if (clients.find(tenantId, draft.clientId()).isEmpty()) {
            throw new RuleViolationException("clientId", "is not one of your clients");
        }
        return draft.number() == null ? insertNumbered(tenantId, draft, newDraft(tenantId, draft))
                : insertAsNumbered(tenantId, draft, newDraft(tenantId, draft));
    }

    /**
     * Stores an invoice imported from the tenant's invoicing system under {@code invoiceId}, ISSUED. The id comes
     * from the import (its batch and row), so importing the same row again finds the invoice stored the first time
     * and stores nothing.
     *
     * @param request validated by the caller, with the id of one of the tenant's clients
     * @throws StateConflictException naming {@code number} when the tenant has another invoice with that number
     */
    public Invoice importIssued(String tenantId, String invoiceId, InvoiceDraft request) {
        InvoiceDraft draft = request.validated();
        return store.find(tenantId, invoiceId).orElseGet(() -> draft.number() == null
                ? insertNumbered(tenantId, draft, number -> Invoice.imported(invoiceId, tenantId, number, draft, now()))
                : insertAsNumbered(tenantId, draft,
                        number -> Invoice.imported(invoiceId, tenantId, number, draft, now())));
    }

    private Invoice insertAsNumbered(String tenantId, InvoiceDraft draft, Function<String, Invoice> numbered) {
        Invoice invoice = numbered.apply(draft.number());
        if (!store.insert(invoice)) {
            // the same import row stored by a concurrent delivery of its batch, or the number is another invoice's
            return store.find(tenantId, invoice.id()).orElseThrow(() ->
                    new StateConflictException("number", "invoice number " + draft.number() + " is already used"));
        }
        sequence.observe(tenantId, InvoiceNumber.sequenceOf(draft.number()));
        return invoice;
    }

    private Invoice insertNumbered(String tenantId, InvoiceDraft draft, Function<String, Invoice> numbered) {
        for (int attempt = 0; attempt < NUMBERING_ATTEMPTS; attempt++) {
            Invoice invoice = numbered.apply(InvoiceNumber.of(sequence.next(tenantId)));
            if (store.insert(invoice)) {
                return invoice;
            }
            Optional<Invoice> sameId = store.find(tenantId, invoice.id());
            if (sameId.isPresent()) {
                return sameId.get();
            }
        }
        throw new IllegalStateException("tenant " + tenantId + ": " + NUMBERING_ATTEMPTS
                + " numbers of the sequence in a row were taken");
    }

    private Function<String, Invoice> newDraft(String tenantId, InvoiceDraft draft) {
        String id = UUID.randomUUID().toString();
        return number -> Invoice.draft(id, tenantId, number, draft, now());
    }

    /** @throws StateConflictException when the invoice is not a draft (any more) */
    public Invoice issue(String tenantId, String invoiceId) {
        Invoice issued = get(tenantId, invoiceId).issued(now());
        if (!store.markIssued(issued)) {
            throw new StateConflictException("status", "invoice " + issued.number() + " has just been issued by another request");
        }
        return issued;
    }

    /** @throws NotFoundException when the tenant has no such invoice */
    public Invoice get(String tenantId, String invoiceId) {
        return store.find(tenantId, invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
    }

    public Optional<Invoice> find(String tenantId, String invoiceId) {
        return store.find(tenantId, invoiceId);
    }

    /** Those of {@code invoiceIds} the tenant has, by id; the ones it has not are missing from the map. */
    public Map<String, Invoice> findAll(String tenantId, Collection<String> invoiceIds) {
        return store.findAll(tenantId, invoiceIds).stream().collect(Collectors.toMap(Invoice::id, invoice -> invoice));
    }

    /** The tenant's invoices, newest number first; a null filter matches every value. */
    public List<Invoice> list(String tenantId, InvoiceStatus status, SendStatus sendStatus) {
        return store.list(tenantId, status, sendStatus);
    }

    /** Shows where the invoice's latest send stands (reports of older sends, or older reports, change nothing). */
    public void recordLatestSend(String tenantId, String invoiceId, LatestSend latest) {
        store.recordLatestSend(tenantId, invoiceId, latest);
    }

    /** {@link #recordLatestSend} for the sends of one request, by invoice (each invoice once), in one write. */
    public void recordLatestSends(String tenantId, Map<String, LatestSend> latestByInvoice) {
        store.recordLatestSends(tenantId, latestByInvoice);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

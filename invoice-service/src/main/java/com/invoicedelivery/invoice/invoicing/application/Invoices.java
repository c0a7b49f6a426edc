package com.invoicedelivery.invoice.invoicing.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** One invoice of an import batch: its id (derived from the batch and the row) and its draft, validated. */
    public record ImportOrder(String invoiceId, InvoiceDraft draft) {
    }

    /** What became of an {@link ImportOrder}: its invoice, or why it was refused. */
    public record ImportResult(Invoice invoice, StateConflictException refused) {
    }

    /**
     * {@link #importIssued} for the invoices of one import batch, in a constant number of store round trips: the
     * invoices made before read at once, the new ones numbered at once (one block of the sequence, in the order of
     * the orders) and inserted at once. A batch mixing chosen numbers with automatic ones is numbered order after
     * order, as {@link #importIssued} does, so that an automatic number still follows a chosen one before it.
     *
     * @return the result of each order, in their order
     */
    public List<ImportResult> importAllIssued(String tenantId, List<ImportOrder> orders) {
        Map<String, Invoice> before = findAll(tenantId, orders.stream().map(ImportOrder::invoiceId).toList());
        List<ImportOrder> fresh = orders.stream().filter(order -> !before.containsKey(order.invoiceId())).toList();
        long chosen = fresh.stream().filter(order -> order.draft().number() != null).count();
        Map<String, ImportResult> made = new HashMap<>();
        if (chosen > 0 && chosen < fresh.size()) {
            fresh.forEach(order -> made.put(order.invoiceId(), importOne(tenantId, order)));
        } else if (chosen > 0) {
            made.putAll(insertChosen(tenantId, fresh));
        } else if (!fresh.isEmpty()) {
            made.putAll(insertNumberedBlock(tenantId, fresh));
        }
        return orders.stream().map(order -> before.containsKey(order.invoiceId())
                ? new ImportResult(before.get(order.invoiceId()), null) : made.get(order.invoiceId())).toList();
    }

    private ImportResult importOne(String tenantId, ImportOrder order) {
        try {
            return new ImportResult(importIssued(tenantId, order.invoiceId(), order.draft()), null);
        } catch (StateConflictException refused) {
            return new ImportResult(null, refused);
        }
    }

    /** New invoices numbered as their importer chose; a number taken (before, or by an earlier order) is refused. */
    private Map<String, ImportResult> insertChosen(String tenantId, List<ImportOrder> orders) {
        Map<String, ImportResult> results = new HashMap<>();
        Set<String> numbers = new HashSet<>();
        List<Invoice> invoices = new ArrayList<>();
        for (ImportOrder order : orders) {
            if (numbers.add(order.draft().number())) {
                invoices.add(Invoice.imported(order.invoiceId(), tenantId, order.draft().number(), order.draft(), now()));
            } else {
                results.put(order.invoiceId(), new ImportResult(null, numberTaken(order.draft().number())));
            }
        }
        Set<String> stored = store.insertAll(invoices);
        Map<String, Invoice> notStored = madeMeanwhile(tenantId, invoices, stored);
        long highest = 0;
        for (Invoice invoice : invoices) {
            if (stored.contains(invoice.id())) {
                results.put(invoice.id(), new ImportResult(invoice, null));
                highest = Math.max(highest, InvoiceNumber.sequenceOf(invoice.number()));
            } else {
                // the same import row stored by a concurrent delivery of its batch, or the number is another invoice's
                Invoice meanwhile = notStored.get(invoice.id());
                results.put(invoice.id(), meanwhile != null ? new ImportResult(meanwhile, null)
                        : new ImportResult(null, numberTaken(invoice.number())));
            }
        }
        if (highest > 0) {
            sequence.observe(tenantId, highest);
        }
        return results;
    }

    /**
     * New invoices numbered by one block of the tenant's sequence, in the order of the orders. A number found taken
     * (by hand, above the sequence) makes its invoice take the next free number afterwards, as {@link #importIssued}
     * would have.
     */
    private Map<String, ImportResult> insertNumberedBlock(String tenantId, List<ImportOrder> orders) {
        long first = sequence.nextBlock(tenantId, orders.size());
        List<Invoice> invoices = new ArrayList<>();
        for (int index = 0; index < orders.size(); index++) {
            ImportOrder order = orders.get(index);
            invoices.add(Invoice.imported(order.invoiceId(), tenantId, InvoiceNumber.of(first + index), order.draft(),
                    now()));
        }
        Set<String> stored = store.insertAll(invoices);
        Map<String, Invoice> notStored = madeMeanwhile(tenantId, invoices, stored);
        Map<String, ImportResult> results = new HashMap<>();
        for (int index = 0; index < orders.size(); index++) {
            Invoice invoice = invoices.get(index);
            ImportOrder order = orders.get(index);
            if (stored.contains(invoice.id())) {
                results.put(invoice.id(), new ImportResult(invoice, null));
            } else if (notStored.containsKey(invoice.id())) {
                results.put(invoice.id(), new ImportResult(notStored.get(invoice.id()), null));
            } else {
                results.put(invoice.id(), importOne(tenantId, order));
            }
        }
        return results;
    }

    /** Those of {@code invoices} not stored now that exist by their id: made by a concurrent delivery of the batch. */
    private Map<String, Invoice> madeMeanwhile(String tenantId, List<Invoice> invoices, Set<String> stored) {
        List<String> missing = invoices.stream().map(Invoice::id).filter(id -> !stored.contains(id)).toList();
        return missing.isEmpty() ? Map.of() : findAll(tenantId, missing);
    }

    private static StateConflictException numberTaken(String number) {
        return new StateConflictException("number", "invoice number " + number + " is already used");
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

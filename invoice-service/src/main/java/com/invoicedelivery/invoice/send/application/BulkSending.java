package com.invoicedelivery.invoice.send.application;

import com.invoicedelivery.invoice.suppression.application.Suppressions;
import com.invoicedelivery.invoice.suppression.domain.SuppressedAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.invoicedelivery.invoice.client.application.Clients;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.application.Invoices;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.send.domain.EmailComposer;
import com.invoicedelivery.invoice.send.domain.IdempotencyKey;
import com.invoicedelivery.invoice.send.domain.InvoiceEmail;
import com.invoicedelivery.invoice.send.domain.RequestFingerprint;
import com.invoicedelivery.invoice.send.domain.Send;
import com.invoicedelivery.invoice.send.domain.SendBatch;
import com.invoicedelivery.invoice.send.domain.SendIds;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.StateConflictException;
import com.invoicedelivery.invoice.shared.domain.UnknownReferenceException;

/**
 * Sends many invoices at once, each with its own recipients, texts and language. All or nothing: every invoice is
 * checked before the first send is made, and a request that names an unknown invoice or a Draft sends none. The
 * invoices and their clients are read at once, and the sends made at once ({@link SendIssuer#issueAll}): a request of
 * 200 invoices makes as many store round trips as one of 2.
 */
public class BulkSending {

    private final Invoices invoices;
    private final Clients clients;
    private final SendingContexts contexts;
    private final IdempotentRequests idempotency;
    private final SendIssuer issuer;
    private final Suppressions suppressions;

    public BulkSending(Invoices invoices, Clients clients, SendingContexts contexts, IdempotentRequests idempotency,
                       SendIssuer issuer, Suppressions suppressions) {
        this.suppressions = suppressions;
        this.invoices = invoices;
        this.clients = clients;
        this.contexts = contexts;
        this.idempotency = idempotency;
        this.issuer = issuer;
    }

    /**
     * @param idempotencyKey null, or the request's key: the same request again answers with the same sends
     * @return one send per invoice, in the order asked
     * @throws com.invoicedelivery.invoice.shared.domain.RuleViolationException naming {@code invoices[i]...} (or the limit)
     * @throws UnknownReferenceException naming {@code invoices[i].invoiceId} of each unknown invoice
     * @throws StateConflictException naming {@code invoices[i].invoiceId} of each Draft
     */
    public List<Send> send(String tenantId, SendBatch batch, String idempotencyKey) {
        SendBatch checked = batch.validated();
        String key = IdempotencyKey.validated(idempotencyKey);
        EmailComposer composer = contexts.composerFor(tenantId);
        List<SendBatch.Item> items = checked.items();
        Map<String, Invoice> found = invoices.findAll(tenantId, items.stream().map(SendBatch.Item::invoiceId).toList());
        requireNone(items, (item, field) -> found.containsKey(item.invoiceId()) ? null
                : new RuleViolation(field, "no invoice of yours has the id " + item.invoiceId()),
                violations -> new UnknownReferenceException("Invoice", items.stream().map(SendBatch.Item::invoiceId)
                        .filter(id -> !found.containsKey(id)).distinct().toList(), violations));
        requireNone(items, (item, field) -> found.get(item.invoiceId()).whyNotSendable()
                .map(reason -> new RuleViolation(field, reason)).orElse(null), StateConflictException::new);
        Map<String, Client> clientsById = clients.findAll(tenantId,
                found.values().stream().map(Invoice::clientId).distinct().toList());
        requireNone(items, (item, field) -> clientsById.containsKey(found.get(item.invoiceId()).clientId()) ? null
                : new RuleViolation(field, "the client of this invoice no longer exists"), StateConflictException::new);

        List<InvoiceEmail> emails = items.stream().map(item -> composer.compose(
                clientsById.get(found.get(item.invoiceId()).clientId()), found.get(item.invoiceId()), item.options()))
                .toList();
        emails = withoutSuppressed(tenantId, items, emails);
        SendIds ids = idempotency.claim(tenantId, key, checked.addTo(RequestFingerprint.of("bulk-send")));
        List<SendIssuer.Order> orders = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            Invoice invoice = found.get(items.get(index).invoiceId());
            orders.add(new SendIssuer.Order(ids.forInvoice(invoice.id()), clientsById.get(invoice.clientId()), invoice,
                    emails.get(index)));
        }
        return issuer.issueAll(composer.tenant(), orders);
    }

    /**
     * Leaves out of each invoice's e-mail the recipients on the tenant's suppression list (one read for the whole
     * batch), unless the invoice confirms them. An invoice left with no recipient refuses the batch (409 naming
     * {@code invoices[i].recipients}, with why each was left out): nothing is sent.
     */
    private List<InvoiceEmail> withoutSuppressed(String tenantId, List<SendBatch.Item> items,
                                                 List<InvoiceEmail> emails) {
        Map<String, SuppressedAddress> listed = suppressions.among(tenantId,
                emails.stream().flatMap(email -> email.recipients().stream()).toList());
        if (listed.isEmpty()) {
            return emails;
        }
        List<InvoiceEmail> kept = new ArrayList<>();
        List<RuleViolation> emptied = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            InvoiceEmail email = emails.get(index);
            if (items.get(index).confirmSuppressed()) {
                kept.add(email);
                continue;
            }
            List<String> recipients = email.recipients().stream()
                    .filter(recipient -> !listed.containsKey(SuppressedAddress.normalized(recipient))).toList();
            if (recipients.isEmpty()) {
                emptied.add(new RuleViolation("invoices[" + index + "].recipients", "every recipient is on your"
                        + " suppression list (" + email.recipients().stream().map(recipient -> recipient + " "
                        + listed.get(SuppressedAddress.normalized(recipient)).note()).toList()
                        + "); set confirmSuppressed to send to them anyway, or clear them from the list"));
            }
            kept.add(new InvoiceEmail(recipients, email.language(), email.mode(), email.subject(), email.message()));
        }
        if (!emptied.isEmpty()) {
            throw new StateConflictException(emptied);
        }
        return kept;
    }

    /** Refuses the batch with {@code refusal} naming each item {@code problem} finds something wrong with. */
    private static void requireNone(List<SendBatch.Item> items, BiFunction<SendBatch.Item, String, RuleViolation> problem,
                                    Function<List<RuleViolation>, RuntimeException> refusal) {
        List<RuleViolation> found = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            RuleViolation violation = problem.apply(items.get(index), "invoices[" + index + "].invoiceId");
            if (violation != null) {
                found.add(violation);
            }
        }
        if (!found.isEmpty()) {
            throw refusal.apply(found);
        }
    }
}

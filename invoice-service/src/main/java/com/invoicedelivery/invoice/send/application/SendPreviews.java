package com.invoicedelivery.invoice.send.application;

import java.util.List;
import java.util.Map;

import com.invoicedelivery.invoice.client.application.Clients;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.application.Invoices;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.send.domain.EmailComposer;
import com.invoicedelivery.invoice.send.domain.InvoiceSelection;
import com.invoicedelivery.invoice.send.domain.SendOptions;
import com.invoicedelivery.invoice.send.domain.SendPreviewItem;
import com.invoicedelivery.invoice.suppression.application.Suppressions;
import com.invoicedelivery.invoice.suppression.domain.SuppressedAddress;

/**
 * The send preview: for each invoice ticked, the e-mail it would go out with. An invoice that cannot be sent (a
 * Draft, an unknown id) is shown with its problem; it never fails the preview of the others.
 */
public class SendPreviews {

    private final Invoices invoices;
    private final Clients clients;
    private final SendingContexts contexts;
    private final Suppressions suppressions;

    public SendPreviews(Invoices invoices, Clients clients, SendingContexts contexts, Suppressions suppressions) {
        this.invoices = invoices;
        this.clients = clients;
        this.contexts = contexts;
        this.suppressions = suppressions;
    }

    /** @return one item per id asked, in the order asked */
    public List<SendPreviewItem> preview(String tenantId, InvoiceSelection selection) {
        List<String> ids = selection.validated().invoiceIds();
        EmailComposer composer = contexts.composerFor(tenantId);
        Map<String, Invoice> found = invoices.findAll(tenantId, ids);
        Map<String, Client> clientsById = clients.findAll(tenantId,
                found.values().stream().map(Invoice::clientId).distinct().toList());
        List<SendPreviewItem> items = ids.stream().map(id -> item(id, found.get(id), clientsById, composer)).toList();
        // the flagged addresses of every item in one read
        Map<String, SuppressedAddress> flagged = suppressions.among(tenantId, items.stream()
                .filter(item -> item.email() != null).flatMap(item -> item.email().recipients().stream()).toList());
        return items.stream().map(item -> item.flagging(flagged)).toList();
    }

    private static SendPreviewItem item(String invoiceId, Invoice invoice, Map<String, Client> clients,
                                        EmailComposer composer) {
        if (invoice == null) {
            return SendPreviewItem.unknown(invoiceId);
        }
        Client client = clients.get(invoice.clientId());
        if (client == null) {
            return SendPreviewItem.withoutClient(invoice);
        }
        return SendPreviewItem.of(invoice, client, composer.compose(client, invoice, SendOptions.defaults()));
    }
}

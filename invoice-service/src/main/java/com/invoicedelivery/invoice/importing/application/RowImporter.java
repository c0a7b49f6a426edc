package com.invoicedelivery.invoice.importing.application;

import java.util.List;

import com.invoicedelivery.events.ClientPolicy;
import com.invoicedelivery.events.ImportRowResult;
import com.invoicedelivery.events.ImportRowResult.ClientUse;
import com.invoicedelivery.events.ImportedClient;
import com.invoicedelivery.events.ImportedInvoice;
import com.invoicedelivery.invoice.client.application.Clients;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.importing.domain.ImportIds;
import com.invoicedelivery.invoice.importing.domain.ImportOutcome;
import com.invoicedelivery.invoice.importing.domain.ImportRows;
import com.invoicedelivery.invoice.invoicing.application.Invoices;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.send.application.SendIssuer;
import com.invoicedelivery.invoice.send.domain.EmailComposer;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import com.invoicedelivery.invoice.shared.domain.StateConflictException;
import com.invoicedelivery.invoice.shared.domain.Violations;

/**
 * Imports one row of a batch: checks it, finds or creates its client (by the batch's {@link ClientPolicy} when the
 * tenant has a client with the row's UIC and other details), stores its invoice ISSUED and, when asked,
 * sends it. Everything it makes has an id derived from the batch and the row, so running it again for the same row
 * makes nothing new. A row that breaks a rule is refused with its reasons; it never stops the other rows.
 */
public class RowImporter {

    /** One batch being imported: whose it is, and how its e-mails are written. */
    record BatchContext(String tenantId, String batchId, boolean sendAfterImport, ClientPolicy clientPolicy,
                        EmailComposer composer) {
    }

    private final Clients clients;
    private final Invoices invoices;
    private final SendIssuer issuer;

    public RowImporter(Clients clients, Invoices invoices, SendIssuer issuer) {
        this.clients = clients;
        this.invoices = invoices;
        this.issuer = issuer;
    }

    ImportRowResult importRow(BatchContext batch, int index, ImportedInvoice row) {
        Violations violations = new Violations();
        ImportRows.validate(row, violations);
        if (!violations.isEmpty()) {
            return ImportOutcome.refused(index, ImportRows.externalRef(row), violations.list());
        }
        try {
            Clients.ImportedClientUse use = clientOf(batch, index, row);
            if (use.resolution() == ClientUse.Resolution.CONFLICT) {
                return ImportOutcome.refused(index, ImportRows.externalRef(row), use.fields().stream()
                        .map(field -> new RuleViolation("client." + field, "differs from the tenant's client "
                                + use.client().id() + " with this UIC, and the batch's clientPolicy is CONFLICT"))
                        .toList(), use.asResult());
            }
            Client client = use.client();
            Invoice invoice = invoices.importIssued(batch.tenantId(),
                    ImportIds.invoice(batch.tenantId(), batch.batchId(), index), ImportRows.draft(row, client.id()));
            // the client as this row left it: its addresses are the row's own (CREATED, MATCHED or UPDATED)
            String sendId = batch.sendAfterImport() ? send(batch, index, row, client, invoice) : null;
            return ImportOutcome.imported(index, ImportRows.externalRef(row), invoice.id(), sendId, use.asResult());
        } catch (RuleViolationException refused) {
            return ImportOutcome.refused(index, ImportRows.externalRef(row), refused.violations());
        } catch (StateConflictException refused) {
            return ImportOutcome.refused(index, ImportRows.externalRef(row), refused.violations().isEmpty()
                    ? List.of(new RuleViolation("row", refused.getMessage())) : refused.violations());
        }
    }

    private Clients.ImportedClientUse clientOf(BatchContext batch, int index, ImportedInvoice row) {
        if (row.clientId() != null) {
            Client named = clients.find(batch.tenantId(), row.clientId().strip())
                    .orElseThrow(() -> new RuleViolationException("clientId", "is not one of your clients"));
            return new Clients.ImportedClientUse(named, ClientUse.Resolution.MATCHED, List.of());
        }
        ImportedClient described = row.client();
        return clients.resolveImported(batch.tenantId(), ImportIds.client(batch.tenantId(), batch.batchId(), index),
                ImportRows.clientDetails(described), described.emails(), described.language(), batch.clientPolicy());
    }

    private String send(BatchContext batch, int index, ImportedInvoice row, Client client, Invoice invoice) {
        EmailComposer composer = batch.composer();
        return issuer.issue(ImportIds.send(batch.tenantId(), batch.batchId(), index), composer.tenant(), client, invoice,
                composer.compose(client, invoice, ImportRows.sendOptions(row).normalized())).id();
    }
}

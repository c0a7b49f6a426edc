package com.invoicedelivery.invoice.importing.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.invoicedelivery.events.ClientPolicy;
import com.invoicedelivery.events.ImportRowResult;
import com.invoicedelivery.events.ImportRowResult.ClientUse;
import com.invoicedelivery.events.ImportedClient;
import com.invoicedelivery.events.ImportedInvoice;
import com.invoicedelivery.invoice.client.application.Clients;
import com.invoicedelivery.invoice.client.application.ImportedClients;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.importing.domain.ImportIds;
import com.invoicedelivery.invoice.importing.domain.ImportOutcome;
import com.invoicedelivery.invoice.importing.domain.ImportRows;
import com.invoicedelivery.invoice.invoicing.application.Invoices;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.send.application.SendIssuer;
import com.invoicedelivery.invoice.send.domain.EmailComposer;
import com.invoicedelivery.invoice.send.domain.Send;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import com.invoicedelivery.invoice.shared.domain.StateConflictException;
import com.invoicedelivery.invoice.shared.domain.Violations;

/**
 * Imports the rows of a batch: checks each, finds or creates its client (by the batch's {@link ClientPolicy} when
 * the tenant has a client with the row's UIC and other details), stores its invoice ISSUED and, when asked, sends
 * it. Everything it makes has an id derived from the batch and the row, so running it again for the same rows makes
 * nothing new. A row that breaks a rule is refused with its reasons; it never stops the other rows.
 *
 * <p>The rows are resolved one after the other, each seeing what the rows before it made or changed (a client two
 * rows share), but the store is read and written for all of them at once, step by step: clients, then invoices,
 * then sends. A batch costs the same few round trips whether it has 2 rows or 500.
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

    /** What became of each row, in the order of the rows. */
    List<ImportRowResult> importAll(BatchContext batch, List<ImportedInvoice> rows) {
        ImportRowResult[] results = new ImportRowResult[rows.size()];
        List<Integer> checked = new ArrayList<>();
        for (int index = 0; index < rows.size(); index++) {
            Violations violations = new Violations();
            ImportRows.validate(rows.get(index), violations);
            if (violations.isEmpty()) {
                checked.add(index);
            } else {
                results[index] = ImportOutcome.refused(index, ImportRows.externalRef(rows.get(index)), violations.list());
            }
        }
        Map<Integer, Clients.ImportedClientUse> uses = resolveClients(batch, rows, checked, results);
        Map<Integer, Invoice> made = importInvoices(batch, rows, uses, results);
        Map<Integer, String> sendIds = batch.sendAfterImport() ? send(batch, rows, uses, made, results) : Map.of();
        made.forEach((index, invoice) -> {
            if (results[index] == null) {
                results[index] = ImportOutcome.imported(index, ImportRows.externalRef(rows.get(index)), invoice.id(),
                        sendIds.get(index), uses.get(index).asResult());
            }
        });
        return List.of(results);
    }

    /** The client of each checked row (the row's own state of it), by row; the rows refused meanwhile in results. */
    private Map<Integer, Clients.ImportedClientUse> resolveClients(BatchContext batch, List<ImportedInvoice> rows,
                                                                   List<Integer> checked, ImportRowResult[] results) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> uics = new LinkedHashSet<>();
        for (int index : checked) {
            ImportedInvoice row = rows.get(index);
            if (row.clientId() != null) {
                ids.add(row.clientId().strip());
            } else {
                ids.add(ImportIds.client(batch.tenantId(), batch.batchId(), index));
                String uic = ImportRows.clientDetails(row.client()).cleaned().uic();
                if (uic != null) {
                    uics.add(uic);
                }
            }
        }
        ImportedClients batchClients = clients.importing(batch.tenantId(), ids, uics, batch.clientPolicy());
        Map<Integer, Clients.ImportedClientUse> uses = new LinkedHashMap<>();
        for (int index : checked) {
            ImportedInvoice row = rows.get(index);
            try {
                Clients.ImportedClientUse use = clientOf(batch, batchClients, index, row);
                if (use.resolution() == ClientUse.Resolution.CONFLICT) {
                    results[index] = ImportOutcome.refused(index, ImportRows.externalRef(row), use.fields().stream()
                            .map(field -> new RuleViolation("client." + field, "differs from the tenant's client "
                                    + use.client().id() + " with this UIC, and the batch's clientPolicy is CONFLICT"))
                            .toList(), use.asResult());
                } else {
                    uses.put(index, use);
                }
            } catch (RuleViolationException refused) {
                results[index] = ImportOutcome.refused(index, ImportRows.externalRef(row), refused.violations());
            }
        }
        batchClients.store();
        return uses;
    }

    private static Clients.ImportedClientUse clientOf(BatchContext batch, ImportedClients batchClients, int index,
                                                      ImportedInvoice row) {
        if (row.clientId() != null) {
            Client named = batchClients.named(row.clientId().strip())
                    .orElseThrow(() -> new RuleViolationException("clientId", "is not one of your clients"));
            return new Clients.ImportedClientUse(named, ClientUse.Resolution.MATCHED, List.of());
        }
        ImportedClient described = row.client();
        return batchClients.resolve(ImportIds.client(batch.tenantId(), batch.batchId(), index),
                ImportRows.clientDetails(described), described.emails(), described.language());
    }

    /** The invoice of each row with a client, by row; the rows refused meanwhile in results. */
    private Map<Integer, Invoice> importInvoices(BatchContext batch, List<ImportedInvoice> rows,
                                                 Map<Integer, Clients.ImportedClientUse> uses, ImportRowResult[] results) {
        List<Integer> ordered = new ArrayList<>();
        List<Invoices.ImportOrder> orders = new ArrayList<>();
        uses.forEach((index, use) -> {
            try {
                orders.add(new Invoices.ImportOrder(ImportIds.invoice(batch.tenantId(), batch.batchId(), index),
                        ImportRows.draft(rows.get(index), use.client().id()).validated()));
                ordered.add(index);
            } catch (RuleViolationException refused) {
                results[index] = ImportOutcome.refused(index, ImportRows.externalRef(rows.get(index)),
                        refused.violations());
            }
        });
        List<Invoices.ImportResult> imported = orders.isEmpty() ? List.of()
                : invoices.importAllIssued(batch.tenantId(), orders);
        Map<Integer, Invoice> made = new LinkedHashMap<>();
        for (int position = 0; position < ordered.size(); position++) {
            int index = ordered.get(position);
            Invoices.ImportResult result = imported.get(position);
            if (result.invoice() != null) {
                made.put(index, result.invoice());
            } else {
                results[index] = refusedFor(index, rows.get(index), result.refused());
            }
        }
        return made;
    }

    /**
     * The send of each row with an invoice, by row, all made at once; a row whose e-mail cannot be written is
     * refused (its invoice stays imported, as before).
     */
    private Map<Integer, String> send(BatchContext batch, List<ImportedInvoice> rows,
                                      Map<Integer, Clients.ImportedClientUse> uses, Map<Integer, Invoice> made,
                                      ImportRowResult[] results) {
        EmailComposer composer = batch.composer();
        List<Integer> ordered = new ArrayList<>();
        List<SendIssuer.Order> orders = new ArrayList<>();
        made.forEach((index, invoice) -> {
            // the client as this row left it: its addresses are the row's own (CREATED, MATCHED or UPDATED)
            Client client = uses.get(index).client();
            try {
                orders.add(new SendIssuer.Order(ImportIds.send(batch.tenantId(), batch.batchId(), index), client,
                        invoice, composer.compose(client, invoice, ImportRows.sendOptions(rows.get(index)).normalized())));
                ordered.add(index);
            } catch (RuleViolationException | StateConflictException refused) {
                results[index] = refusedFor(index, rows.get(index), refused);
            }
        });
        List<Send> sends = orders.isEmpty() ? List.of() : issuer.issueAll(composer.tenant(), orders);
        Map<Integer, String> ids = new LinkedHashMap<>();
        for (int position = 0; position < ordered.size(); position++) {
            ids.put(ordered.get(position), sends.get(position).id());
        }
        return ids;
    }

    private static ImportRowResult refusedFor(int index, ImportedInvoice row, RuntimeException refused) {
        if (refused instanceof RuleViolationException violation) {
            return ImportOutcome.refused(index, ImportRows.externalRef(row), violation.violations());
        }
        StateConflictException conflict = (StateConflictException) refused;
        return ImportOutcome.refused(index, ImportRows.externalRef(row), conflict.violations().isEmpty()
                ? List.of(new RuleViolation("row", conflict.getMessage())) : conflict.violations());
    }
}

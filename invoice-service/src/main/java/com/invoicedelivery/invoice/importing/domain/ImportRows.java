package com.invoicedelivery.invoice.importing.domain;

import java.util.ArrayList;
import java.util.List;

import com.invoicedelivery.events.ImportedClient;
import com.invoicedelivery.events.ImportedInvoice;
import com.invoicedelivery.events.ImportedLine;
import com.invoicedelivery.events.SendOverrides;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceDraft;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceLine;
import com.invoicedelivery.invoice.send.domain.SendOptions;
import com.invoicedelivery.invoice.shared.domain.PartyDetails;
import com.invoicedelivery.invoice.shared.domain.Texts;
import com.invoicedelivery.invoice.shared.domain.Violations;

/**
 * The rules for one import row, and what it becomes: an invoice draft, a client (named or described) and the
 * options of the send after the import. Field names are the row's own JSON paths, e.g. {@code lines[0].vatRate}.
 */
public final class ImportRows {

    /** What an empty element of the batch's list stands for: a row with nothing in it, refused like any other. */
    static final ImportedInvoice EMPTY = new ImportedInvoice(null, null, null, null, null, null, null, null, null,
            null, null, null, null);
    private static final int MAX_EXTERNAL_REF = 100;

    private ImportRows() {
    }

    /** Checks every rule of the row; the violations name the row's fields. */
    public static void validate(ImportedInvoice row, Violations violations) {
        violations.optionalText(row.externalRef(), "externalRef", MAX_EXTERNAL_REF);
        validateClient(row, violations);
        draft(row, null).validateContent(violations);
        if (row.send() != null) {
            sendOptions(row).validate(violations.nested("send"));
        }
    }

    private static void validateClient(ImportedInvoice row, Violations violations) {
        if (row.clientId() != null && row.client() != null) {
            violations.add("client", "give either clientId (one of your clients) or client (a description), not both");
        } else if (row.clientId() != null) {
            violations.requireId(row.clientId(), "clientId");
        } else if (row.client() != null) {
            ImportedClient client = row.client();
            Client.validate(clientDetails(client), client.emails(), client.language(), violations.nested("client"));
        } else {
            violations.add("clientId", "name one of your clients (clientId) or describe the client (client)");
        }
    }

    /** The importer's reference of the row, as the answer repeats it: cut to its limit when it is longer. */
    public static String externalRef(ImportedInvoice row) {
        String ref = row.externalRef();
        return ref == null || ref.length() <= MAX_EXTERNAL_REF ? ref : ref.substring(0, MAX_EXTERNAL_REF);
    }

    /** The row's invoice, for the client {@code clientId}. */
    public static InvoiceDraft draft(ImportedInvoice row, String clientId) {
        return new InvoiceDraft(clientId, Texts.clean(row.number()), row.kind(), row.issueDate(), row.taxEventDate(),
                row.dueDate(), row.currency(), row.paymentMethod(), lines(row.lines()), row.notes());
    }

    public static PartyDetails clientDetails(ImportedClient client) {
        return new PartyDetails(client.name(), client.address(), client.city(), client.country(), client.uic(),
                client.vatNumber(), client.responsiblePerson());
    }

    /** The send after the import: the row's overrides, or every default. */
    public static SendOptions sendOptions(ImportedInvoice row) {
        SendOverrides send = row.send();
        return send == null ? SendOptions.defaults()
                : new SendOptions(send.recipients(), send.subject(), send.message(), send.language());
    }

    /** Lines numbered from 1 in the order given; an empty element stays empty, for validation to name it. */
    private static List<InvoiceLine> lines(List<ImportedLine> lines) {
        if (lines == null) {
            return null;
        }
        List<InvoiceLine> numbered = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            ImportedLine line = lines.get(index);
            numbered.add(line == null ? null : new InvoiceLine(index + 1, line.description(), line.quantity(),
                    line.unit(), line.unitPrice(), line.vatRate(), line.vatExemptionReason()));
        }
        return numbered;
    }
}

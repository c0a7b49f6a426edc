package com.invoicedelivery.pdf.rendering.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.invoicedelivery.events.BankDetails;
import com.invoicedelivery.events.InvoiceLine;
import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Party;
import com.invoicedelivery.events.VatBreakdown;
import com.invoicedelivery.kit.money.AmountInWords;

/**
 * Formats an invoice snapshot for printing in one language. It prints the numbers the snapshot carries and
 * computes none. The snapshot must meet the {@link RenderRequirements}; optional values may be absent.
 */
public final class InvoicePrinter {

    private final InvoiceSnapshot invoice;
    private final Language language;
    private final Labels labels;
    private final PrintFormats formats;

    private InvoicePrinter(InvoiceSnapshot invoice, Language language) {
        this.invoice = invoice;
        this.language = language;
        this.labels = Labels.of(language);
        this.formats = PrintFormats.of(language);
    }

    public static PrintedInvoice print(InvoiceSnapshot invoice, Language language) {
        return new InvoicePrinter(invoice, language).print();
    }

    private PrintedInvoice print() {
        Map<String, String> fields = new LinkedHashMap<>();
        String title = labels.title(invoice.kind());
        String number = PrintableText.clean(invoice.number());
        fields.put("title", title);
        fields.put("number", number);
        fields.put("documentTitle", title + " " + labels.get("number") + " " + number);
        fields.put("marking", labels.get(invoice.original() ? "original" : "copy"));
        fields.put("issueDate", date(invoice.issueDate()));
        fields.put("taxEventDate", date(invoice.taxEventDate()));
        fields.put("dueDate", date(invoice.dueDate()));
        fields.put("currency", PrintableText.clean(invoice.currency()));
        fields.put("taxBase", moneyWithCurrency(invoice.taxBase()));
        fields.put("vatAmount", moneyWithCurrency(invoice.vatAmount()));
        fields.put("total", moneyWithCurrency(invoice.total()));
        fields.put("totalInWords", AmountInWords.of(invoice.total(), invoice.currency(), language).orElse(""));
        fields.put("paymentMethod", PrintableText.clean(invoice.paymentMethod()));
        fields.putAll(bank(invoice.bank()));
        fields.put("notes", PrintableText.clean(invoice.notes()));
        return new PrintedInvoice(labels, fields, Map.of(
                "parties", List.of(party("supplier", invoice.supplier()), party("recipient", invoice.recipient())),
                "lines", lines(invoice.lines()),
                "vatRows", invoice.vat().stream().map(this::vatRow).toList()));
    }

    private Map<String, String> party(String role, Party party) {
        return Map.of(
                "role", labels.get(role),
                "name", PrintableText.clean(party.name()),
                "address", address(party),
                "uic", PrintableText.clean(party.uic()),
                "vatNumber", PrintableText.clean(party.vatNumber()),
                "responsiblePerson", PrintableText.clean(party.responsiblePerson()));
    }

    /** Street, city and country on one line, leaving out what is absent. */
    static String address(Party party) {
        return Stream.of(party.address(), party.city(), party.country())
                .map(PrintableText::clean)
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(", "));
    }

    private List<Map<String, String>> lines(List<InvoiceLine> lines) {
        return IntStream.range(0, lines.size())
                .mapToObj(index -> line(index + 1, lines.get(index)))
                .toList();
    }

    private Map<String, String> line(int ordinal, InvoiceLine line) {
        return Map.of(
                "position", String.valueOf(line.position() > 0 ? line.position() : ordinal),
                "description", PrintableText.clean(line.description()),
                "quantity", formats.quantity(line.quantity()),
                "unit", PrintableText.clean(line.unit()),
                "unitPrice", formats.unitPrice(line.unitPrice()),
                "amount", formats.money(line.amount()));
    }

    private Map<String, String> vatRow(VatBreakdown vat) {
        return Map.of(
                "rate", formats.percent(vat.rate()),
                "taxBase", formats.money(vat.taxBase()),
                "vatAmount", formats.money(vat.vatAmount()),
                "exemptionReason", PrintableText.clean(vat.exemptionReason()));
    }

    private static Map<String, String> bank(BankDetails bank) {
        BankDetails details = Objects.requireNonNullElse(bank, new BankDetails(null, null, null));
        return Map.of(
                "bank.name", PrintableText.clean(details.bankName()),
                "bank.iban", PrintableText.clean(details.iban()),
                "bank.bic", PrintableText.clean(details.bic()));
    }

    private String moneyWithCurrency(BigDecimal amount) {
        return formats.money(amount, PrintableText.clean(invoice.currency()));
    }

    private String date(LocalDate date) {
        return date == null ? "" : formats.date(date);
    }
}

package com.invoicedelivery.pdf.testdata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.invoicedelivery.events.BankDetails;
import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.InvoiceLine;
import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Party;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Sender;
import com.invoicedelivery.events.VatBreakdown;

/** Invoices as invoice-service sends them: Bulgarian parties, a 20 % line and a 0 % line, totals as issued. */
public final class Invoices {

    public static final Party SUPPLIER = new Party("Акме ООД", "ул. „Витоша“ 15", "София", "България",
            "204567890", "BG204567890", "Иван Петров");
    public static final Party RECIPIENT = new Party("Бета Трейд ЕООД", "бул. „Мария Луиза“ 2", "Пловдив", "България",
            "115123456", "BG115123456", "Мария Георгиева");
    public static final String EXEMPTION = "чл. 113, ал. 9 ЗДДС";

    private Invoices() {
    }

    /** A complete invoice: 1 234,56 at 20 % and 100,00 exempt; tax base 1 334,56, VAT 246,91, total 1 581,47. */
    public static InvoiceSnapshot invoice() {
        return new InvoiceSnapshot("0000000123", DocumentKind.INVOICE,
                LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 12), "EUR",
                SUPPLIER, RECIPIENT,
                List.of(new InvoiceLine(1, "Консултантски услуги – ноември", new BigDecimal("12.5"), "час",
                                new BigDecimal("98.7648"), new BigDecimal("20"), new BigDecimal("1234.56")),
                        new InvoiceLine(2, "Обучение по безопасност", new BigDecimal("1"), "бр.",
                                new BigDecimal("100.00"), BigDecimal.ZERO, new BigDecimal("100.00"))),
                List.of(new VatBreakdown(new BigDecimal("20"), new BigDecimal("1234.56"), new BigDecimal("246.91"), null),
                        new VatBreakdown(BigDecimal.ZERO, new BigDecimal("100.00"), new BigDecimal("0.00"), EXEMPTION)),
                new BigDecimal("1334.56"), new BigDecimal("246.91"), new BigDecimal("1581.47"),
                "Банков превод", new BankDetails("Първа инвестиционна банка", "BG80BNBG96611020345678", "FINVBGSF"),
                true, "Благодарим Ви!");
    }

    public static InvoiceSnapshot withRecipientName(InvoiceSnapshot invoice, String name) {
        Party r = invoice.recipient();
        Party recipient = new Party(name, r.address(), r.city(), r.country(), r.uic(), r.vatNumber(),
                r.responsiblePerson());
        return new InvoiceSnapshot(invoice.number(), invoice.kind(), invoice.issueDate(), invoice.taxEventDate(),
                invoice.dueDate(), invoice.currency(), invoice.supplier(), recipient, invoice.lines(), invoice.vat(),
                invoice.taxBase(), invoice.vatAmount(), invoice.total(), invoice.paymentMethod(), invoice.bank(),
                invoice.original(), invoice.notes());
    }

    public static InvoiceSnapshot withLines(InvoiceSnapshot invoice, List<InvoiceLine> lines) {
        return new InvoiceSnapshot(invoice.number(), invoice.kind(), invoice.issueDate(), invoice.taxEventDate(),
                invoice.dueDate(), invoice.currency(), invoice.supplier(), invoice.recipient(), lines, invoice.vat(),
                invoice.taxBase(), invoice.vatAmount(), invoice.total(), invoice.paymentMethod(), invoice.bank(),
                invoice.original(), invoice.notes());
    }

    /** The invoice with {@code count} copies of its first line, numbered 1..count (for multi-page documents). */
    public static InvoiceSnapshot withManyLines(InvoiceSnapshot invoice, int count) {
        InvoiceLine first = invoice.lines().get(0);
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(new InvoiceLine(i, first.description() + " " + i, first.quantity(), first.unit(),
                    first.unitPrice(), first.vatRate(), first.amount()));
        }
        return withLines(invoice, lines);
    }

    public static InvoiceSendRequested sendRequested(String tenantId, InvoiceSnapshot invoice, Language language) {
        String sendId = UUID.randomUUID().toString();
        SendDetails send = new SendDetails(sendId, "inv-" + invoice.number(), "client-1", invoice.recipient().name(),
                DeliveryMode.LINK, language,
                List.of(new Recipient("r-1", "accounting@beta.example", "tok-" + sendId, "http://localhost:8084/l/tok")),
                "Фактура " + invoice.number(), "Здравейте, изпращаме Ви фактура. {link}",
                new Sender("Акме ООД", "acme", "office@acme.example"), invoice, Instant.parse("2027-01-28T00:00:00Z"));
        return new InvoiceSendRequested(UUID.randomUUID().toString(), Instant.now(), tenantId,
                InvoiceSendRequested.SCHEMA_VERSION, send);
    }
}

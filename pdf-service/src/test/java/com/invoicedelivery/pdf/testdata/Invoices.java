package com.invoicedelivery.pdf.testdata;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import com.invoicedelivery.events.SealedLinkContent;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Sender;
import com.invoicedelivery.events.VatBreakdown;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.testing.TestLinkSeal;

/**
 * Invoices as invoice-service sends them: Bulgarian parties, totals as issued (and adding up, as invoice-service
 * computes them). Also used by the benchmark in {@code src/bench/java}.
 */
public final class Invoices {

    public static final Party SUPPLIER = new Party("Акме ООД", "ул. „Витоша“ 15", "София", "България",
            "204567890", "BG204567890", "Иван Петров");
    public static final Party RECIPIENT = new Party("Бета Трейд ЕООД", "бул. „Мария Луиза“ 2", "Пловдив", "България",
            "115123456", "BG115123456", "Мария Георгиева");
    public static final String EXEMPTION = "чл. 113, ал. 9 ЗДДС";

    private static final BigDecimal STANDARD_RATE = new BigDecimal("20");

    private Invoices() {
    }

    /**
     * A complete one-page invoice: a 20 % line and an exempt 0 % line; tax base 1 334,56, VAT 246,91,
     * total 1 581,47.
     */
    public static InvoiceSnapshot invoice() {
        return new InvoiceSnapshot("0000000123", DocumentKind.INVOICE,
                LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 12), "EUR",
                SUPPLIER, RECIPIENT,
                List.of(new InvoiceLine(1, "Консултантски услуги – ноември", new BigDecimal("12.5"), "час",
                                new BigDecimal("98.7648"), STANDARD_RATE, new BigDecimal("1234.56")),
                        new InvoiceLine(2, "Обучение по безопасност", new BigDecimal("1"), "бр.",
                                new BigDecimal("100.00"), BigDecimal.ZERO, new BigDecimal("100.00"))),
                List.of(new VatBreakdown(STANDARD_RATE, new BigDecimal("1234.56"), new BigDecimal("246.91"), null),
                        new VatBreakdown(BigDecimal.ZERO, new BigDecimal("100.00"), new BigDecimal("0.00"), EXEMPTION)),
                new BigDecimal("1334.56"), new BigDecimal("246.91"), new BigDecimal("1581.47"),
                "Банков превод", new BankDetails("Първа инвестиционна банка", "BG80BNBG96611020345678", "FINVBGSF"),
                true, "Благодарим Ви!");
    }

    /**
     * The five-page invoice: {@code count} lines at 20 % (one in five with a description long enough to wrap,
     * as real invoices have), totals computed from them. With 120 lines it fills five A4 pages in either
     * language, lines on every page and the totals on the last.
     */
    public static InvoiceSnapshot longInvoice(int count) {
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal taxBase = BigDecimal.ZERO;
        for (int position = 1; position <= count; position++) {
            BigDecimal quantity = BigDecimal.valueOf(position % 7 + 1);
            BigDecimal unitPrice = new BigDecimal("12.35").add(BigDecimal.valueOf(position));
            BigDecimal amount = quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
            lines.add(new InvoiceLine(position, longInvoiceLine(position), quantity, "час", unitPrice, STANDARD_RATE,
                    amount));
            taxBase = taxBase.add(amount);
        }
        BigDecimal vat = taxBase.multiply(new BigDecimal("0.20")).setScale(2, RoundingMode.HALF_UP);
        return from(invoice()).lines(lines).vat(List.of(new VatBreakdown(STANDARD_RATE, taxBase, vat, null)))
                .totals(taxBase, vat, taxBase.add(vat)).build();
    }

    /** How {@link #longInvoice} describes a line; the number at the end tells the lines apart. */
    public static String longInvoiceLine(int position) {
        return position % 5 == 0
                ? "Абонаментна поддръжка на счетоводен софтуер, обект " + position
                        + ", с актуализации и консултации по телефона"
                : "Консултантски услуги – ред " + position;
    }

    /** A one-line invoice, exempt from VAT, whose total is {@code total} (for the total in words). */
    public static InvoiceSnapshot totalling(BigDecimal total) {
        return from(invoice())
                .lines(List.of(new InvoiceLine(1, "Лиценз", BigDecimal.ONE, "бр.", total, BigDecimal.ZERO, total)))
                .vat(List.of(new VatBreakdown(BigDecimal.ZERO, total, new BigDecimal("0.00"), EXEMPTION)))
                .totals(total, new BigDecimal("0.00"), total).build();
    }

    public static InvoiceSnapshot withRecipientName(InvoiceSnapshot invoice, String name) {
        Party r = invoice.recipient();
        return from(invoice).recipient(new Party(name, r.address(), r.city(), r.country(), r.uic(), r.vatNumber(),
                r.responsiblePerson())).build();
    }

    public static InvoiceSnapshot withLines(InvoiceSnapshot invoice, List<InvoiceLine> lines) {
        return from(invoice).lines(lines).build();
    }

    public static Builder from(InvoiceSnapshot invoice) {
        return new Builder(invoice);
    }

    /** The personal link's token in the sends made here; it must never show on a topic. */
    public static final String LINK_TOKEN = "Y2xpZW50LWxpbmstdG9rZW4tZm9yLXBkZi10ZXN0cw";

    /** The same send as schema version 1 wrote it: the token and the link in clear. */
    public static InvoiceSendRequested clearLinkSendRequested(String tenantId, InvoiceSnapshot invoice,
                                                              Language language) {
        InvoiceSendRequested current = sendRequested(tenantId, invoice, language);
        SendDetails send = current.send();
        SendDetails old = new SendDetails(send.sendId(), send.invoiceId(), send.clientId(), send.clientName(),
                send.mode(), send.language(),
                List.of(Recipient.withClearLink("r-1", "accounting@beta.example", LINK_TOKEN,
                        "http://localhost:8084/l/" + LINK_TOKEN)),
                send.subject(), send.message(), send.sender(), send.invoice(), send.linkExpiresAt());
        return new InvoiceSendRequested(current.eventId(), current.occurredAt(), tenantId,
                InvoiceSendRequested.CLEAR_LINK_VERSION, old);
    }

    public static InvoiceSendRequested sendRequested(String tenantId, InvoiceSnapshot invoice, Language language) {
        String sendId = UUID.randomUUID().toString();
        SendDetails send = new SendDetails(sendId, "inv-" + invoice.number(), "client-1", invoice.recipient().name(),
                DeliveryMode.LINK, language,
                List.of(Recipient.linked("r-1", "accounting@beta.example", Sha256.tokenHash(LINK_TOKEN),
                        TestLinkSeal.sealer().seal(new SealedLinkContent("acme", sendId, "r-1",
                                "http://localhost:8084/l/" + LINK_TOKEN).fields()))),
                "Фактура " + invoice.number(), "Здравейте, изпращаме Ви фактура. {link}",
                new Sender("Акме ООД", "acme", "office@acme.example"), invoice, Instant.parse("2027-01-28T00:00:00Z"));
        return new InvoiceSendRequested(UUID.randomUUID().toString(), Instant.now(), tenantId,
                InvoiceSendRequested.SCHEMA_VERSION, send);
    }

    /** A copy of a snapshot with some parts changed (snapshots are records: they have no withers). */
    public static final class Builder {

        private final InvoiceSnapshot base;
        private String number;
        private DocumentKind kind;
        private Party recipient;
        private List<InvoiceLine> lines;
        private List<VatBreakdown> vat;
        private BigDecimal taxBase;
        private BigDecimal vatAmount;
        private BigDecimal total;
        private boolean original;

        private Builder(InvoiceSnapshot base) {
            this.base = base;
            number = base.number();
            kind = base.kind();
            recipient = base.recipient();
            lines = base.lines();
            vat = base.vat();
            taxBase = base.taxBase();
            vatAmount = base.vatAmount();
            total = base.total();
            original = base.original();
        }

        public Builder number(String number) {
            this.number = number;
            return this;
        }

        public Builder kind(DocumentKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder recipient(Party recipient) {
            this.recipient = recipient;
            return this;
        }

        public Builder lines(List<InvoiceLine> lines) {
            this.lines = lines;
            return this;
        }

        public Builder vat(List<VatBreakdown> vat) {
            this.vat = vat;
            return this;
        }

        public Builder totals(BigDecimal taxBase, BigDecimal vatAmount, BigDecimal total) {
            this.taxBase = taxBase;
            this.vatAmount = vatAmount;
            this.total = total;
            return this;
        }

        public Builder original(boolean original) {
            this.original = original;
            return this;
        }

        public InvoiceSnapshot build() {
            return new InvoiceSnapshot(number, kind, base.issueDate(), base.taxEventDate(), base.dueDate(),
                    base.currency(), base.supplier(), recipient, lines, vat, taxBase, vatAmount, total,
                    base.paymentMethod(), base.bank(), original, base.notes());
        }
    }
}

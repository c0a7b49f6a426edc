package com.invoicedelivery.mail.testdata;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.invoicedelivery.events.BankDetails;
import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.InvoiceLine;
import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Party;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Sender;
import com.invoicedelivery.events.VatBreakdown;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.mail.message.domain.RecipientEmail;

/** Sends as invoice-service and pdf-service make them: a Bulgarian invoice with Cyrillic data. */
public final class TestSends {

    public static final String TENANT_NAME = "Акме ООД";
    public static final String SUBDOMAIN = "acme";
    public static final String REPLY_TO = "office@acme.bg";
    public static final String INVOICE_NUMBER = "0000000042";
    public static final String SUBJECT = "Фактура № " + INVOICE_NUMBER + " от Акме ООД";
    public static final String MESSAGE = "Здравейте,\n\nИзпращаме ви фактура № " + INVOICE_NUMBER
            + ".\nМоже да я видите тук: {link}\n\nПоздрави,\nекипът на Акме";
    public static final String FILE_NAME = "Фактура-" + INVOICE_NUMBER + ".pdf";
    public static final byte[] PDF = ("%PDF-1.4\n% Фактура " + INVOICE_NUMBER + "\n%%EOF\n")
            .getBytes(StandardCharsets.UTF_8);

    private TestSends() {
    }

    public static Recipient recipient(String email) {
        String token = UUID.randomUUID().toString().replace("-", "");
        return new Recipient("r-" + UUID.randomUUID(), email, token, "http://localhost:8084/l/" + token);
    }

    public static Recipient attachmentRecipient(String email) {
        return new Recipient("r-" + UUID.randomUUID(), email, null, null);
    }

    public static SendDetails send(DeliveryMode mode, Language language, Recipient... recipients) {
        return new SendDetails("send-" + UUID.randomUUID(), "inv-" + UUID.randomUUID(), "client-" + UUID.randomUUID(),
                "Клиент Бета ЕООД", mode, language, List.of(recipients), SUBJECT, MESSAGE,
                new Sender(TENANT_NAME, SUBDOMAIN, REPLY_TO), invoice(), mode == DeliveryMode.LINK
                        ? Instant.now().plusSeconds(86_400) : null);
    }

    public static DocumentRef document(byte[] pdf) {
        return new DocumentRef("doc-" + UUID.randomUUID(), Sha256.hex(pdf), pdf.length, FILE_NAME);
    }

    public static InvoiceDocumentReady documentReady(String tenantId, SendDetails send, DocumentRef document) {
        return new InvoiceDocumentReady(UUID.randomUUID().toString(), Instant.now(), tenantId,
                InvoiceDocumentReady.SCHEMA_VERSION, send, document);
    }

    public static RecipientEmail linkEmail(String email, String linkUrl) {
        return new RecipientEmail(TENANT_NAME, SUBDOMAIN, REPLY_TO, email, linkUrl, SUBJECT, MESSAGE, Language.BG,
                DeliveryMode.LINK, DocumentKind.INVOICE, INVOICE_NUMBER, document(PDF));
    }

    public static RecipientEmail attachmentEmail(String email, DocumentRef document) {
        return new RecipientEmail(TENANT_NAME, SUBDOMAIN, REPLY_TO, email, null, SUBJECT, MESSAGE, Language.BG,
                DeliveryMode.ATTACHMENT, DocumentKind.INVOICE, INVOICE_NUMBER, document);
    }

    public static InvoiceSnapshot invoice() {
        Party supplier = new Party(TENANT_NAME, "ул. „Витоша“ 15", "София", "България", "204567891", "BG204567891",
                "Иван Петров");
        Party recipient = new Party("Клиент Бета ЕООД", "бул. „Мария Луиза“ 2", "Пловдив", "България", "175074752",
                "BG175074752", "Мария Иванова");
        InvoiceLine line = new InvoiceLine(1, "Абонамент за счетоводен софтуер", new BigDecimal("2"), "бр.",
                new BigDecimal("600.00"), new BigDecimal("20"), new BigDecimal("1200.00"));
        VatBreakdown vat = new VatBreakdown(new BigDecimal("20"), new BigDecimal("1200.00"), new BigDecimal("240.00"),
                null);
        return new InvoiceSnapshot(INVOICE_NUMBER, DocumentKind.INVOICE, LocalDate.of(2026, 11, 28),
                LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 12), "EUR", supplier, recipient, List.of(line),
                List.of(vat), new BigDecimal("1200.00"), new BigDecimal("240.00"), new BigDecimal("1440.00"),
                "Банков превод", new BankDetails("Първа банка", "BG80BNBG96611020345678", "BNBGBGSD"), true, null);
    }
}

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
import com.invoicedelivery.events.SealedLinkContent;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.seal.Sealer;
import com.invoicedelivery.kit.testing.TestLinkSeal;
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

    /** The tenant, send and recipient {@link #linkEmail} seals its link for (the jobs the unit tests claim). */
    public static final String TENANT = "acme";
    public static final String SEND_ID = "send-1";
    public static final String RECIPIENT_ID = "r-1";

    /**
     * A link-mode recipient as the test knows it: its token and link in clear, to look for in what was sent (and
     * not to find elsewhere). {@link #documentReady} announces it as invoice-service does, hashed and sealed.
     */
    public static Recipient recipient(String email) {
        String token = UUID.randomUUID().toString().replace("-", "");
        return Recipient.withClearLink("r-" + UUID.randomUUID(), email, token, "http://localhost:8084/l/" + token);
    }

    public static Recipient attachmentRecipient(String email) {
        return Recipient.attached("r-" + UUID.randomUUID(), email);
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

    /**
     * The record as pdf-service passes on invoice-service's send (schema version 2): each link-mode recipient with its
     * token's hash and its link sealed to mail-dispatch-service's key (the tests' {@link TestLinkSeal}) for this
     * tenant, send and recipient.
     */
    public static InvoiceDocumentReady documentReady(String tenantId, SendDetails send, DocumentRef document) {
        return new InvoiceDocumentReady(UUID.randomUUID().toString(), Instant.now(), tenantId,
                InvoiceDocumentReady.SCHEMA_VERSION, send == null ? null : sealed(tenantId, send), document);
    }

    /** The record as schema version 1 carried it, written before the upgrade: links in clear. */
    public static InvoiceDocumentReady clearLinkDocumentReady(String tenantId, SendDetails send, DocumentRef document) {
        return new InvoiceDocumentReady(UUID.randomUUID().toString(), Instant.now(), tenantId,
                InvoiceDocumentReady.CLEAR_LINK_VERSION, send, document);
    }

    /** The send with its recipients as version 2 carries them, sealed with {@code sealer}. */
    public static SendDetails sealed(String tenantId, SendDetails send, Sealer sealer) {
        List<Recipient> sealed = send.recipients() == null ? null : send.recipients().stream()
                .map(r -> r == null || r.linkUrl() == null ? r : Recipient.linked(r.recipientId(), r.email(),
                        Sha256.tokenHash(r.linkToken()), sealer.seal(new SealedLinkContent(tenantId, send.sendId(),
                                r.recipientId(), r.linkUrl()).fields())))
                .toList();
        return new SendDetails(send.sendId(), send.invoiceId(), send.clientId(), send.clientName(), send.mode(),
                send.language(), sealed, send.subject(), send.message(), send.sender(), send.invoice(),
                send.linkExpiresAt());
    }

    private static SendDetails sealed(String tenantId, SendDetails send) {
        return sealed(tenantId, send, TestLinkSeal.sealer());
    }

    /** A job's e-mail with {@code linkUrl} sealed for {@link #TENANT}, {@link #SEND_ID}, {@link #RECIPIENT_ID}. */
    public static RecipientEmail linkEmail(String email, String linkUrl) {
        return linkEmail(email, linkUrl, TENANT, SEND_ID, RECIPIENT_ID);
    }

    public static RecipientEmail linkEmail(String email, String linkUrl, String tenantId, String sendId,
                                           String recipientId) {
        String sealedLink = linkUrl == null ? null : TestLinkSeal.sealer().seal(
                new SealedLinkContent(tenantId, sendId, recipientId, linkUrl).fields());
        return new RecipientEmail(TENANT_NAME, SUBDOMAIN, REPLY_TO, email, sealedLink, SUBJECT, MESSAGE, Language.BG,
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

package com.invoicedelivery.tracking;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.invoicedelivery.events.BankDetails;
import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.InvoiceLine;
import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Party;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Sender;
import com.invoicedelivery.events.VatBreakdown;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.testing.TestLinkSeal;

/** Sends as invoice-service makes them: a Bulgarian invoice with Cyrillic data and fresh link tokens. */
public final class TestSends {

    public static final String TENANT_NAME = "Акме ООД";
    public static final String RECIPIENT_NAME = "Клиент Бета ЕООД";
    public static final String LINE_DESCRIPTION = "Абонамент за счетоводен софтуер";
    public static final String INVOICE_NUMBER = "0000000042";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestSends() {
    }

    /** A token as invoice-service makes it: 128 random bits, URL-safe Base64 without padding. */
    public static String newToken() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /**
     * A recipient as invoice-service announces it (schema version 2): its token's hash and its link sealed for
     * mail-dispatch-service, never the token itself; an attachment-mode recipient when {@code token} is null.
     */
    public static Recipient recipient(String email, String token) {
        if (token == null) {
            return Recipient.attached("r-" + UUID.randomUUID(), email);
        }
        return Recipient.linked("r-" + UUID.randomUUID(), email, Sha256.tokenHash(token),
                TestLinkSeal.sealer().seal(Map.of("linkUrl", "http://localhost:8084/l/" + token)));
    }

    /** A recipient with whatever {@code linkTokenHash} (to try hashes that are not ones). */
    public static Recipient recipientWithHash(String email, String linkTokenHash) {
        return Recipient.linked("r-" + UUID.randomUUID(), email, linkTokenHash, "sealed");
    }

    /** A recipient as schema version 1 carried it: the token and the link in clear. */
    public static Recipient clearRecipient(String email, String token) {
        return Recipient.withClearLink("r-" + UUID.randomUUID(), email, token, "http://localhost:8084/l/" + token);
    }

    /** When links made now expire under invoice-service's default validity (180 days). */
    public static Instant usualExpiry() {
        return Instant.now().plus(Duration.ofDays(180)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public static SendDetails linkSend(Language language, Instant expiresAt, Recipient... recipients) {
        return send(DeliveryMode.LINK, language, expiresAt, recipients);
    }

    public static SendDetails send(DeliveryMode mode, Language language, Instant expiresAt, Recipient... recipients) {
        return new SendDetails("send-" + UUID.randomUUID(), "inv-" + UUID.randomUUID(), "client-1", RECIPIENT_NAME,
                mode, language, List.of(recipients), "Фактура " + INVOICE_NUMBER, "Здравейте, {link}",
                new Sender(TENANT_NAME, "acme", "office@acme.bg"), invoice(), expiresAt);
    }

    public static InvoiceSendRequested sendRequested(String tenantId, SendDetails send) {
        return new InvoiceSendRequested(UUID.randomUUID().toString(), Instant.now(), tenantId,
                InvoiceSendRequested.SCHEMA_VERSION, send);
    }

    /**
     * The document was ready (and the e-mail went out) a minute ago: the client opens the link afterwards, well
     * outside the window in which a fetch counts as a mail scanner's.
     */
    public static InvoiceDocumentReady documentReady(String tenantId, SendDetails send, DocumentRef document) {
        return documentReady(tenantId, send, document, Instant.now().minus(Duration.ofMinutes(1)));
    }

    public static InvoiceDocumentReady documentReady(String tenantId, SendDetails send, DocumentRef document,
                                                     Instant readyAt) {
        return new InvoiceDocumentReady(UUID.randomUUID().toString(), readyAt, tenantId,
                InvoiceDocumentReady.SCHEMA_VERSION, send, document);
    }

    public static InvoiceSnapshot invoice() {
        Party supplier = new Party(TENANT_NAME, "ул. „Витоша“ 15", "София", "България", "204567891", "BG204567891",
                "Иван Петров");
        Party recipient = new Party(RECIPIENT_NAME, "бул. „Мария Луиза“ 2", "Пловдив", "България", "175074752",
                "BG175074752", "Мария Иванова");
        InvoiceLine line = new InvoiceLine(1, LINE_DESCRIPTION, new BigDecimal("2"), "бр.", new BigDecimal("600.00"),
                new BigDecimal("20"), new BigDecimal("1200.00"));
        VatBreakdown vat = new VatBreakdown(new BigDecimal("20"), new BigDecimal("1200.00"), new BigDecimal("240.00"),
                null);
        return new InvoiceSnapshot(INVOICE_NUMBER, DocumentKind.INVOICE, LocalDate.of(2026, 11, 28),
                LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 12), "EUR", supplier, recipient, List.of(line),
                List.of(vat), new BigDecimal("1200.00"), new BigDecimal("240.00"), new BigDecimal("1440.00"),
                "Банков превод", new BankDetails("Първа банка", "BG80BNBG96611020345678", "BNBGBGSD"), true,
                "Благодарим ви!");
    }
}

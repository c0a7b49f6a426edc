package com.invoicedelivery.invoice.template.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.language.LanguageFormats;
import com.invoicedelivery.events.language.Texts;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.tenant.domain.Tenant;

/** The values of the {@link Placeholders} for one invoice's e-mail, written the way each language writes them. */
public final class MessageValues {

    /** What {@code {dueDate}} says for an invoice without a due date. */
    static final String NO_DATE = "—";
    static final String BUNDLE = "com.invoicedelivery.invoice.template.domain.message-values";

    /** Loaded with the class, so a language without its file fails at start-up, not at its first send. */
    private static final Map<Language, Texts> TEXTS = Language.each(language -> Texts.load(BUNDLE, language));

    private MessageValues() {
    }

    /**
     * @param mode in link mode {@code {link}} stays, for mail-dispatch to put each recipient's own link there; in
     *             attachment mode it becomes a sentence saying the document is attached
     */
    public static Map<String, String> of(Language language, DeliveryMode mode, Tenant tenant, Client client,
                                         Invoice invoice) {
        return Map.of(
                Placeholders.INVOICE_NUMBER, invoice.number(),
                Placeholders.ISSUE_DATE, date(language, invoice.issueDate()),
                Placeholders.DUE_DATE, date(language, invoice.dueDate()),
                Placeholders.TOTAL, amount(language, invoice.totals().total(), invoice.currency()),
                Placeholders.TENANT_NAME, tenant.name(),
                Placeholders.CLIENT_NAME, client.details().name(),
                Placeholders.LINK, mode == DeliveryMode.LINK ? SendDetails.LINK_MARKER : attached(language, invoice.kind()));
    }

    /** e.g. "The credit note is attached to this e-mail as a PDF file." */
    static String attached(Language language, DocumentKind kind) {
        return TEXTS.get(language).get("attached." + kind.name());
    }

    /** 1 450,00 EUR in Bulgarian, EUR 1,450.00 in English. */
    static String amount(Language language, BigDecimal amount, String currency) {
        return LanguageFormats.of(language).amountInText(amount, currency);
    }

    /** 08.12.2026 in Bulgarian, 8 December 2026 in English. */
    static String date(Language language, LocalDate date) {
        return date == null ? NO_DATE : LanguageFormats.of(language).shortDate(date);
    }
}

package com.invoicedelivery.invoice.template.domain;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.tenant.domain.Tenant;

/** The values of the {@link Placeholders} for one invoice's e-mail, written the way each language writes them. */
public final class MessageValues {

    /** What {@code {dueDate}} says for an invoice without a due date. */
    static final String NO_DATE = "—";
    private static final Locale BULGARIAN = Locale.forLanguageTag("bg-BG");

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
        return switch (language) {
            case BG -> switch (kind) {
                case INVOICE -> "Фактурата е приложена към това писмо като PDF файл.";
                case PROFORMA -> "Проформа фактурата е приложена към това писмо като PDF файл.";
                case CREDIT_NOTE -> "Кредитното известие е приложено към това писмо като PDF файл.";
                case DEBIT_NOTE -> "Дебитното известие е приложено към това писмо като PDF файл.";
            };
            case EN -> switch (kind) {
                case INVOICE -> "The invoice is attached to this e-mail as a PDF file.";
                case PROFORMA -> "The proforma invoice is attached to this e-mail as a PDF file.";
                case CREDIT_NOTE -> "The credit note is attached to this e-mail as a PDF file.";
                case DEBIT_NOTE -> "The debit note is attached to this e-mail as a PDF file.";
            };
        };
    }

    /** 1 450,00 EUR in Bulgarian, EUR 1,450.00 in English. */
    static String amount(Language language, BigDecimal amount, String currency) {
        return switch (language) {
            case BG -> number(amount, BULGARIAN) + " " + currency;
            case EN -> currency + " " + number(amount, Locale.UK);
        };
    }

    private static String number(BigDecimal amount, Locale locale) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale)).format(amount);
    }

    /** 08.12.2026 in Bulgarian, 8 December 2026 in English. */
    static String date(Language language, LocalDate date) {
        if (date == null) {
            return NO_DATE;
        }
        DateTimeFormatter format = switch (language) {
            case BG -> DateTimeFormatter.ofPattern("dd.MM.yyyy", BULGARIAN);
            case EN -> DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
        };
        return format.format(date);
    }
}

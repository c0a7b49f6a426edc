package com.invoicedelivery.invoice.send.domain;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.tenant.domain.Tenant;

/** The values of a template's placeholders for one invoice, written the way each language writes them. */
public final class MessageValues {

    private static final Locale BULGARIAN = Locale.forLanguageTag("bg-BG");

    private MessageValues() {
    }

    public static Map<String, String> of(Language language, Tenant tenant, Client client, Invoice invoice) {
        String document = documentName(language, invoice.kind());
        return Map.of(
                "Document", Character.toUpperCase(document.charAt(0)) + document.substring(1),
                "document", document,
                "invoiceNumber", invoice.number(),
                "issueDate", dateFormat(language).format(invoice.issueDate()),
                "dueDate", invoice.dueDate() == null ? "" : dateFormat(language).format(invoice.dueDate()),
                "total", amount(language, invoice.totals().total(), invoice.currency()),
                "tenantName", tenant.name(),
                "clientName", client.details().name());
    }

    static String documentName(Language language, DocumentKind kind) {
        return switch (language) {
            case BG -> switch (kind) {
                case INVOICE -> "фактура";
                case PROFORMA -> "проформа фактура";
                case CREDIT_NOTE -> "кредитно известие";
                case DEBIT_NOTE -> "дебитно известие";
            };
            case EN -> switch (kind) {
                case INVOICE -> "invoice";
                case PROFORMA -> "proforma invoice";
                case CREDIT_NOTE -> "credit note";
                case DEBIT_NOTE -> "debit note";
            };
        };
    }

    /** 1 450,00 EUR in Bulgarian, EUR 1,450.00 in English. */
    static String amount(Language language, BigDecimal amount, String currency) {
        Locale locale = language == Language.BG ? BULGARIAN : Locale.UK;
        String number = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale)).format(amount);
        return language == Language.BG ? number + " " + currency : currency + " " + number;
    }

    private static DateTimeFormatter dateFormat(Language language) {
        return language == Language.BG
                ? DateTimeFormatter.ofPattern("dd.MM.yyyy", BULGARIAN)
                : DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    }
}

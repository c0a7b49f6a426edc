package com.invoicedelivery.mail.message.domain;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;

/** The few words the platform itself adds to an e-mail, in the send's language. */
final class MailLabels {

    private MailLabels() {
    }

    static String openDocument(Language language) {
        return switch (language) {
            case BG -> "Вижте документа";
            case EN -> "View the document";
        };
    }

    /** e.g. "Фактура № 0000000042", "Credit note No. 0000000042" */
    static String documentTitle(Language language, DocumentKind kind, String number) {
        return kindName(language, kind == null ? DocumentKind.INVOICE : kind)
                + switch (language) {
                    case BG -> " № ";
                    case EN -> " No. ";
                } + number;
    }

    private static String kindName(Language language, DocumentKind kind) {
        return switch (language) {
            case BG -> switch (kind) {
                case INVOICE -> "Фактура";
                case PROFORMA -> "Проформа фактура";
                case CREDIT_NOTE -> "Кредитно известие";
                case DEBIT_NOTE -> "Дебитно известие";
            };
            case EN -> switch (kind) {
                case INVOICE -> "Invoice";
                case PROFORMA -> "Proforma invoice";
                case CREDIT_NOTE -> "Credit note";
                case DEBIT_NOTE -> "Debit note";
            };
        };
    }
}

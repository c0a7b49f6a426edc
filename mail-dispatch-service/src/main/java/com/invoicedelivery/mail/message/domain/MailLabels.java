package com.invoicedelivery.mail.message.domain;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;

/** The few words the platform itself adds to an e-mail, in the send's language. */
final class MailLabels {

    private MailLabels() {
    }

    static String openDocument(Language language) {
        return language == Language.EN ? "View the document" : "Вижте документа";
    }

    /** e.g. "Фактура № 0000000042", "Credit note No. 0000000042" */
    static String documentTitle(Language language, DocumentKind kind, String number) {
        return kindName(language, kind == null ? DocumentKind.INVOICE : kind)
                + (language == Language.EN ? " No. " : " № ") + number;
    }

    private static String kindName(Language language, DocumentKind kind) {
        boolean english = language == Language.EN;
        return switch (kind) {
            case INVOICE -> english ? "Invoice" : "Фактура";
            case PROFORMA -> english ? "Proforma invoice" : "Проформа фактура";
            case CREDIT_NOTE -> english ? "Credit note" : "Кредитно известие";
            case DEBIT_NOTE -> english ? "Debit note" : "Дебитно известие";
        };
    }
}

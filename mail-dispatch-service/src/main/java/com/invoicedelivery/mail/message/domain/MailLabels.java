package com.invoicedelivery.mail.message.domain;

import java.util.Map;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.language.DocumentNames;
import com.invoicedelivery.events.language.Texts;

/**
 * The few words the platform itself adds to an e-mail, in the send's language: {@code mail-labels_<language>.properties}
 * beside this class, and the document's name as every service writes it ({@link DocumentNames}).
 */
final class MailLabels {

    static final String BUNDLE = "com.invoicedelivery.mail.message.domain.mail-labels";

    /** Loaded with the class, so a language without its file fails at start-up, not at its first e-mail. */
    private static final Map<Language, MailLabels> BY_LANGUAGE = Language.each(language -> new MailLabels(Texts.load(BUNDLE, language),
            DocumentNames.of(language)));

    private final Texts texts;
    private final DocumentNames documents;

    MailLabels(Texts texts, DocumentNames documents) {
        this.texts = texts;
        this.documents = documents;
    }

    static MailLabels of(Language language) {
        return BY_LANGUAGE.get(language);
    }

    String openDocument() {
        return texts.get("openDocument");
    }

    /** e.g. "Фактура № 0000000042", "Credit note No. 0000000042" */
    String documentTitle(DocumentKind kind, String number) {
        return documents.title(kind == null ? DocumentKind.INVOICE : kind, number);
    }
}

package com.invoicedelivery.pdf.rendering.domain;

import java.util.Map;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.language.DocumentNames;
import com.invoicedelivery.events.language.Texts;

/**
 * The fixed texts of a printed invoice in one language, kept in {@code labels_<language>.properties} beside the
 * template so a translator edits one file per language. The document's name and its "№" are the ones every
 * service writes ({@link DocumentNames}): the title is the name in capitals, the file name word the name with
 * hyphens.
 */
public final class Labels {

    static final String BUNDLE = "com.invoicedelivery.pdf.rendering.labels";

    /** Loaded with the class, so a language without its file fails at start-up, not at its first PDF. */
    private static final Map<Language, Labels> BY_LANGUAGE = Language.each(language -> new Labels(Texts.load(BUNDLE, language),
            DocumentNames.of(language)));

    private final Texts texts;
    private final DocumentNames documents;

    Labels(Texts texts, DocumentNames documents) {
        this.texts = texts;
        this.documents = documents;
    }

    public static Labels of(Language language) {
        return BY_LANGUAGE.get(language);
    }

    /** The label under {@code key}; an unknown key is a defect of the template or the code, never of the data. */
    public String get(String key) {
        // the template's "number" label is the "№" every service writes before a document's number
        return "number".equals(key) ? documents.numberSign() : texts.get(key);
    }

    /** The document's title, e.g. "ФАКТУРА" or "CREDIT NOTE". */
    public String title(DocumentKind kind) {
        return documents.heading(kind);
    }

    /** The document's name as a file name word, e.g. "Фактура" or "Credit-note". */
    public String fileWord(DocumentKind kind) {
        return documents.fileWord(kind);
    }
}

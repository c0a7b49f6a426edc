package com.invoicedelivery.events.language;

import java.util.Locale;
import java.util.Map;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;

/**
 * What a document kind is called in one language, the one place for it: the e-mail's footer
 * ("Кредитно известие № 0000000042"), the PDF's title ("КРЕДИТНО ИЗВЕСТИЕ") and its file name
 * ("Кредитно-известие-0000000042.pdf") all come from the name in {@code documents_<language>.properties}, and
 * so does the client page's (tracking-service reads the bundle as one of its message sources).
 */
public final class DocumentNames {

    static final String BUNDLE = "com.invoicedelivery.events.language.documents";

    private static final String NUMBER_SIGN = "number.sign";

    /** Loaded when the class is, so a language without its file fails at start-up, not at its first send. */
    private static final Map<Language, DocumentNames> BY_LANGUAGE = Language.each(language -> new DocumentNames(Texts.load(BUNDLE, language)));

    private final Texts texts;

    private DocumentNames(Texts texts) {
        this.texts = texts;
    }

    public static DocumentNames of(Language language) {
        return BY_LANGUAGE.get(language);
    }

    /** The names for any locale that has a bundle, also one that is no {@link Language} (a test's). */
    public static DocumentNames of(Locale locale) {
        return new DocumentNames(Texts.load(BUNDLE, locale));
    }

    /** e.g. "Фактура", "Credit note" */
    public String name(DocumentKind kind) {
        return texts.get("kind." + kind.name());
    }

    /** The name as a printed document's title: "ФАКТУРА", "CREDIT NOTE". */
    public String heading(DocumentKind kind) {
        return name(kind).toUpperCase(texts.locale());
    }

    /** The name as one word of a file name: "Проформа-фактура", "Credit-note". */
    public String fileWord(DocumentKind kind) {
        return name(kind).replace(' ', '-');
    }

    /** What stands before a document's number: "№", "No." */
    public String numberSign() {
        return texts.get(NUMBER_SIGN);
    }

    /** e.g. "Фактура № 0000000042", "Credit note No. 0000000042" */
    public String title(DocumentKind kind, String number) {
        return name(kind) + " " + numberSign() + " " + number;
    }
}

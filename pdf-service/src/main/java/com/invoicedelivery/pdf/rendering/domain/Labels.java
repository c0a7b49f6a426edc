package com.invoicedelivery.pdf.rendering.domain;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;

/**
 * The fixed texts of a printed invoice in one language, kept in {@code labels_<language>.properties} beside the
 * template so a translator edits one file per language.
 */
public final class Labels {

    static final String BUNDLE = "com.invoicedelivery.pdf.rendering.labels";

    private static final Labels BULGARIAN = new Labels(load(new Locale("bg")));
    private static final Labels ENGLISH = new Labels(load(Locale.ENGLISH));

    private final ResourceBundle bundle;

    private Labels(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Labels of(Language language) {
        return switch (language) {
            case BG -> BULGARIAN;
            case EN -> ENGLISH;
        };
    }

    /** The label under {@code key}; an unknown key is a defect of the template or the code, never of the data. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no label '" + key + "' in " + BUNDLE + " for " + bundle.getLocale(), e);
        }
    }

    /** The document's title, e.g. "ФАКТУРА" or "CREDIT NOTE". */
    public String title(DocumentKind kind) {
        return get("title." + kind.name());
    }

    /** The document's name as a file name word, e.g. "Фактура" or "Credit-note". */
    public String fileWord(DocumentKind kind) {
        return get("file." + kind.name());
    }

    private static ResourceBundle load(Locale locale) {
        // no fallback to the JVM's default locale: each language has its own complete file
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}

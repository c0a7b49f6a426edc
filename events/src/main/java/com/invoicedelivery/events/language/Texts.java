package com.invoicedelivery.events.language;

import java.util.Collections;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import com.invoicedelivery.events.Language;

/**
 * One language's texts from a {@code <baseName>_<language>.properties} bundle (UTF-8). A bundle is looked up for
 * its own locale only: no fallback to the JVM's default locale, and the bundles have no base file, so a text
 * missing from one language is an error that names it, never another language's text.
 */
public final class Texts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String baseName;
    private final ResourceBundle bundle;

    private Texts(String baseName, ResourceBundle bundle) {
        this.baseName = baseName;
        this.bundle = bundle;
    }

    /** @throws IllegalStateException when the language has no bundle of that name */
    public static Texts load(String baseName, Language language) {
        return load(baseName, language.locale());
    }

    /**
     * Any locale's bundle, also one that is no {@link Language} (a test's made-up language).
     *
     * @throws IllegalStateException when the locale has no bundle of that name
     */
    public static Texts load(String baseName, Locale locale) {
        try {
            return new Texts(baseName, ResourceBundle.getBundle(baseName, locale, Texts.class.getClassLoader(),
                    NO_FALLBACK));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no texts " + baseName + " for the language '" + locale.toLanguageTag()
                    + "': add " + baseName.replace('.', '/') + "_" + locale + ".properties", e);
        }
    }

    /** The text under {@code key}; a missing one is a defect of the bundle or the code, never of the data. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text '" + key + "' in " + baseName + " for the language '"
                    + locale().toLanguageTag() + "'", e);
        }
    }

    public boolean contains(String key) {
        return bundle.containsKey(key);
    }

    /** The locale the texts were found for. */
    public Locale locale() {
        return bundle.getLocale();
    }

    public Set<String> keys() {
        return Collections.unmodifiableSet(new TreeSet<>(Collections.list(bundle.getKeys())));
    }
}

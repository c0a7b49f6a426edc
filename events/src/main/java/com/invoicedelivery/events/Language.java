package com.invoicedelivery.events;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The languages an invoice, its e-mail and its client page can be in. Each knows its {@link Locale}; code that
 * writes a language's texts chooses them with an exhaustive {@code switch} or from that language's resource
 * bundle, so a language added here is either written for everywhere or fails to build (or to start), and
 * never silently borrows another language's words.
 */
@Description("The language of the invoice, its e-mail and its client page.")
public enum Language {
    @Description("Bulgarian.")
    BG("bg"),
    @Description("English.")
    EN("en");

    private final Locale locale;

    Language(String tag) {
        this.locale = Locale.forLanguageTag(tag);
    }

    public Locale locale() {
        return locale;
    }

    /**
     * One value for every language, made now: called where a class loads, a language without its texts or rules
     * fails at start-up rather than at its first use.
     */
    public static <T> Map<Language, T> each(Function<Language, T> make) {
        Map<Language, T> values = new EnumMap<>(Language.class);
        for (Language language : values()) {
            values.put(language, make.apply(language));
        }
        return Collections.unmodifiableMap(values);
    }

    /** The BCP 47 tag, for {@code Content-Language}, {@code <html lang>} and the like: "bg", "en". */
    public String tag() {
        return locale.toLanguageTag();
    }
}

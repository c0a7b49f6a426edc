package com.invoicedelivery.events.language;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.invoicedelivery.events.Language;

/**
 * How one language writes dates and numbers, the one place for it. Named by use where two uses differ: an
 * e-mail's text writes the short date ({@code 08.12.2026}), the printed invoice the date as Bulgarian documents
 * print it ({@code 08.12.2026 г.}).
 *
 * <p>Separators are fixed here rather than taken from the JVM's locale data, so a text reads the same on every
 * machine: Bulgarian groups thousands with a no-break space and uses a decimal comma ({@code 1 234,56});
 * English uses {@code 1,234.56}.
 */
public final class LanguageFormats {

    /** Keeps a grouped number on one line; also what Bulgarian typography uses between thousands. */
    public static final char NO_BREAK_SPACE = '\u00a0';

    private static final LanguageFormats BULGARIAN = new LanguageFormats(Language.BG, ',', NO_BREAK_SPACE,
            "dd.MM.yyyy", "dd.MM.yyyy 'г.'", "dd.MM.yyyy", NO_BREAK_SPACE + "%", false);
    private static final LanguageFormats ENGLISH = new LanguageFormats(Language.EN, '.', ',',
            "d MMMM yyyy", "d MMMM yyyy", "dd.MM.yyyy", "%", true);

    private final DecimalFormatSymbols symbols;
    private final DateTimeFormatter shortDate;
    private final DateTimeFormatter printedDate;
    private final DateTimeFormatter numericDate;
    private final DateTimeFormatter numericDateTime;
    private final String percentSuffix;
    private final boolean currencyFirst;

    private LanguageFormats(Language language, char decimalSeparator, char groupingSeparator, String shortDate,
                            String printedDate, String numericDate, String percentSuffix, boolean currencyFirst) {
        Locale locale = language.locale();
        this.symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        this.symbols.setDecimalSeparator(decimalSeparator);
        this.symbols.setGroupingSeparator(groupingSeparator);
        this.symbols.setMinusSign('-');
        this.shortDate = DateTimeFormatter.ofPattern(shortDate, locale);
        this.printedDate = DateTimeFormatter.ofPattern(printedDate, locale);
        this.numericDate = DateTimeFormatter.ofPattern(numericDate, locale);
        this.numericDateTime = DateTimeFormatter.ofPattern(numericDate + " HH:mm", locale);
        this.percentSuffix = percentSuffix;
        this.currencyFirst = currencyFirst;
    }

    public static LanguageFormats of(Language language) {
        return switch (language) {
            case BG -> BULGARIAN;
            case EN -> ENGLISH;
        };
    }

    /** The language's decimal and grouping separators; a copy, as {@link DecimalFormatSymbols} is mutable. */
    public DecimalFormatSymbols symbols() {
        return (DecimalFormatSymbols) symbols.clone();
    }

    /** A date in running text, e.g. an e-mail: {@code 08.12.2026}, {@code 8 December 2026}. */
    public String shortDate(LocalDate date) {
        return shortDate.format(date);
    }

    /** A date printed on a document: {@code 08.12.2026 г.}, {@code 8 December 2026}. */
    public String printedDate(LocalDate date) {
        return printedDate.format(date);
    }

    /** A date in digits, where space is short (the client's page): {@code 08.12.2026} in both languages. */
    public String numericDate(LocalDate date) {
        return numericDate.format(date);
    }

    /** A moment in digits, in the zone it is given in: {@code 08.12.2026 14:05}. */
    public String numericDateTime(ZonedDateTime time) {
        return numericDateTime.format(time);
    }

    /** What follows a percentage: {@code 20 %} in Bulgarian (a no-break space), {@code 20%} in English. */
    public String percentSuffix() {
        return percentSuffix;
    }

    /** An amount in running text, e.g. an e-mail: {@code 1 450,00 EUR}, {@code EUR 1,450.00}. */
    public String amountInText(BigDecimal amount, String currency) {
        // DecimalFormat is not thread-safe: a fresh one per call
        String number = new DecimalFormat("#,##0.00", symbols).format(amount);
        return currencyFirst ? currency + " " + number : number + " " + currency;
    }
}

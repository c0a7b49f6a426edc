package com.invoicedelivery.pdf.rendering.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Map;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.language.LanguageFormats;

/**
 * How numbers and dates are printed in one language. Amounts are printed exactly as the issuer computed them:
 * nothing is rounded here (a value that would need rounding is refused), nothing is recomputed.
 *
 * <p>The language's separators, printed date and percent sign are its {@link LanguageFormats}, the same the
 * e-mails use: Bulgarian {@code 1 234,56}, English {@code 1,234.56}.
 */
public final class PrintFormats {

    /** Keeps a grouped number on one line; also what Bulgarian typography uses between thousands. */
    static final char NO_BREAK_SPACE = LanguageFormats.NO_BREAK_SPACE;

    private static final Map<Language, PrintFormats> BY_LANGUAGE = Language.each(language -> new PrintFormats(LanguageFormats.of(language)));

    private final LanguageFormats formats;
    private final DecimalFormatSymbols symbols;

    private PrintFormats(LanguageFormats formats) {
        this.formats = formats;
        this.symbols = formats.symbols();
    }

    public static PrintFormats of(Language language) {
        return BY_LANGUAGE.get(language);
    }

    /** An amount of money: always exactly two decimals ({@code 1 234,50}). */
    public String money(BigDecimal amount) {
        if (!MoneyRules.hasCents(amount)) {
            throw new IllegalArgumentException("an amount of money has at most 2 decimals: " + amount.toPlainString());
        }
        return decimal(amount, 2, 2);
    }

    /** An amount followed by its currency code ({@code 1 234,50 EUR}). */
    public String money(BigDecimal amount, String currency) {
        return money(amount) + NO_BREAK_SPACE + currency;
    }

    /** A unit price: at least two decimals, and every further decimal the issuer gave ({@code 0,125}). */
    public String unitPrice(BigDecimal price) {
        return decimal(price, 2, Math.max(2, significantScale(price)));
    }

    /** A quantity as given, without trailing zeros ({@code 2}, {@code 1,5}, {@code 1 000}). */
    public String quantity(BigDecimal quantity) {
        return decimal(quantity, 0, significantScale(quantity));
    }

    /** A VAT rate in percent ({@code 20 %} in Bulgarian, {@code 20%} in English). */
    public String percent(BigDecimal rate) {
        return quantity(rate) + formats.percentSuffix();
    }

    /** A date as documents print it ({@code 05.03.2026 г.}, {@code 5 March 2026}). */
    public String date(LocalDate date) {
        return formats.printedDate(date);
    }

    private String decimal(BigDecimal value, int minimumDecimals, int maximumDecimals) {
        // DecimalFormat is not thread-safe: a fresh one per call costs far less than the PDF it goes into
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMinimumFractionDigits(minimumDecimals);
        format.setMaximumFractionDigits(maximumDecimals);
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(value);
    }

    private static int significantScale(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }
}

package com.invoicedelivery.tracking.link.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.kit.money.AmountInWords;
import com.invoicedelivery.events.language.LanguageFormats;

/**
 * How the link pages print dates, times and numbers in the page's language, with that language's formats
 * ({@link LanguageFormats}: dates in digits, its separators). Amounts are printed as the invoice states them, never
 * recomputed.
 */
public final class PageFormats {

    private final Language language;
    private final LanguageFormats formats;
    private final ZoneId zone;

    PageFormats(Language language, ZoneId zone) {
        this.language = language;
        this.formats = LanguageFormats.of(language);
        this.zone = zone;
    }

    public String date(LocalDate date) {
        return date == null ? "" : formats.numericDate(date);
    }

    /** A moment in the platform's display zone (the tenant's and client's local time). */
    public String time(Instant instant) {
        return instant == null ? "" : formats.numericDateTime(instant.atZone(zone));
    }

    public String money(BigDecimal amount) {
        return format(amount, 2, 2);
    }

    /** The amount in words, as the PDF prints it under the total; null for a currency without known names. */
    public String inWords(BigDecimal amount, String currency) {
        return amount == null ? null : AmountInWords.of(amount, currency, language).orElse(null);
    }

    public String quantity(BigDecimal quantity) {
        return format(quantity, 0, 3);
    }

    public String percent(BigDecimal rate) {
        return rate == null ? "" : format(rate, 0, 2) + " %";
    }

    private String format(BigDecimal number, int minFraction, int maxFraction) {
        if (number == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0", formats.symbols());
        format.setMinimumFractionDigits(minFraction);
        format.setMaximumFractionDigits(maxFraction);
        return format.format(number);
    }
}

package com.invoicedelivery.tracking.link.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the link pages print dates, times and numbers in the page's language. Amounts are printed as the
 * invoice states them, never recomputed.
 */
public final class PageFormats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final Locale locale;
    private final ZoneId zone;

    PageFormats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A moment in the platform's display zone (the tenant's and client's local time). */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    public String money(BigDecimal amount) {
        return format(amount, 2, 2);
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
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
        format.setMinimumFractionDigits(minFraction);
        format.setMaximumFractionDigits(maxFraction);
        return format.format(number);
    }
}

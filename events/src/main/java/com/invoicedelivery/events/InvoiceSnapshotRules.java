package com.invoicedelivery.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules of an {@link InvoiceSnapshot} as a contract: invoice-service makes snapshots that meet them, and
 * pdf-service refuses to print one that does not. One place, so the two can never disagree on what a valid
 * number or a consistent set of totals is.
 */
public final class InvoiceSnapshotRules {

    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");

    private InvoiceSnapshotRules() {
    }

    /** A Bulgarian tax document's number: exactly ten digits. */
    public static boolean isDocumentNumber(String number) {
        return number != null && TEN_DIGITS.matcher(number).matches();
    }

    /**
     * Every figure that is not the sum it stands for (lines → tax base per rate → totals), in words a person reads;
     * empty when they add up. Additions only: no rounding is redone. Figures that are missing are left to the
     * caller to name, as are amounts with more than two decimals.
     */
    public static List<String> sumsThatDoNotAddUp(InvoiceSnapshot invoice) {
        List<String> problems = new ArrayList<>();
        if (everyAmountPresent(invoice)) {
            totalsAddUp(invoice, problems);
            // a rate-less breakdown cannot be matched with lines (the caller names it)
            if (everyLineAmountPresent(invoice.lines()) && invoice.vat().stream().allMatch(vat -> vat.rate() != null)) {
                linesAddUp(invoice, problems);
            }
        }
        return List.copyOf(problems);
    }

    private static void totalsAddUp(InvoiceSnapshot invoice, List<String> problems) {
        BigDecimal bases = sum(invoice.vat().stream().map(VatBreakdown::taxBase).toList());
        BigDecimal vats = sum(invoice.vat().stream().map(VatBreakdown::vatAmount).toList());
        equal(invoice.taxBase(), bases, "the tax base", "the sum of the tax bases per VAT rate", problems);
        equal(invoice.vatAmount(), vats, "the VAT amount", "the sum of the VAT per rate", problems);
        equal(invoice.total(), invoice.taxBase().add(invoice.vatAmount()), "the total", "the tax base plus the VAT",
                problems);
    }

    /** Each rate's tax base is the sum of its lines' amounts (as invoice-service computes it). */
    private static void linesAddUp(InvoiceSnapshot invoice, List<String> problems) {
        // a TreeMap compares rates by value: 20 and 20.00 are the same rate
        Map<BigDecimal, BigDecimal> linesByRate = new TreeMap<>();
        invoice.lines().forEach(line -> linesByRate.merge(line.vatRate(), line.amount(), BigDecimal::add));
        for (VatBreakdown vat : invoice.vat()) {
            BigDecimal lines = Objects.requireNonNullElse(linesByRate.remove(vat.rate()), BigDecimal.ZERO);
            equal(vat.taxBase(), lines, "the tax base at " + percent(vat.rate()), "the sum of its lines' amounts",
                    problems);
        }
        linesByRate.keySet().forEach(rate -> problems.add("the lines at " + percent(rate) + " have no VAT breakdown"));
    }

    private static boolean everyLineAmountPresent(List<InvoiceLine> lines) {
        return lines != null && !lines.isEmpty()
                && lines.stream().allMatch(line -> line != null && line.vatRate() != null && line.amount() != null);
    }

    private static boolean everyAmountPresent(InvoiceSnapshot invoice) {
        return invoice.taxBase() != null && invoice.vatAmount() != null && invoice.total() != null
                && invoice.vat() != null && !invoice.vat().isEmpty() && invoice.vat().stream()
                .allMatch(vat -> vat != null && vat.taxBase() != null && vat.vatAmount() != null);
    }

    private static void equal(BigDecimal stated, BigDecimal sum, String subject, String sumName, List<String> problems) {
        if (stated.compareTo(sum) != 0) {
            problems.add(subject + " (" + stated.toPlainString() + ") is not " + sumName + " (" + sum.toPlainString()
                    + ")");
        }
    }

    /** e.g. "20% VAT" */
    public static String percent(BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString() + "% VAT";
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

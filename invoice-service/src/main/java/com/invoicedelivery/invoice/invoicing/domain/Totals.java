package com.invoicedelivery.invoice.invoicing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What an invoice adds up to. Each line's amount is rounded to cents; the VAT of each rate is computed once on
 * that rate's tax base (not line by line), so the breakdown is what the law prints and the totals are its sums.
 *
 * @param vat one group per rate, highest rate first
 */
public record Totals(BigDecimal taxBase, BigDecimal vatAmount, BigDecimal total, List<VatGroup> vat) {

    public Totals {
        vat = List.copyOf(vat);
    }

    public static Totals of(List<InvoiceLine> lines) {
        Map<BigDecimal, List<InvoiceLine>> byRate = new TreeMap<>(Comparator.reverseOrder());
        lines.forEach(line -> byRate.computeIfAbsent(line.vatRate(), rate -> new ArrayList<>()).add(line));
        List<VatGroup> groups = byRate.entrySet().stream().map(entry -> group(entry.getKey(), entry.getValue())).toList();
        BigDecimal taxBase = sum(groups.stream().map(VatGroup::taxBase).toList());
        BigDecimal vatAmount = sum(groups.stream().map(VatGroup::vatAmount).toList());
        return new Totals(taxBase, vatAmount, taxBase.add(vatAmount), groups);
    }

    private static VatGroup group(BigDecimal rate, List<InvoiceLine> lines) {
        BigDecimal base = sum(lines.stream().map(InvoiceLine::amount).toList());
        String exemption = lines.stream().map(InvoiceLine::vatExemptionReason).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining("; "));
        return new VatGroup(rate, base, Money.percentOf(base, rate), exemption.isEmpty() ? null : exemption);
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(Money.zero(), BigDecimal::add);
    }
}

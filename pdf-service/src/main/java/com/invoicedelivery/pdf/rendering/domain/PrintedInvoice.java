package com.invoicedelivery.pdf.rendering.domain;

import java.util.List;
import java.util.Map;

/**
 * An invoice as the template prints it: every value already formatted for the document's language, by name.
 * Absent optional values are empty strings, so the template can leave out what has nothing to show.
 *
 * @param fields single values, e.g. {@code number}, {@code total}, {@code bank.iban}
 * @param tables repeated rows by table name ({@code parties}, {@code lines}, {@code vatRows}), each row by column
 */
public record PrintedInvoice(Labels labels, Map<String, String> fields, Map<String, List<Map<String, String>>> tables) {

    public PrintedInvoice {
        fields = Map.copyOf(fields);
        tables = Map.copyOf(tables);
    }

    public String field(String name) {
        return known(fields.get(name), "field", name);
    }

    public List<Map<String, String>> table(String name) {
        return known(tables.get(name), "table", name);
    }

    private static <T> T known(T value, String what, String name) {
        if (value == null) {
            throw new IllegalArgumentException("the printed invoice has no " + what + " '" + name + "'");
        }
        return value;
    }
}

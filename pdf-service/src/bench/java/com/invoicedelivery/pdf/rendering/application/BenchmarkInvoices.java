package com.invoicedelivery.pdf.rendering.application;

import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.pdf.testdata.Invoices;

/** The invoices the benchmark renders: the tests' one-page invoice and their 120-line, five-page one. */
final class BenchmarkInvoices {

    static final String ONE_PAGE = "1-page";
    static final String FIVE_PAGES = "5-page";

    private BenchmarkInvoices() {
    }

    static InvoiceSnapshot named(String name) {
        return switch (name) {
            case ONE_PAGE -> Invoices.invoice();
            case FIVE_PAGES -> Invoices.longInvoice(120);
            default -> throw new IllegalArgumentException("no benchmark invoice '" + name + "'");
        };
    }
}

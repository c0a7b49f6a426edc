package com.invoicedelivery.invoice.importing.domain;

import com.invoicedelivery.invoice.shared.domain.DerivedIds;

/**
 * The ids of what importing one row makes, derived from the tenant, the batch id and the row: a batch delivered
 * again (or retried after a crash half-way) finds what the first delivery made instead of making it twice.
 */
public final class ImportIds {

    private ImportIds() {
    }

    public static String invoice(String tenantId, String batchId, int row) {
        return DerivedIds.of("import", tenantId, batchId, String.valueOf(row), "invoice");
    }

    public static String client(String tenantId, String batchId, int row) {
        return DerivedIds.of("import", tenantId, batchId, String.valueOf(row), "client");
    }

    public static String send(String tenantId, String batchId, int row) {
        return DerivedIds.of("import", tenantId, batchId, String.valueOf(row), "send");
    }
}

package com.invoicedelivery.invoice.importing.web;

import java.util.List;

import com.invoicedelivery.events.ClientPolicy;
import com.invoicedelivery.events.ImportedInvoice;

/**
 * The body of {@code POST /api/imports}: the rows are the same records a bulk importer puts on Kafka;
 * {@code clientPolicy} (optional, default UPDATE) as on Kafka.
 */
record ImportRequest(String batchId, Boolean sendAfterImport, List<ImportedInvoice> invoices, ClientPolicy clientPolicy) {
}

package com.invoicedelivery.invoice.send.web;

import java.util.List;

/** The body of {@code POST /api/sends/preview}: the invoices ticked in the list. */
record PreviewRequest(List<String> invoiceIds) {
}

package com.invoicedelivery.invoice.send.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/sends/preview}: the invoices ticked in the list. */
record PreviewRequest(
        @Schema(description = "The invoices ticked in the list, 1 to 500; the preview answers in this order.")
        List<String> invoiceIds) {
}

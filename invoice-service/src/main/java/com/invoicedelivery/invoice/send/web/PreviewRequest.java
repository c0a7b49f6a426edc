package com.invoicedelivery.invoice.send.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/sends/preview}: the invoices ticked in the list. */
record PreviewRequest(
        @ArraySchema(arraySchema = @Schema(
                description = "The invoices ticked in the list, 1 to 500; the preview answers in this order.",
                example = "[\"b7e4c1a2-5d3f-4e8a-9c6b-1a2d3e4f5a60\"]"),
                schema = @Schema(example = "b7e4c1a2-5d3f-4e8a-9c6b-1a2d3e4f5a60"))
        List<String> invoiceIds) {
}

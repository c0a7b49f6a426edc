package com.invoicedelivery.invoice.send.web;

import java.util.List;

import com.invoicedelivery.invoice.send.domain.Send;
import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to {@code POST /api/sends}: 202, one send per invoice, in the order asked. */
record BulkSendView(
        @Schema(description = "One accepted send per invoice, in the order asked.") List<SendView.Accepted> sends) {

    static BulkSendView of(List<Send> sends) {
        return new BulkSendView(sends.stream().map(SendView.Accepted::of).toList());
    }
}

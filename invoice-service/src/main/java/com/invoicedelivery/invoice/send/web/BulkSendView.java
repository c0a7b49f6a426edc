package com.invoicedelivery.invoice.send.web;

import java.util.List;

import com.invoicedelivery.invoice.send.domain.Send;

/** The answer to {@code POST /api/sends}: 202, one send per invoice, in the order asked. */
record BulkSendView(List<SendView.Accepted> sends) {

    static BulkSendView of(List<Send> sends) {
        return new BulkSendView(sends.stream().map(SendView.Accepted::of).toList());
    }
}

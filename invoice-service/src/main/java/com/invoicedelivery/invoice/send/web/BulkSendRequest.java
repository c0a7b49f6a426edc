package com.invoicedelivery.invoice.send.web;

import java.util.List;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.send.domain.SendBatch;
import com.invoicedelivery.invoice.send.domain.SendOptions;

/** The body of {@code POST /api/sends}: each invoice with what the user changed in the preview. */
record BulkSendRequest(List<Item> invoices) {

    /**
     * One invoice; every field but {@code invoiceId} may be left out for the preview's default.
     * {@code confirmSuppressed}: true to send to its recipients on the suppression list too (default: skip them).
     */
    record Item(String invoiceId, List<String> recipients, String subject, String message, Language language,
                Boolean confirmSuppressed) {
    }

    SendBatch toBatch() {
        return new SendBatch(invoices == null ? null : invoices.stream()
                .map(item -> item == null ? null
                        : new SendBatch.Item(item.invoiceId(),
                                new SendOptions(item.recipients(), item.subject(), item.message(), item.language()),
                                Boolean.TRUE.equals(item.confirmSuppressed())))
                .toList());
    }
}

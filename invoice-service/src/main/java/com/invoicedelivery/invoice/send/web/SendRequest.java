package com.invoicedelivery.invoice.send.web;

import java.util.List;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.send.domain.SendOptions;

/** The optional body of {@code POST /api/invoices/{invoiceId}/send}: what the user changed in the preview. */
record SendRequest(List<String> recipients, String subject, String message, Language language) {

    static SendOptions optionsOf(SendRequest request) {
        return request == null ? SendOptions.defaults()
                : new SendOptions(request.recipients, request.subject, request.message, request.language);
    }
}

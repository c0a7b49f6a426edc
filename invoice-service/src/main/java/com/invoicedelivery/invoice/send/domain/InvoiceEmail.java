package com.invoicedelivery.invoice.send.domain;

import java.util.List;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.Language;

/**
 * The e-mail one invoice goes out with, as the preview shows it and the send makes it: placeholders filled in, but
 * in link mode {@value com.invoicedelivery.events.SendDetails#LINK_MARKER} kept for each recipient's own link.
 *
 * @param recipients distinct addresses (letter case aside), in the order chosen
 */
public record InvoiceEmail(List<String> recipients, Language language, DeliveryMode mode, String subject,
                           String message) {

    public InvoiceEmail {
        recipients = List.copyOf(recipients);
    }
}

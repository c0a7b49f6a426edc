package com.invoicedelivery.events;

import java.time.Instant;
import java.util.List;

/**
 * One invoice in one send action, as every stage after invoice-service needs it.
 *
 * @param subject        the final subject as the user edited it
 * @param message        the final plain-text message as the user edited it; in link mode the marker
 *                       {@value #LINK_MARKER} shows where each recipient's personal link goes (appended
 *                       at the end when absent)
 * @param linkExpiresAt  when the personal links stop working; null in attachment mode
 */
@Description("One invoice in one send action, as every stage after invoice-service needs it.")
public record SendDetails(
        @Description("The send: the record key of every event about it.") String sendId,
        String invoiceId,
        String clientId,
        String clientName,
        DeliveryMode mode,
        Language language,
        List<Recipient> recipients,
        @Description("The final subject as the user edited it.") String subject,
        @Description("The final plain-text message as the user edited it; in link mode the marker {link} shows where "
                + "each recipient's personal link goes.") String message,
        Sender sender,
        InvoiceSnapshot invoice,
        @Description("When the personal links stop working; null in attachment mode.")
        @OptionalField Instant linkExpiresAt) {

    public static final String LINK_MARKER = "{link}";
}

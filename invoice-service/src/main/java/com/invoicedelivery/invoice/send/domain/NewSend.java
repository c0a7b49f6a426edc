package com.invoicedelivery.invoice.send.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Sender;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.tenant.domain.Tenant;

/**
 * A send as it is made: the {@link Send} this service keeps (token hashes only) and the {@link SendDetails} the
 * next services need (the tokens themselves, the snapshot, the final texts).
 */
public record NewSend(Send send, SendDetails details) {

    /**
     * Makes the send of {@code invoice}: to the chosen addresses or the client's, in the chosen language or the
     * client's, with the chosen texts or the template's, as a link unless the tenant sends attachments.
     */
    public static NewSend compose(String sendId, Tenant tenant, Client client, Invoice invoice, SendOptions options,
                                  PersonalLinks links, Instant now) {
        DeliveryMode mode = tenant.deliveryMode();
        Language language = options.language() != null ? options.language() : client.language();
        MessageTemplate texts = DefaultTemplates.of(language, mode)
                .filledWith(MessageValues.of(language, tenant, client, invoice));
        String subject = options.subject() != null ? options.subject() : texts.subject();
        String message = options.message() != null ? options.message() : texts.body();

        List<SendRecipient> kept = new ArrayList<>();
        List<Recipient> announced = new ArrayList<>();
        for (String email : options.recipientsOr(client.emails())) {
            String recipientId = UUID.randomUUID().toString();
            PersonalLink link = mode == DeliveryMode.LINK ? links.issue() : null;
            kept.add(SendRecipient.requested(recipientId, email, link == null ? null : link.tokenHash()));
            announced.add(new Recipient(recipientId, email, link == null ? null : link.token(),
                    link == null ? null : link.url()));
        }
        Send send = Send.requested(sendId, tenant.id(), invoice.id(), invoice.number(), client.id(), mode, language,
                subject, message, kept, now);
        SendDetails details = new SendDetails(sendId, invoice.id(), client.id(), client.details().name(), mode,
                language, announced, subject, message,
                new Sender(tenant.name(), tenant.subdomain(), tenant.company().email()),
                InvoiceSnapshots.of(invoice, tenant, client),
                mode == DeliveryMode.LINK ? links.expiresAt(now) : null);
        return new NewSend(send, details);
    }
}

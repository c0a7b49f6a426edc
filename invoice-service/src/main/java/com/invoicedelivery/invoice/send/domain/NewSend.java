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
import com.invoicedelivery.events.TenantContact;
import com.invoicedelivery.invoice.tenant.domain.ClientPage;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.tenant.domain.Tenant;

/**
 * A send as it is made: the {@link Send} this service keeps (token hashes only) and the {@link SendDetails} the
 * next services need (the tokens' hashes, the links sealed for mail-dispatch-service, the snapshot, the final texts).
 */
public record NewSend(Send send, SendDetails details) {

    /**
     * Makes the send of {@code invoice} with {@code email}: a personal link for each recipient in link mode, none in
     * attachment mode.
     */
    public static NewSend compose(String sendId, Tenant tenant, Client client, Invoice invoice, InvoiceEmail email,
                                  PersonalLinks links, Instant now) {
        DeliveryMode mode = email.mode();
        Language language = email.language();
        List<SendRecipient> kept = new ArrayList<>();
        List<Recipient> announced = new ArrayList<>();
        for (String address : email.recipients()) {
            String recipientId = UUID.randomUUID().toString();
            PersonalLink link = mode == DeliveryMode.LINK ? links.issue(tenant.id(), sendId, recipientId) : null;
            kept.add(SendRecipient.requested(recipientId, address, link == null ? null : link.tokenHash()));
            announced.add(link == null ? Recipient.attached(recipientId, address)
                    : Recipient.linked(recipientId, address, link.tokenHash(), link.sealedLink()));
        }
        Send send = Send.requested(sendId, tenant.id(), invoice.id(), invoice.number(), client.id(), mode, language,
                email.subject(), email.message(), kept, now);
        SendDetails details = new SendDetails(sendId, invoice.id(), client.id(), client.details().name(), mode,
                language, announced, email.subject(), email.message(),
                sender(tenant),
                InvoiceSnapshots.of(invoice, tenant, client),
                mode == DeliveryMode.LINK ? links.expiresAt(now, tenant.linkValidityDays()) : null);
        return new NewSend(send, details);
    }

    /** Who the send is from, with what the tenant shows its clients on their pages (privacy notice, contact). */
    private static Sender sender(Tenant tenant) {
        ClientPage page = tenant.clientPage();
        if (page == null) {
            return new Sender(tenant.name(), tenant.subdomain(), tenant.company().email());
        }
        return new Sender(tenant.name(), tenant.subdomain(), tenant.company().email(), page.privacyNoticeUrl(),
                page.hasContact() ? new TenantContact(page.email(), page.phone(), page.address()) : null);
    }
}

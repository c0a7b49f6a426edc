package com.invoicedelivery.tracking.link.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;

/** Makes the personal links of a send: one per recipient in link mode, none in attachment mode. */
public final class NewLinks {

    private NewLinks() {
    }

    /**
     * The links live until the send's {@code linkExpiresAt}: how long links work is the tenant's choice, kept by
     * invoice-service alone (its setting and default), so this service has no default of its own to disagree with.
     *
     * @throws InvalidLinkRequestException when a link-mode send names no expiry, or a recipient has no valid token
     *                                     or address
     */
    public static List<Link> forSend(String tenantId, SendDetails send, Instant now) {
        if (send.mode() != DeliveryMode.LINK) {
            return List.of();
        }
        Instant expiresAt = send.linkExpiresAt();
        if (expiresAt == null) {
            throw new InvalidLinkRequestException("send " + send.sendId() + " is in link mode but names no link expiry");
        }
        return send.recipients().stream()
                .map(recipient -> link(tenantId, send, recipient, now, expiresAt))
                .toList();
    }

    private static Link link(String tenantId, SendDetails send, Recipient recipient, Instant now, Instant expiresAt) {
        LinkToken token = LinkToken.parse(recipient.linkToken()).orElseThrow(() -> new InvalidLinkRequestException(
                "send " + send.sendId() + ": recipient " + recipient.recipientId() + " has no valid link token"));
        if (recipient.email() == null || recipient.email().isBlank()) {
            throw new InvalidLinkRequestException(
                    "send " + send.sendId() + ": recipient " + recipient.recipientId() + " has no e-mail address");
        }
        return new Link(token.hash(), tenantId, send.sendId(), send.invoiceId(), recipient.recipientId(),
                recipient.email().strip().toLowerCase(Locale.ROOT), send.language(), tenantName(send), send.invoice(),
                now, expiresAt, null, null, null, null, List.of());
    }

    private static String tenantName(SendDetails send) {
        if (send.sender() != null && send.sender().tenantName() != null) {
            return send.sender().tenantName();
        }
        return send.invoice().supplier().name();
    }
}

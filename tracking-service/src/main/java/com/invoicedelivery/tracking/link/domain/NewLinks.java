package com.invoicedelivery.tracking.link.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;

/** Makes the personal links of a send: one per recipient in link mode, none in attachment mode. */
public final class NewLinks {

    /** The form of {@code Sha256.tokenHash}: lower-case hex SHA-256. */
    private static final Pattern TOKEN_HASH = Pattern.compile("[0-9a-f]{64}");

    private NewLinks() {
    }

    /**
     * The links live until the send's {@code linkExpiresAt}: how long links work is the tenant's choice, kept by
     * invoice-service alone (its setting and default), so this service has no default of its own to disagree with.
     *
     * <p>Each link is stored under its token's hash, which the send carries ({@code linkTokenHash}): the token itself
     * never reaches this service. A record of the old version ({@code clearLinks}, schema version 1) carried the
     * token in clear instead; it is hashed here, as before, while such records may still be in flight.
     *
     * @param clearLinks whether the record is of version 1, whose recipients carry their tokens in clear
     * @throws InvalidLinkRequestException when a link-mode send names no expiry, or a recipient has no valid token
     *                                     hash (or, in version 1, token) or address
     */
    public static List<Link> forSend(String tenantId, SendDetails send, boolean clearLinks, Instant now) {
        if (send.mode() != DeliveryMode.LINK) {
            return List.of();
        }
        Instant expiresAt = send.linkExpiresAt();
        if (expiresAt == null) {
            throw new InvalidLinkRequestException("send " + send.sendId() + " is in link mode but names no link expiry");
        }
        return send.recipients().stream()
                .map(recipient -> link(tenantId, send, recipient, tokenHash(send, recipient, clearLinks), now,
                        expiresAt))
                .toList();
    }

    private static String tokenHash(SendDetails send, Recipient recipient, boolean clearLinks) {
        if (clearLinks) {
            return LinkToken.parse(recipient.linkToken()).map(LinkToken::hash).orElseThrow(() ->
                    new InvalidLinkRequestException("send " + send.sendId() + ": recipient " + recipient.recipientId()
                            + " has no valid link token"));
        }
        String hash = recipient.linkTokenHash();
        if (hash == null || !TOKEN_HASH.matcher(hash).matches()) {
            throw new InvalidLinkRequestException("send " + send.sendId() + ": recipient " + recipient.recipientId()
                    + " has no valid link token hash (64 lower-case hex digits)");
        }
        return hash;
    }

    private static Link link(String tenantId, SendDetails send, Recipient recipient, String tokenHash, Instant now,
                             Instant expiresAt) {
        if (recipient.email() == null || recipient.email().isBlank()) {
            throw new InvalidLinkRequestException(
                    "send " + send.sendId() + ": recipient " + recipient.recipientId() + " has no e-mail address");
        }
        return new Link(tokenHash, tenantId, send.sendId(), send.invoiceId(), recipient.recipientId(),
                recipient.email().strip().toLowerCase(Locale.ROOT), send.language(), tenantName(send), send.invoice(),
                now, expiresAt, null, null, null, null, List.of(), TenantPage.of(send.sender()));
    }

    private static String tenantName(SendDetails send) {
        if (send.sender() != null && send.sender().tenantName() != null) {
            return send.sender().tenantName();
        }
        return send.invoice().supplier().name();
    }
}

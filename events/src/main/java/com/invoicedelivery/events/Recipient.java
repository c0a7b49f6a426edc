package com.invoicedelivery.events;

/**
 * One address an invoice goes to.
 *
 * @param recipientId unique within the send
 * @param linkToken   the personal link's token in link mode (at least 128 random bits, URL-safe); null in
 *                    attachment mode. Only tracking-service keeps it, and only as a hash.
 * @param linkUrl     the full personal link the e-mail shows; null in attachment mode
 */
public record Recipient(String recipientId, String email, String linkToken, String linkUrl) {
}

package com.invoicedelivery.invoice.invoicing.domain;

import java.time.Instant;

import com.invoicedelivery.invoice.shared.domain.SendStatus;

/**
 * Where an invoice's most recent send stands, as its send reported it. An invoice shows the status of its latest
 * send: a report about an older send, or an older report ({@code version}) about the same send, changes nothing.
 *
 * @param version the send's version after the change reported here; 0 when the send was made
 */
public record LatestSend(String sendId, Instant requestedAt, long version, SendStatus status) {
}

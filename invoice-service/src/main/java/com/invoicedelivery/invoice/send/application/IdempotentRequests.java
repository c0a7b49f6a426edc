package com.invoicedelivery.invoice.send.application;

import java.time.Clock;

import com.invoicedelivery.invoice.send.domain.IdempotencyKey;
import com.invoicedelivery.invoice.send.domain.RequestFingerprint;
import com.invoicedelivery.invoice.send.domain.SendIds;
import com.invoicedelivery.invoice.send.persistence.IdempotencyKeyStore;
import com.invoicedelivery.invoice.shared.domain.StateConflictException;

/**
 * Send requests with an {@code Idempotency-Key}: the first request with a key claims it with its fingerprint; the
 * same request again gets the same send ids (and so the sends already made); another request with the key is refused.
 */
public class IdempotentRequests {

    private final IdempotencyKeyStore keys;
    private final Clock clock;

    public IdempotentRequests(IdempotencyKeyStore keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Call once the request is checked and about to make its sends.
     *
     * @param key null when the request has none: every send gets a new id
     * @throws StateConflictException naming the header when the key came with another request before
     */
    public SendIds claim(String tenantId, String key, RequestFingerprint request) {
        if (key == null) {
            return SendIds.random();
        }
        String fingerprint = request.hex();
        if (!keys.claim(tenantId, key, fingerprint, clock.instant()).equals(fingerprint)) {
            throw new StateConflictException(IdempotencyKey.HEADER,
                    "was used before for another request; use a new key for a new request");
        }
        return SendIds.derived(tenantId, key);
    }
}

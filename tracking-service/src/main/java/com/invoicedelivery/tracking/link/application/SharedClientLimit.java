package com.invoicedelivery.tracking.link.application;

import java.time.Duration;

/**
 * The link pages' requests per client address, counted by all replicas together: a client that spreads its
 * requests over the replicas gets no more than from one. The in-memory token buckets still come first (they refuse
 * a flood without asking the store); this is the count that holds across replicas.
 */
public interface SharedClientLimit {

    /**
     * Counts one request of the client.
     *
     * @return {@link Duration#ZERO} when it is allowed, else how long until it would be
     * @throws RuntimeException when the store cannot be asked (the caller lets the request through: the in-memory
     *         limits still hold)
     */
    Duration take(String clientAddress);
}

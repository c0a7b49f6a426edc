package com.invoicedelivery.deploy.bench;

import java.time.Duration;

/** Sleeping between polls; an interrupt ends the benchmark. */
final class Pause {

    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

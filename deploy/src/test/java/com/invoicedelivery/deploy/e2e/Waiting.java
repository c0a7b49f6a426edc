package com.invoicedelivery.deploy.e2e;

import java.time.Duration;
import java.util.function.Supplier;

/** Polling for what happens asynchronously (events crossing services), with a deadline. */
final class Waiting {

    private Waiting() {
    }

    static <T> T until(String what, Supplier<T> probe, java.util.function.Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last seen: " + last);
            }
            pause(Duration.ofMillis(300));
            last = probe.get();
        }
        return last;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package com.invoicedelivery.mail.settings.application;

import java.time.Duration;

/** The tenant has tested SMTP connections as often as it may in a minute; the test was not run. */
public class ConnectionTestsLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public ConnectionTestsLimitedException(int perMinute, Duration retryAfter) {
        super("at most " + perMinute + " connection tests a minute; try again in " + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}

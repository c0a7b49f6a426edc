package com.invoicedelivery.mail.smtp.messaging;

import java.util.concurrent.ScheduledExecutorService;

/** The one timer thread of the SMTP adapters; stopped on shutdown. */
record SmtpTimers(ScheduledExecutorService executor) implements AutoCloseable {

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

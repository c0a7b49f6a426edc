package com.invoicedelivery.pdf.rendering.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param threads       renders at the same time; 0 means one per processor (rendering is CPU-bound)
 * @param queueCapacity renders that may wait for a thread; 0 means four per thread. A full queue refuses work, so
 *                      the Kafka record is retried later instead of piling up in memory
 * @param timeout       how long a caller waits for its render before giving up
 */
@ConfigurationProperties("pdf.rendering")
public record RenderingProperties(int threads, int queueCapacity, Duration timeout) {

    public RenderingProperties {
        if (threads <= 0) {
            threads = Runtime.getRuntime().availableProcessors();
        }
        if (queueCapacity <= 0) {
            queueCapacity = 4 * threads;
        }
        // the timeout's default is in application.yml, once
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("pdf.rendering.timeout must be a positive duration, not " + timeout);
        }
    }
}

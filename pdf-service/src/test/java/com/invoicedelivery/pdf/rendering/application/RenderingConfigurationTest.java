package com.invoicedelivery.pdf.rendering.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;

import org.junit.jupiter.api.Test;

class RenderingConfigurationTest {

    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

    @Test
    void byDefaultTheRenderingPoolHasOneThreadPerProcessorAndABoundedQueue() {
        RenderingProperties defaults = new RenderingProperties(0, 0, Duration.ofSeconds(60));

        ThreadPoolExecutor pool = pool(defaults);
        try {
            assertThat(defaults.threads()).isEqualTo(PROCESSORS);
            assertThat(pool.getCorePoolSize()).isEqualTo(PROCESSORS);
            assertThat(pool.getMaximumPoolSize()).isEqualTo(PROCESSORS);
            assertThat(pool.getQueue().remainingCapacity()).isEqualTo(4 * PROCESSORS);
            assertThat(pool.getRejectedExecutionHandler()).isInstanceOf(ThreadPoolExecutor.AbortPolicy.class);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theSizeCanBeSetExplicitly() {
        ThreadPoolExecutor pool = pool(new RenderingProperties(3, 5, Duration.ofSeconds(10)));
        try {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pool.getQueue().remainingCapacity()).isEqualTo(5);
        } finally {
            pool.shutdown();
        }
    }

    private static ThreadPoolExecutor pool(RenderingProperties properties) {
        ExecutorService pool = new RenderingConfiguration().renderingPool(properties);
        assertThat(pool).isInstanceOf(ThreadPoolExecutor.class);
        return (ThreadPoolExecutor) pool;
    }
}

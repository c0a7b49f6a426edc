package com.invoicedelivery.pdf.rendering.application;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The template (parsed once), the PDF engine with its fonts, and the bounded pool renders run on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RenderingProperties.class)
public class RenderingConfiguration {

    static final String POOL = "renderingPool";

    @Bean(name = POOL, destroyMethod = "shutdown")
    ExecutorService renderingPool(RenderingProperties properties) {
        return new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()), renderThreads(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    @Bean
    InvoicePdfRenderer invoicePdfRenderer(@Qualifier(POOL) ExecutorService pool, RenderingProperties properties) {
        return new InvoicePdfRenderer(InvoiceTemplate.load(), new PdfEngine(PdfEngine.DEJAVU_SANS), pool,
                properties.timeout());
    }

    private static ThreadFactory renderThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "pdf-render-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

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

    /**
     * As many threads as {@code pdf.rendering.threads} (by default one per processor: rendering is CPU-bound),
     * and a bounded queue that refuses work when full rather than piling it up in memory.
     */
    @Bean(name = POOL, destroyMethod = "shutdown")
    ExecutorService renderingPool(RenderingProperties properties) {
        return new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()), renderThreads(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** Parsed once; every render fills its own copy. */
    @Bean
    InvoiceTemplate invoiceTemplate() {
        return InvoiceTemplate.load();
    }

    /** One for the service: it keeps one font resolver per rendering thread. */
    @Bean
    PdfEngine pdfEngine() {
        return new PdfEngine(PdfEngine.DEJAVU_SANS);
    }

    @Bean
    InvoicePdfRenderer invoicePdfRenderer(InvoiceTemplate template, PdfEngine engine,
                                          @Qualifier(POOL) ExecutorService pool, RenderingProperties properties) {
        return new InvoicePdfRenderer(template, engine, pool, properties.timeout());
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

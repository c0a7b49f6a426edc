package com.invoicedelivery.tracking;

import java.time.Duration;
import java.util.function.Supplier;

import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on the embedded infrastructure, with pdf-service stubbed. Every integration test extends
 * this class unchanged, so they share one Spring context (and one broker and database): each test uses its
 * own tenant, addresses and tokens.
 */
@ServiceIntegrationTest
public abstract class TrackingIntegrationTest {

    protected static final PdfServiceStub PDF_SERVICE = PdfServiceStub.start();

    @DynamicPropertySource
    static void pdfService(DynamicPropertyRegistry registry) {
        registry.add("PDF_SERVICE_URL", PDF_SERVICE::url);
    }

    /** Polls until {@code value} yields non-null; fails after {@code timeout}. */
    protected static <T> T eventually(Supplier<T> value, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            T result = value.get();
            if (result != null) {
                return result;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("nothing within " + timeout);
    }
}

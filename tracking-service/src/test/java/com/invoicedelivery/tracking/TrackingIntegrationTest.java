package com.invoicedelivery.tracking;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import com.invoicedelivery.kit.testing.PdfServiceStub;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.tracking.link.application.LinkRegistration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The whole service on the embedded infrastructure, with pdf-service stubbed. Every integration test extends
 * this class unchanged, so they share one Spring context (and one broker and database): each test uses its
 * own tenant, addresses and tokens.
 */
@ServiceIntegrationTest
public abstract class TrackingIntegrationTest {

    protected static final PdfServiceStub PDF_SERVICE = PdfServiceStub.start();

    /**
     * Every test's browser is 127.0.0.1: the suite as a whole would exceed a real client's budget. The
     * brute-force test, which is about that budget, comes from an address of its own.
     */
    public static final int PER_CLIENT_CAPACITY = 1_000;

    /**
     * A link's budget refills one request a minute instead of one every two seconds: the tests that spend it (30
     * requests, then the 429) must not depend on how fast a loaded machine sends them.
     */
    public static final int PER_TOKEN_REFILL_PER_MINUTE = 1;

    /**
     * A view beacon counts this long after its page load: short, so that the tests' person ({@link Browser#beacon})
     * waits little, but not zero, so that a beacon sent at once ({@link Browser#beaconAtOnce}) is a sandbox's.
     */
    public static final Duration MINIMUM_DWELL = Duration.ofMillis(300);

    /**
     * The real registration, watched: a test counts how often a record was handed to it (retries). Declared here,
     * not in one test class, so that every integration test keeps sharing the one context and consumer group.
     */
    @MockitoSpyBean
    protected LinkRegistration registration;

    @DynamicPropertySource
    static void testSettings(DynamicPropertyRegistry registry) {
        registry.add("PDF_SERVICE_URL", PDF_SERVICE::url);
        registry.add("tracking.rate-limits.per-client.capacity", () -> PER_CLIENT_CAPACITY);
        // the count across replicas must not refuse before this replica's bucket, which the tests are about
        registry.add("tracking.rate-limits.all-replicas.per-client-per-minute", () -> 10 * PER_CLIENT_CAPACITY);
        registry.add("tracking.rate-limits.per-token.per-minute", () -> PER_TOKEN_REFILL_PER_MINUTE);
        registry.add("tracking.links.suspected-machine.minimum-dwell", MINIMUM_DWELL::toString);
    }

    /** Polls until {@code value} yields non-null; fails after {@code timeout}. */
    protected static <T> T eventually(Supplier<T> value, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(value::get, Objects::nonNull);
    }
}

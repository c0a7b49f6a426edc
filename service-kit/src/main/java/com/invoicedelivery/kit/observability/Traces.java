package com.invoicedelivery.kit.observability;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries a trace over a gap no instrumentation bridges: work that is stored first and done later by another thread
 * (the transactional outbox, the dispatch queue). The writer keeps the W3C {@code traceparent} of its current span
 * with the stored work ({@link #currentTraceparent()}); whoever does the work later continues that trace in a child
 * span ({@link #continueTrace(String, String, Supplier)}), so the Kafka record it publishes, or the e-mail it sends,
 * belongs to the same trace as the request that asked for it.
 */
public class Traces {

    /** The W3C Trace Context header and carrier key. */
    public static final String TRACEPARENT = "traceparent";

    /** For code run without tracing (unit tests): stores nothing, continues nothing. */
    public static final Traces NONE = new Traces(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public Traces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * The {@code traceparent} of the current span; null outside any trace. A trace that is not sampled has one too
     * (flags {@code 00}): its id travels with the work like a sampled one's, only no span of it is recorded. (Hence
     * no {@code isNoop()} test: the OpenTelemetry bridge calls every unsampled span a no-op.)
     */
    public String currentTraceparent() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Runs {@code work} in a span named {@code name}, child of {@code traceparent}; without a traceparent (work stored
     * before tracing, or by a writer outside any trace) the work runs as it is, in whatever trace is current.
     */
    public <T> T continueTrace(String traceparent, String name, Supplier<T> work) {
        if (traceparent == null || traceparent.isBlank() || tracer == Tracer.NOOP) {
            return work.get();
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).name(name).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** {@link #continueTrace(String, String, Supplier)} for work without a result. */
    public void continueTrace(String traceparent, String name, Runnable work) {
        continueTrace(traceparent, name, () -> {
            work.run();
            return null;
        });
    }
}

package com.invoicedelivery.store;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * What the store does with a query no index serves (see docs/ARCHITECTURE.md, "Indexes"): run it and say nothing,
 * run it and warn once per query shape (the launcher), or refuse it with MongoDB's {@code notablescan} error,
 * code 291 NoQueryExecutionPlans (tests), unless its shape is on an explicit allowlist.
 */
public final class ScanPolicy {

    /** MongoDB's code for a query with no plan but a collection scan while table scans are forbidden. */
    public static final int NO_QUERY_EXECUTION_PLANS = 291;

    private static final Logger log = LoggerFactory.getLogger(ScanPolicy.class);

    private enum Mode { ALLOW, WARN, REJECT }

    private final Mode mode;
    private final Set<String> allowed;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private ScanPolicy(Mode mode, Set<String> allowed) {
        this.mode = mode;
        this.allowed = Set.copyOf(allowed);
    }

    /** Scans run silently (the library's own behaviour). */
    public static ScanPolicy allow() {
        return new ScanPolicy(Mode.ALLOW, Set.of());
    }

    /** Scans run; the first of each query shape is logged as a warning. */
    public static ScanPolicy warn() {
        return new ScanPolicy(Mode.WARN, Set.of());
    }

    /**
     * Scans fail like on a MongoDB started with {@code notablescan}, except the shapes in {@code allowedShapes}, each
     * written as {@link #describe} writes it: {@code "<collection> <filter shape> sort <sort shape>"}.
     */
    public static ScanPolicy reject(Set<String> allowedShapes) {
        return new ScanPolicy(Mode.REJECT, allowedShapes);
    }

    /** The shape of a query: its collection, filter and sort with every value replaced by {@code ?}. */
    static String describe(String collection, Object filterShape, Object sortShape) {
        return collection + " " + filterShape + " sort " + sortShape;
    }

    void onScan(String namespace, String collection, Object filterShape, Object sortShape) {
        if (mode == Mode.ALLOW) {
            return;
        }
        String shape = describe(collection, filterShape, sortShape);
        if (mode == Mode.WARN || allowed.contains(shape)) {
            if (warned.add(shape)) {
                log.warn("query scans the whole collection {} (no index serves it): {}", namespace, shape);
            }
            return;
        }
        throw new MongoServerError(NO_QUERY_EXECUTION_PLANS, "NoQueryExecutionPlans",
                "error processing query: ns=" + namespace + " " + shape
                        + ": no index serves this filter and table scans are not allowed (embedded store, strict mode)");
    }
}

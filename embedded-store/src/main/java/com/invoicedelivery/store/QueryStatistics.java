package com.invoicedelivery.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.bson.Document;

/**
 * For profiling only: per query shape, how many planned queries ran and how many candidate documents the indexes
 * handed the matcher (MongoDB's {@code totalDocsExamined}). Off unless the system property {@value #PROPERTY} names
 * a file; the figures are written there when the JVM exits, the costliest shape first.
 */
final class QueryStatistics {

    static final String PROPERTY = "embedded-store.query-stats";

    private record Counts(LongAdder queries, LongAdder examined) {
    }

    private static final Map<String, Counts> BY_SHAPE = new ConcurrentHashMap<>();
    private static final Path FILE = System.getProperty(PROPERTY) == null ? null : Path.of(System.getProperty(PROPERTY));

    static {
        if (FILE != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(QueryStatistics::write, "embedded-store-query-stats"));
        }
    }

    private QueryStatistics() {
    }

    static void record(String collection, Document filter, Document orderBy, int examined) {
        if (FILE == null) {
            return;
        }
        String shape = ScanPolicy.describe(collection, IndexKeys.shape(filter),
                IndexKeys.shape(orderBy == null ? new Document() : orderBy));
        Counts counts = BY_SHAPE.computeIfAbsent(shape,
                key -> new Counts(new LongAdder(), new LongAdder()));
        counts.queries().increment();
        counts.examined().add(examined);
    }

    private static void write() {
        String table = BY_SHAPE.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Counts> e) -> e.getValue().examined().sum())
                        .reversed())
                .map(e -> e.getValue().examined().sum() + "\t" + e.getValue().queries().sum() + "\t" + e.getKey())
                .collect(Collectors.joining("\n", "examined\tqueries\tshape\n", "\n"));
        try {
            Files.writeString(FILE, table);
        } catch (IOException e) {
            System.err.println("could not write the store's query statistics to " + FILE + ": " + e);
        }
    }
}

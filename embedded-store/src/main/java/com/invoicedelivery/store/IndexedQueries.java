package com.invoicedelivery.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/** The planning both indexed collections share: candidates from the indexes, or the scan policy's verdict. */
final class IndexedQueries {

    /** The filter of the aggregation running on this thread, by the full name of the collection it reads. */
    private static final ThreadLocal<Document> AGGREGATED_FILTER = new ThreadLocal<>();
    private static final ThreadLocal<String> AGGREGATED_COLLECTION = new ThreadLocal<>();

    private IndexedQueries() {
    }

    /**
     * Runs a command; when it is an aggregation, the collection's read of all its documents (the library's way to
     * feed a pipeline) is planned like a find with the pipeline's leading {@code $match} (none: an empty filter),
     * as MongoDB plans it. The stage itself still filters, so results are unchanged.
     */
    static Document command(String database, String command, Document query, Supplier<Document> run) {
        if (!"aggregate".equalsIgnoreCase(command) || !(query.get(command) instanceof String collection)) {
            return run.get();
        }
        Document filter = new Document();
        if (query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
                && pipeline.get(0) instanceof Document first && first.get("$match") instanceof Document match) {
            filter = match;
        }
        AGGREGATED_FILTER.set(filter);
        AGGREGATED_COLLECTION.set(database + "." + collection);
        try {
            return run.get();
        } finally {
            AGGREGATED_FILTER.remove();
            AGGREGATED_COLLECTION.remove();
        }
    }

    /**
     * A secondary index over the fields of a compound unique index, so a prefix of it serves a query as on MongoDB
     * (the library's unique index is a hash of the whole key); null for another index. It is not listed: the
     * library lists indexes from their declarations.
     */
    static <P> SecondaryIndex<P> prefixesOf(Index<P> index) {
        if (!index.isUnique() || index.getKeys().size() < 2) {
            return null;
        }
        return new SecondaryIndex<>(prefixesName(index.getName()), index.getKeys(), false, "_id");
    }

    static String prefixesName(String indexName) {
        return indexName + " (prefixes)";
    }

    /** Adds {@code index} through the library ({@code add}), and with it the index of its prefixes if it has one. */
    static <P> void addWithPrefixes(Index<P> index, Consumer<Index<P>> add) {
        add.accept(index);
        SecondaryIndex<P> prefixes = prefixesOf(index);
        if (prefixes != null) {
            add.accept(prefixes);
        }
    }

    /** Drops the index named {@code indexName} through the library ({@code drop}), and the index of its prefixes. */
    static void dropWithPrefixes(String indexName, Consumer<String> drop, List<? extends Index<?>> indexes) {
        drop.accept(indexName);
        String prefixes = prefixesName(indexName);
        if (indexes.stream().anyMatch(index -> index.getName().equals(prefixes))) {
            drop.accept(prefixes);
        }
    }

    /**
     * What a collection's {@code queryAll} reads: the library reads a whole collection this way for its own needs
     * (unchecked, {@code unchecked}) and to feed an aggregation, which is planned with the pipeline's leading $match
     * ({@code planned}, given that filter).
     */
    static Iterable<Document> queryAll(String fullName, Supplier<Iterable<Document>> unchecked,
            Function<Document, Iterable<Document>> planned) {
        Document aggregated = aggregatedFilter(fullName);
        return aggregated == null ? unchecked.get() : planned.apply(aggregated);
    }

    /** The filter an aggregation on {@code fullName} reads with, or null when none is running on this thread. */
    static Document aggregatedFilter(String fullName) {
        return fullName.equals(AGGREGATED_COLLECTION.get()) ? AGGREGATED_FILTER.get() : null;
    }

    /**
     * For a query with a limit sorted by one field an index holds (the dispatch queue's oldest due job, sorted by
     * its due time, limit 1): the first {@code skip + limit} matching positions in the sort's order, found by
     * ordering the candidates by the index's keys and loading documents only until enough match, instead of
     * loading, matching and sorting every candidate (the whole backlog, for each job claimed). Ties keep the
     * candidates' order, as the library's stable sort does. Null when it does not apply: no limit, another sort,
     * no index holding that field, or a candidate whose key cannot be sorted on as a single value (missing, null,
     * an array), for which the library's own sort is exact.
     */
    static <P> List<P> firstInSortOrder(List<P> candidates, Document query, Document orderBy, int skip, int limit,
            List<Index<P>> indexes, Function<P, Document> load, BiPredicate<Document, Document> matches) {
        if (limit <= 0 || orderBy == null || orderBy.size() != 1 || candidates.size() <= skip + limit) {
            return null;
        }
        String field = orderBy.keySet().iterator().next();
        if (!(orderBy.get(field) instanceof Number direction) || Math.abs(direction.intValue()) != 1) {
            return null;
        }
        for (Index<P> index : indexes) {
            if (index instanceof SecondaryIndex<P> secondary && secondary.fields().contains(field)) {
                return firstInSortOrder(candidates, query, direction.intValue() < 0, skip + limit, secondary,
                        secondary.fields().indexOf(field), load, matches);
            }
        }
        return null;
    }

    private static <P> List<P> firstInSortOrder(List<P> candidates, Document query, boolean descending, int wanted,
            SecondaryIndex<P> index, int field, Function<P, Document> load, BiPredicate<Document, Document> matches) {
        List<Object> values = new ArrayList<>(candidates.size());
        for (P position : candidates) {
            Object value = index.sortValue(position, field);
            if (value == IndexKeys.MISSING || value == IndexKeys.NULL || value == IndexKeys.EMPTY_ARRAY) {
                return null;
            }
            values.add(value);
        }
        Integer[] order = new Integer[candidates.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Object> byValue = descending ? ValueComparator.desc() : ValueComparator.asc();
        try {
            Arrays.sort(order, (a, b) -> byValue.compare(values.get(a), values.get(b))); // stable: ties keep their order
        } catch (UnsupportedOperationException notSortable) {
            return null; // a value the library's comparator does not order: its own sort says so
        }
        List<P> found = new ArrayList<>(wanted);
        for (Integer i : order) {
            P position = candidates.get(i);
            if (matches.test(load.apply(position), query)) {
                found.add(position);
                if (found.size() == wanted) {
                    break;
                }
            }
        }
        return found;
    }

    /**
     * The candidates' positions in the order a scan meets them (so results come in the library's order), or null
     * when the library should run the query itself: a scan the policy lets through, or a system collection.
     */
    static <P> List<P> plan(ScanPolicy policy, String namespace, String collection, Document query, Document orderBy,
            List<Index<P>> indexes, Comparator<P> scanOrder, boolean naturalDescending) {
        if (collection.startsWith("system.")) {
            return null;
        }
        if (query == null || query.isEmpty()) {
            // a read of everything, written as such: MongoDB's notablescan lets an empty filter through too
            return null;
        }
        Set<P> candidates = IndexPlanner.candidates(query, indexes);
        if (candidates == null) {
            policy.onScan(namespace, collection, IndexKeys.shape(query),
                    IndexKeys.shape(orderBy == null ? new Document() : orderBy));
            return null;
        }
        QueryStatistics.record(collection, query, orderBy, candidates.size());
        List<P> ordered = new ArrayList<>(candidates);
        ordered.sort(naturalDescending ? scanOrder.reversed() : scanOrder);
        return ordered;
    }
}

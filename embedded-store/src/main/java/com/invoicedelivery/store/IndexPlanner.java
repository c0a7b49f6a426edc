package com.invoicedelivery.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Finds, for a filter, the positions of a set of documents that holds every match, from the indexes alone, or says
 * no index serves it. The served shapes (documented in docs/ARCHITECTURE.md, "Indexes"):
 * <ul>
 * <li>equality ({@code v} or {@code $eq}) or {@code $in} of scalars on the leading fields of an index (a prefix of a
 * compound index); the longest such prefix is used, and of several indexes the one giving fewest candidates;</li>
 * <li>the same on all fields of a unique index (the {@code _id} index included), whatever else the filter says;</li>
 * <li>{@code $exists: true} on the leading field of a secondary index;</li>
 * <li>a range ({@code $lt}, {@code $lte}, {@code $gt}, {@code $gte}, alone or together) on the leading field of a
 * secondary index: the index's keys are compared, not the documents (what a TTL sweep asks for);</li>
 * <li>{@code $and} of clauses one of which is served; {@code $or} whose every branch is served.</li>
 * </ul>
 * The other conditions of the filter are left to the library's matcher, which checks every candidate: the result
 * is always exactly the one a scan gives.
 */
final class IndexPlanner {

    /** More value combinations than this (large {@code $in} on several fields) use a shorter prefix. */
    private static final int MAX_COMBINATIONS = 10_000;

    private static final ValueComparator COMPARATOR = ValueComparator.asc();

    private IndexPlanner() {
    }

    /** The candidates' positions, or null when no index serves {@code filter}. */
    static <P> Set<P> candidates(Document filter, List<Index<P>> indexes) {
        Way<P> way = way(filter, indexes);
        return way == null ? null : way.positions().get();
    }

    /**
     * One way to the candidates: at most how many there are, known from the indexes' sizes, and the positions,
     * collected only for the way chosen. (Collecting every index's candidates to keep the fewest copied, for a
     * filter on {@code _id} and a flag, every flagged document's position into a set, on every such query.)
     */
    private record Way<P>(long size, Supplier<Set<P>> positions) {
    }

    private static <P> Way<P> way(Document filter, List<Index<P>> indexes) {
        if (filter == null || filter.isEmpty()) {
            return null;
        }
        Way<P> best = null;
        for (Index<P> index : indexes) {
            Way<P> found = index instanceof SecondaryIndex<P> secondary ? viaSecondary(filter, secondary)
                    : viaUnique(filter, index);
            best = smaller(best, found);
        }
        Object and = filter.get("$and");
        if (and instanceof Collection<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document document) {
                    best = smaller(best, way(document, indexes));
                }
            }
        }
        Object or = filter.get("$or");
        if (or instanceof Collection<?> branches && !branches.isEmpty()) {
            List<Way<P>> ways = new ArrayList<>();
            for (Object branch : branches) {
                Way<P> found = branch instanceof Document document ? way(document, indexes) : null;
                if (found == null) {
                    ways = null;
                    break;
                }
                ways.add(found);
            }
            if (ways != null) {
                List<Way<P>> union = ways;
                best = smaller(best, new Way<>(union.stream().mapToLong(Way::size).sum(), () -> {
                    Set<P> positions = new LinkedHashSet<>();
                    union.forEach(branch -> positions.addAll(branch.positions().get()));
                    return positions;
                }));
            }
        }
        return best;
    }

    private static <P> Way<P> smaller(Way<P> a, Way<P> b) {
        if (a == null) {
            return b;
        }
        return b == null || a.size() <= b.size() ? a : b;
    }

    private static <P> Way<P> viaSecondary(Document filter, SecondaryIndex<P> index) {
        List<List<Object>> combinations = List.of(List.of());
        for (String field : index.fields()) {
            List<Object> values = lookupValues(filter.get(field), filter.containsKey(field));
            if (values == null || combinations.size() * values.size() > MAX_COMBINATIONS) {
                break;
            }
            List<List<Object>> longer = new ArrayList<>();
            for (List<Object> prefix : combinations) {
                for (Object value : values) {
                    List<Object> key = new ArrayList<>(prefix);
                    key.add(value);
                    longer.add(key);
                }
            }
            combinations = longer;
        }
        if (!combinations.get(0).isEmpty()) {
            List<List<Object>> keys = combinations;
            return new Way<>(index.countFor(keys), () -> index.positionsFor(keys));
        }
        String leading = index.fields().get(0);
        if (filter.get(leading) instanceof Document condition && Boolean.TRUE.equals(condition.get("$exists"))) {
            return new Way<>(index.countWithLeadingField(), index::positionsWithLeadingField);
        }
        Predicate<Object> range = filter.get(leading) instanceof Document condition ? range(condition) : null;
        if (range != null) {
            // how many fall in the range is known only by comparing: counted as all that have the field
            return new Way<>(index.countWithLeadingField(), () -> index.positionsWithLeadingValue(range));
        }
        return null;
    }

    private static final Set<String> RANGE_OPERATORS = Set.of("$lt", "$lte", "$gt", "$gte");

    /**
     * The keys a condition of range operators only keeps, or null for any other condition. The library's own
     * ordering of values compares them; the matcher checks each candidate afterwards, so keeping a key of another
     * type than the bound (which MongoDB's type bracketing would not match) changes no result.
     */
    private static Predicate<Object> range(Document condition) {
        if (condition.isEmpty() || !RANGE_OPERATORS.containsAll(condition.keySet())) {
            return null;
        }
        Predicate<Object> keep = key -> true;
        for (Map.Entry<String, Object> bound : condition.entrySet()) {
            Object value = bound.getValue();
            if (!IndexKeys.isLookupValue(value)) {
                return null;
            }
            Object normalized = IndexKeys.normalize(value);
            Predicate<Object> within = switch (bound.getKey()) {
                case "$lt" -> key -> COMPARATOR.compare(key, normalized) < 0;
                case "$lte" -> key -> COMPARATOR.compare(key, normalized) <= 0;
                case "$gt" -> key -> COMPARATOR.compare(key, normalized) > 0;
                default -> key -> COMPARATOR.compare(key, normalized) >= 0;
            };
            keep = keep.and(within);
        }
        return keep;
    }

    private static <P> Way<P> viaUnique(Document filter, Index<P> index) {
        Document keyQuery = new Document();
        for (var key : index.getKeys()) {
            Object condition = filter.get(key.getKey());
            if (lookupValues(condition, filter.containsKey(key.getKey())) == null) {
                return null;
            }
            keyQuery.put(key.getKey(), condition instanceof Document document && document.containsKey("$eq")
                    ? document.get("$eq") : condition instanceof Document document
                    ? new Document("$in", document.get("$in")) : condition);
        }
        if (!index.canHandle(keyQuery)) {
            return null;
        }
        // at most one position per key value: cheap to collect now
        Set<P> positions = new LinkedHashSet<>();
        index.getPositions(keyQuery).forEach(position -> {
            if (position != null) {
                positions.add(position);
            }
        });
        return new Way<>(positions.size(), () -> positions);
    }

    /** The normalised values a field's condition allows, or null when it is no equality/$in of scalars. */
    private static List<Object> lookupValues(Object condition, boolean present) {
        if (!present) {
            return null;
        }
        if (condition instanceof Document document) {
            if (document.containsKey("$eq") && IndexKeys.isLookupValue(document.get("$eq"))) {
                return List.of(IndexKeys.normalize(document.get("$eq")));
            }
            if (document.get("$in") instanceof Collection<?> in && !in.isEmpty()
                    && in.stream().allMatch(IndexKeys::isLookupValue)) {
                return in.stream().map(IndexKeys::normalize).distinct().toList();
            }
            return null;
        }
        return IndexKeys.isLookupValue(condition) ? List.of(IndexKeys.normalize(condition)) : null;
    }

}

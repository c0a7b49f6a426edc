package com.invoicedelivery.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Finds, for a filter, the positions of a set of documents that holds every match, from the indexes alone, or says
 * no index serves it. The served shapes (documented in docs/ARCHITECTURE.md, "Indexes"):
 * <ul>
 * <li>equality ({@code v} or {@code $eq}) or {@code $in} of scalars on the leading fields of an index (a prefix of a
 * compound index); the longest such prefix is used, and of several indexes the one giving fewest candidates;</li>
 * <li>the same on all fields of a unique index (the {@code _id} index included), whatever else the filter says;</li>
 * <li>{@code $exists: true} on the leading field of a secondary index;</li>
 * <li>{@code $and} of clauses one of which is served; {@code $or} whose every branch is served.</li>
 * </ul>
 * The other conditions of the filter are left to the library's matcher, which checks every candidate: the result
 * is always exactly the one a scan gives.
 */
final class IndexPlanner {

    /** More value combinations than this (large {@code $in} on several fields) use a shorter prefix. */
    private static final int MAX_COMBINATIONS = 10_000;

    private IndexPlanner() {
    }

    /** The candidates' positions, or null when no index serves {@code filter}. */
    static <P> Set<P> candidates(Document filter, List<Index<P>> indexes) {
        if (filter == null || filter.isEmpty()) {
            return null;
        }
        Set<P> best = null;
        for (Index<P> index : indexes) {
            Set<P> found = index instanceof SecondaryIndex<P> secondary ? viaSecondary(filter, secondary)
                    : viaUnique(filter, index);
            best = smaller(best, found);
        }
        Object and = filter.get("$and");
        if (and instanceof Collection<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document document) {
                    best = smaller(best, candidates(document, indexes));
                }
            }
        }
        Object or = filter.get("$or");
        if (or instanceof Collection<?> branches && !branches.isEmpty()) {
            Set<P> union = new LinkedHashSet<>();
            for (Object branch : branches) {
                Set<P> found = branch instanceof Document document ? candidates(document, indexes) : null;
                if (found == null) {
                    union = null;
                    break;
                }
                union.addAll(found);
            }
            best = smaller(best, union);
        }
        return best;
    }

    private static <P> Set<P> smaller(Set<P> a, Set<P> b) {
        if (a == null) {
            return b;
        }
        return b == null || a.size() <= b.size() ? a : b;
    }

    private static <P> Set<P> viaSecondary(Document filter, SecondaryIndex<P> index) {
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
            return index.positionsFor(combinations);
        }
        String leading = index.fields().get(0);
        if (filter.get(leading) instanceof Document condition && Boolean.TRUE.equals(condition.get("$exists"))) {
            return index.positionsWithLeadingField();
        }
        return null;
    }

    private static <P> Set<P> viaUnique(Document filter, Index<P> index) {
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
        Set<P> positions = new LinkedHashSet<>();
        index.getPositions(keyQuery).forEach(position -> {
            if (position != null) {
                positions.add(position);
            }
        });
        return positions;
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

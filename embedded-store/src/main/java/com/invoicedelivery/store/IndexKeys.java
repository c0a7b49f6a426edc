package com.invoicedelivery.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The keys a document has in an index, and the form a queried value takes to be looked up among them. Both sides
 * use one normalisation, the one the library's matcher compares with (every number as a double unless a long does
 * not fit one), so a value that matches finds its key. A missing field and an empty array each get a key of their
 * own, distinct from null, so {@code $exists: true} can be answered from the index.
 */
final class IndexKeys {

    /** The key of a field a document does not have. */
    static final Object MISSING = new Marker("missing");
    /** The key of a field holding an empty array (it has no element to be indexed under). */
    static final Object EMPTY_ARRAY = new Marker("[]");

    /** Above this many keys for one document (arrays in several indexed fields) the document is refused. */
    private static final int MAX_KEYS_PER_DOCUMENT = 10_000;

    private IndexKeys() {
    }

    /** Every key (one value per index field) of {@code document}: one per element of an indexed array. */
    static Set<List<Object>> of(Document document, List<String> fields) {
        Set<List<Object>> keys = new LinkedHashSet<>();
        keys.add(List.of());
        for (String field : fields) {
            List<Object> values = valuesAt(document, field);
            Set<List<Object>> longer = new LinkedHashSet<>();
            for (List<Object> prefix : keys) {
                for (Object value : values) {
                    List<Object> key = new ArrayList<>(prefix);
                    key.add(value);
                    longer.add(key);
                }
            }
            if (longer.size() > MAX_KEYS_PER_DOCUMENT) {
                throw new IllegalArgumentException("too many index keys for one document in fields " + fields);
            }
            keys = longer;
        }
        return keys;
    }

    private static List<Object> valuesAt(Document document, String field) {
        // a top-level field (most indexed ones) as the library reads it, without its path parsing: a regular
        // expression per call, on every write of every indexed document
        Object value = field.indexOf('.') < 0 ? document.getOrMissing(field)
                : Utils.getSubdocumentValueCollectionAware(document, field);
        if (value instanceof Missing) {
            return List.of(MISSING);
        }
        if (value instanceof Collection<?> elements) {
            if (elements.isEmpty()) {
                return List.of(EMPTY_ARRAY);
            }
            List<Object> normalized = new ArrayList<>();
            for (Object element : elements) {
                normalized.add(element instanceof Missing ? MISSING : element == null ? NULL : normalize(element));
            }
            return normalized;
        }
        return List.of(value == null ? NULL : normalize(value));
    }

    /** The key of an explicit null (kept apart from a missing field). */
    static final Object NULL = new Marker("null");

    /**
     * Whether a queried value can be looked up as a key: the scalars the services store. Arrays, sub-documents,
     * null and regular expressions match by rules an exact-key lookup does not follow, so such a query is not
     * served by a secondary index.
     */
    static boolean isLookupValue(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Date || value instanceof Instant || value instanceof ObjectId
                || value instanceof UUID;
    }

    /** The normalised form of a value for hashing, mirroring the library's comparison of numbers. */
    static Object normalize(Object value) {
        if (value instanceof Long longValue && longValue != (long) longValue.doubleValue()) {
            return value;
        }
        if (value instanceof Number number) {
            double doubleValue = number.doubleValue();
            return doubleValue == -0.0 ? 0.0 : doubleValue;
        }
        return value;
    }

    private record Marker(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A query's values with the operators kept, for messages and the once-per-shape warning. */
    static Object shape(Object value) {
        if (value instanceof Document document) {
            Document shape = new Document();
            document.forEach((key, inner) -> shape.put(key, shape(inner)));
            return shape;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().filter(element -> element instanceof Document).findFirst()
                    .map(element -> (Object) List.of(shape(element))).orElse("?");
        }
        return "?";
    }
}

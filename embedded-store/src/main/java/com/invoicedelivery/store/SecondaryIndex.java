package com.invoicedelivery.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index (single field or compound) kept in memory: for each prefix of its fields, the positions of
 * the documents per key. The library calls {@link #add}, {@link #remove} and {@link #updateInPlace} as it does for
 * its unique indexes, so the index follows every insert, update and delete; on an H2 file it is rebuilt from the
 * documents when the store opens (the library fills an empty index when it is added).
 *
 * <p>Sparse and partial indexes are kept whole (every document), a superset of what MongoDB keeps: the index only
 * narrows the documents the matcher then checks, so a superset changes no result.
 */
final class SecondaryIndex<P> extends de.bwaldvogel.mongo.backend.Index<P> {

    private final String idField;
    private final List<String> fields;
    /** byPrefix.get(k) maps the first k+1 values of a key to the positions having it. */
    private final List<Map<List<Object>, Set<P>>> byPrefix = new ArrayList<>();
    private final Map<Object, P> positionById = new HashMap<>();
    private final Map<P, Set<List<Object>>> keysByPosition = new HashMap<>();

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, String idField) {
        super(name, keys, sparse);
        this.idField = idField;
        this.fields = keys.stream().map(IndexKey::getKey).toList();
        for (int i = 0; i < fields.size(); i++) {
            byPrefix.add(new HashMap<>());
        }
    }

    List<String> fields() {
        return fields;
    }

    /** The positions whose first {@code values.size()} key values are one of the given combinations. */
    synchronized Set<P> positionsFor(Collection<List<Object>> prefixes) {
        Set<P> positions = new LinkedHashSet<>();
        for (List<Object> prefix : prefixes) {
            Set<P> found = byPrefix.get(prefix.size() - 1).get(prefix);
            if (found != null) {
                positions.addAll(found);
            }
        }
        return positions;
    }

    /**
     * The value of field {@code field} in the index key of the document at {@code position}, or
     * {@link IndexKeys#MISSING} when it has none or several (an array): what a sort by that field can be read from.
     */
    synchronized Object sortValue(P position, int field) {
        Set<List<Object>> keys = keysByPosition.get(position);
        if (keys == null || keys.size() != 1) {
            return IndexKeys.MISSING;
        }
        return keys.iterator().next().get(field);
    }

    /** At most how many positions {@link #positionsFor} gives for {@code prefixes}, without collecting them. */
    synchronized long countFor(Collection<List<Object>> prefixes) {
        long count = 0;
        for (List<Object> prefix : prefixes) {
            Set<P> found = byPrefix.get(prefix.size() - 1).get(prefix);
            count += found == null ? 0 : found.size();
        }
        return count;
    }

    /** How many positions {@link #positionsWithLeadingField} gives, without collecting them. */
    synchronized long countWithLeadingField() {
        Set<P> missing = byPrefix.get(0).get(List.of(IndexKeys.MISSING));
        return keysByPosition.size() - (missing == null ? 0 : missing.size());
    }

    /** The positions of the documents that have the leading field (explicit null and empty array included). */
    synchronized Set<P> positionsWithLeadingField() {
        Set<P> positions = new LinkedHashSet<>();
        byPrefix.get(0).forEach((key, found) -> {
            if (key.get(0) != IndexKeys.MISSING) {
                positions.addAll(found);
            }
        });
        return positions;
    }

    /**
     * The positions whose leading value {@code keep} accepts (a range): every key of the leading field is compared,
     * no document is read. A superset of the matches when {@code keep} errs on the side of keeping.
     */
    synchronized Set<P> positionsWithLeadingValue(Predicate<Object> keep) {
        Set<P> positions = new LinkedHashSet<>();
        byPrefix.get(0).forEach((key, found) -> {
            if (key.get(0) != IndexKeys.MISSING && keep.test(key.get(0))) {
                positions.addAll(found);
            }
        });
        return positions;
    }

    @Override
    public synchronized P getPosition(Document document) {
        return positionById.get(idOf(document));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        IndexKeys.of(document, fields); // refuses a document with too many keys before it is stored
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        link(document, IndexKeys.of(document, fields), position);
    }

    private void link(Document document, Set<List<Object>> keys, P position) {
        positionById.put(idOf(document), position);
        keysByPosition.put(position, keys);
        for (List<Object> key : keys) {
            for (int length = 1; length <= fields.size(); length++) {
                byPrefix.get(length - 1).computeIfAbsent(List.copyOf(key.subList(0, length)),
                        k -> new LinkedHashSet<>()).add(position);
            }
        }
    }

    @Override
    public synchronized P remove(Document document) {
        P position = positionById.remove(idOf(document));
        if (position != null) {
            unlink(position);
        }
        return position;
    }

    private void unlink(P position) {
        Set<List<Object>> keys = keysByPosition.remove(position);
        if (keys == null) {
            return;
        }
        for (List<Object> key : keys) {
            for (int length = 1; length <= fields.size(); length++) {
                Map<List<Object>, Set<P>> map = byPrefix.get(length - 1);
                List<Object> prefix = key.subList(0, length);
                Set<P> found = map.get(prefix);
                if (found != null) {
                    found.remove(position);
                    if (found.isEmpty()) {
                        map.remove(prefix);
                    }
                }
            }
        }
    }

    @Override
    public boolean canHandle(Document query) {
        return false; // planned by IndexPlanner, which picks among all indexes
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("planned by IndexPlanner");
    }

    @Override
    public synchronized long getCount() {
        return keysByPosition.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        IndexKeys.of(newDocument, fields);
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        Set<List<Object>> keys = IndexKeys.of(newDocument, fields);
        Object oldId = idOf(oldDocument);
        if (Objects.equals(oldId, idOf(newDocument)) && keys.equals(keysByPosition.get(position))) {
            return; // the update changed none of this index's fields (most updates, for most indexes): nothing moves
        }
        unlink(position);
        positionById.remove(oldId);
        link(newDocument, keys, position);
    }

    @Override
    public synchronized void drop() {
        byPrefix.forEach(Map::clear);
        positionById.clear();
        keysByPosition.clear();
    }

    private Object idOf(Document document) {
        return IndexKeys.normalize(document.get(idField));
    }
}

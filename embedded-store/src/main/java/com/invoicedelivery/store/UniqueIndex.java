package com.invoicedelivery.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * A unique index (the {@code _id} index of every collection, and each declared unique one) kept in memory as a hash
 * map from key to position, as the secondary indexes are, and rebuilt from the documents when the store opens (the
 * library fills an empty index when it is added).
 *
 * <p>Why not the library's H2 unique index: it keeps the keys in an H2 map whose key type H2 does not know, so every
 * comparison of its binary search serialises both keys with Java serialisation. Profiled in the end-to-end
 * benchmark, that was a fifth of the store's CPU (docs/PERFORMANCE.md); a hash lookup compares nothing. The keys'
 * equality is the library's own ({@link KeyValue#equals}, which its memory backend relies on as well).
 */
final class UniqueIndex extends AbstractUniqueIndex<Object> {

    private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

    UniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return positions.putIfAbsent(key, position) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return positions.get(key);
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount(); // as the library's memory backend answers it: the store's size figures are not ours
    }
}

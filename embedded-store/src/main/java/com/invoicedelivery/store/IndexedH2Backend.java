package com.invoicedelivery.store;

import java.util.List;
import java.util.function.Consumer;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 MVStore backend with secondary indexes kept and used, and {@code policy} applied to scans. The indexes,
 * unique ones included, live in memory and are rebuilt from the documents when the file is opened; the file holds
 * the documents.
 */
public class IndexedH2Backend extends H2Backend {

    /** Set before the super constructor opens the databases already in the file. */
    private static final ThreadLocal<ScanPolicy> OPENING = new ThreadLocal<>();

    private static final Logger LOG = LoggerFactory.getLogger(IndexedH2Backend.class);

    private final ScanPolicy policy;

    private IndexedH2Backend(MVStore store, ScanPolicy policy) {
        super(store);
        this.policy = policy;
    }

    /** @param fileName the MVStore file, or null to keep the data in memory */
    public static IndexedH2Backend open(String fileName, ScanPolicy policy) {
        return open(fileName, policy, failure -> {
        });
    }

    /**
     * @param onWriteFailure told when H2 fails to write the file in the background. H2 does not recover from that:
     *                       its next write waits for the failed one forever, and every command after it with it (H2
     *                       2.4.240; fixed upstream in h2database#4338, not released). Without this handler the failure
     *                       is silent: the store just stops answering. The handler logs it with its cause and tells the
     *                       owner, who can stop instead of hanging.
     */
    public static IndexedH2Backend open(String fileName, ScanPolicy policy, Consumer<Throwable> onWriteFailure) {
        OPENING.set(policy);
        try {
            MVStore store = new MVStore.Builder().fileName(fileName)
                    .backgroundExceptionHandler((thread, failure) -> {
                        LOG.error("the H2 store {} failed to write in thread {}: it will stop answering", fileName,
                                thread.getName(), failure);
                        onWriteFailure.accept(failure);
                    }).open();
            return new IndexedH2Backend(store, policy);
        } finally {
            OPENING.remove();
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        if (listDatabaseNames().contains(databaseName)) {
            // the library's listDatabases opens every open database again just to ask whether it is empty: here that
            // would read all its documents to rebuild its indexes (the TTL monitor lists them every minute)
            return resolveDatabase(databaseName);
        }
        ScanPolicy current = policy != null ? policy : OPENING.get();
        return new Database(databaseName, getMvStore(), getCursorRegistry(), current);
    }

    static final class Database extends H2Database {

        /** The super constructor opens the collections in the file before this class's fields are set. */
        private static final ThreadLocal<Context> CONSTRUCTING = new ThreadLocal<>();

        private record Context(MVStore store, ScanPolicy policy) {
        }

        private final Context context;

        Database(String databaseName, MVStore store, CursorRegistry cursorRegistry, ScanPolicy policy) {
            super(databaseName, constructing(store, policy), cursorRegistry);
            CONSTRUCTING.remove();
            this.context = new Context(store, policy);
        }

        private static MVStore constructing(MVStore store, ScanPolicy policy) {
            CONSTRUCTING.set(new Context(store, policy));
            return store;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            Context current = context != null ? context : CONSTRUCTING.get();
            String fullName = getFullCollectionNamespace(collectionName);
            // the map names are the ones H2Database uses, and it finds these maps (to drop, to rename) by them; the
            // documents are stored as BSON (BsonDocumentType), which also reads what the library's type wrote
            MVMap<Object, Document> dataMap = current.store().openMap("databases." + fullName,
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            MVMap<String, Object> metaMap = current.store().openMap("meta." + fullName);
            return new Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry, current.policy());
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                Oplog oplog) {
            return IndexedQueries.command(getDatabaseName(), command, query,
                    () -> super.handleCommand(channel, command, query, resolver, oplog));
        }

        /**
         * Unique indexes in memory ({@link UniqueIndex}), filled from the documents as the collection is opened. A
         * file written before keeps each unique index in a map of its own; it is removed here (the index is
         * rebuilt from the documents), so such a file opens as well, and an older version opening this file finds
         * no such map and fills its own.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            Context current = context != null ? context : CONSTRUCTING.get();
            // the name H2Database gives the map of a unique index
            String storedMap = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            if (current.store().hasMap(storedMap)) {
                current.store().removeMap(storedMap);
            }
            return new UniqueIndex(indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            return new SecondaryIndex<>(indexName, keys, sparse, "_id");
        }
    }

    static final class Collection extends H2Collection {

        private final ScanPolicy policy;

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
                ScanPolicy policy) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
            this.policy = policy == null ? ScanPolicy.allow() : policy;
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            List<Object> positions = IndexedQueries.plan(policy, getFullName(), getCollectionName(), query, orderBy,
                    getIndexes(), ValueComparator.asc(), isNaturalDescending(orderBy));
            if (positions == null) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            List<Object> first = IndexedQueries.firstInSortOrder(positions, query, orderBy, numberToSkip, limit,
                    getIndexes(), this::getDocument, this::documentMatchesQuery);
            if (first != null) {
                // already in the sort's order, and no more than skip + limit of them
                return matchDocuments(query, first, null, numberToSkip, limit, batchSize, fieldSelector);
            }
            return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /**
         * No running total of the documents' sizes: the library keeps it by BSON-encoding the whole document on every
         * insert and removal, and both the old and the new one on every update (in the H2 file also a write of the
         * total), a tenth of the store's CPU under load, for {@code collStats}' {@code size}, which nothing here reads.
         * That figure stays at what it was (0 for a collection made since).
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        public void addIndex(Index<Object> index) {
            IndexedQueries.addWithPrefixes(index, super::addIndex);
        }

        @Override
        public void dropIndex(String indexName) {
            IndexedQueries.dropWithPrefixes(indexName, super::dropIndex, getIndexes());
        }

        @Override
        public Iterable<Document> queryAll() {
            return IndexedQueries.queryAll(getFullName(),
                    () -> super.queryDocuments(new Document(), null, 0, 0, 0, null),
                    filter -> queryDocuments(filter, null, 0, 0, 0, null));
        }
    }
}

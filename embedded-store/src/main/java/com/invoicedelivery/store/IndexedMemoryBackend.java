package com.invoicedelivery.store;

import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/** The in-memory backend with secondary indexes kept and used, and {@code policy} applied to scans. */
public class IndexedMemoryBackend extends MemoryBackend {

    private final ScanPolicy policy;

    public IndexedMemoryBackend(ScanPolicy policy) {
        this.policy = policy;
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        if (listDatabaseNames().contains(databaseName)) {
            // the library's listDatabases opens every open database again to ask whether it is empty: the open one
            // answers, as in IndexedH2Backend (where a new one would read all its documents again)
            return (MemoryDatabase) resolveDatabase(databaseName);
        }
        return new Database(databaseName, getCursorRegistry(), policy);
    }

    static final class Database extends MemoryDatabase {

        private final ScanPolicy policy;

        Database(String databaseName, CursorRegistry cursorRegistry, ScanPolicy policy) {
            super(databaseName, cursorRegistry);
            this.policy = policy;
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            // the policy field is not set yet while the super constructor opens the system collections
            return new Collection(this, collectionName, options, cursorRegistry, policy);
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                Oplog oplog) {
            return IndexedQueries.command(getDatabaseName(), command, query,
                    () -> super.handleCommand(channel, command, query, resolver, oplog));
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            return new SecondaryIndex<>(indexName, keys, sparse, "_id");
        }
    }

    static final class Collection extends MemoryCollection {

        private final ScanPolicy policy;

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                CursorRegistry cursorRegistry, ScanPolicy policy) {
            super(database, collectionName, options, cursorRegistry);
            this.policy = policy == null ? ScanPolicy.allow() : policy;
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            List<Integer> positions = IndexedQueries.plan(policy, getFullName(), getCollectionName(), query, orderBy,
                    getIndexes(), Integer::compare, isNaturalDescending(orderBy));
            if (positions == null) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            List<Integer> first = IndexedQueries.firstInSortOrder(positions, query, orderBy, numberToSkip, limit,
                    getIndexes(), this::getDocument, this::documentMatchesQuery);
            if (first != null) {
                // already in the sort's order, and no more than skip + limit of them
                return matchDocuments(query, first, null, numberToSkip, limit, batchSize, fieldSelector);
            }
            return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /** No running total of the documents' sizes, as in {@code IndexedH2Backend.Collection} (which says why). */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        public void addIndex(Index<Integer> index) {
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

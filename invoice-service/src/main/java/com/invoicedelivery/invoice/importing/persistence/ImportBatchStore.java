package com.invoicedelivery.invoice.importing.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.invoicedelivery.events.ImportRowResult;
import com.invoicedelivery.invoice.importing.domain.ImportOutcome;
import com.invoicedelivery.invoice.shared.domain.DerivedIds;
import com.invoicedelivery.invoice.shared.persistence.StoredForm;
import com.invoicedelivery.kit.messaging.OutboxDocuments;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The import batches done, one document per tenant and batch id, with what became of each row: the record that
 * answers a batch delivered again. A batch from Kafka keeps its {@code InvoiceImportCompleted} answer in the
 * document's outbox, stored in the same write as the record.
 */
public class ImportBatchStore implements InitializingBean {

    public static final String COLLECTION = "import_batches";
    /**
     * The answers to batches refused whole, one document per answer: kept apart from the batches done, so the
     * importer may send a refused batch again, mended, under the same id.
     */
    public static final String REFUSALS = "import_refusals";

    record StoredBatch(String id, String tenantId, String batchId, List<ImportRowResult> rows, Instant completedAt) {
    }

    private final MongoTemplate mongo;

    public ImportBatchStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("batchId", Sort.Direction.ASC).unique().named("tenant_batch_unique"));
    }

    public Optional<ImportOutcome> find(String tenantId, String batchId) {
        StoredBatch stored = mongo.findOne(query(where("tenantId").is(tenantId).and("batchId").is(batchId)),
                StoredBatch.class, COLLECTION);
        return Optional.ofNullable(stored).map(batch -> new ImportOutcome(batch.batchId(), batch.rows()));
    }

    /**
     * Records a batch done, with its answer to publish (null for none), atomically.
     *
     * @return false (nothing stored) when the batch was recorded before, by another delivery of it
     */
    public boolean insert(String tenantId, ImportOutcome outcome, OutboxEntry answer, Instant at) {
        Document document = StoredForm.of(mongo.getConverter(),
                new StoredBatch(id(tenantId, outcome.batchId()), tenantId, outcome.batchId(), outcome.rows(), at));
        document.put(OutboxEntry.FIELD, answer == null ? List.of() : List.of(StoredForm.of(mongo.getConverter(), answer)));
        return OutboxDocuments.insertIfAbsent(mongo, document, COLLECTION);
    }

    /** Adds another answer to publish for a batch recorded before (it was delivered again). */
    public void answerAgain(String tenantId, String batchId, OutboxEntry answer) {
        mongo.updateFirst(query(where("_id").is(id(tenantId, batchId))),
                OutboxDocuments.push(new Update(), StoredForm.of(mongo.getConverter(), answer)), COLLECTION);
    }

    /**
     * Keeps the answer to a batch refused whole, to publish.
     *
     * @return the id of the document, to kick the outbox relay with
     */
    public String insertRefusal(String tenantId, String batchId, OutboxEntry answer, Instant at) {
        String id = DerivedIds.of("import-refusal", answer.eventId());
        Document document = new Document("_id", id).append("tenantId", tenantId).append("batchId", batchId)
                .append("refusedAt", at);
        document.put(OutboxEntry.FIELD, List.of(StoredForm.of(mongo.getConverter(), answer)));
        OutboxDocuments.insertIfAbsent(mongo, document, REFUSALS);
        return id;
    }

    /** The id of a batch's record: what the outbox relay is kicked with. */
    public static String id(String tenantId, String batchId) {
        return DerivedIds.of("import-batch", tenantId, batchId);
    }
}

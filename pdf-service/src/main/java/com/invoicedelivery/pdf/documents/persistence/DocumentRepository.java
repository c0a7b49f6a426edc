package com.invoicedelivery.pdf.documents.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.invoicedelivery.kit.messaging.OutboxDocuments;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import com.invoicedelivery.pdf.documents.domain.PdfFile;
import com.invoicedelivery.pdf.documents.domain.StoredDocument;
import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

/**
 * Rendered PDFs: the bytes in GridFS, the metadata (with the outbox) in {@value #COLLECTION}, at most one per
 * send — a unique index on {@code sendId} makes sure of it.
 */
public class DocumentRepository implements InitializingBean {

    public static final String COLLECTION = "documents";
    static final String PDF = "application/pdf";
    /** GridFS's collection of file descriptions (the default bucket). */
    static final String FILES = "fs.files";

    private static final Logger log = LoggerFactory.getLogger(DocumentRepository.class);

    private final MongoTemplate mongo;
    private final GridFsTemplate gridFs;

    public DocumentRepository(MongoTemplate mongo, GridFsTemplate gridFs) {
        this.mongo = mongo;
        this.gridFs = gridFs;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index("sendId", Sort.Direction.ASC).unique().named("sendId_unique"));
        // a send's files in GridFS (more than one only while a concurrent store cleans up): checked by the tests,
        // which run where a query no index serves fails (notablescan), and by an operator looking for stray bytes
        mongo.indexOps(FILES).createIndex(new Index("metadata.sendId", Sort.Direction.ASC).named("send"));
    }

    public boolean existsForSend(String sendId) {
        return mongo.exists(query(where("sendId").is(sendId)), COLLECTION);
    }

    /**
     * Stores the PDF and its metadata with the event announcing it, unless the send already has a document.
     * The bytes go first; the metadata and the event follow in one insert, so the event exists only once the bytes
     * can be fetched. When another delivery of the same send got there first, its document stands and the bytes
     * stored here are removed again.
     *
     * @return false when the send already had a document (nothing was stored)
     */
    public boolean storeOnce(StoredDocument document, byte[] pdf, OutboxEntry ready) {
        ObjectId fileId = gridFs.store(new ByteArrayInputStream(pdf), document.fileName(), PDF, new org.bson.Document()
                .append("documentId", document.documentId())
                .append("sendId", document.sendId())
                .append("tenantId", document.tenantId()));
        try {
            if (OutboxDocuments.insertIfAbsent(mongo, stored(DocumentEntity.of(document, fileId, List.of(ready))),
                    COLLECTION)) {
                return true;
            }
            deleteFile(fileId);
            return false;
        } catch (RuntimeException e) {
            deleteFileQuietly(fileId);
            throw e;
        }
    }

    /** The entity in its stored form, for the kit to flag its outbox. */
    private org.bson.Document stored(DocumentEntity entity) {
        org.bson.Document stored = new org.bson.Document();
        mongo.getConverter().write(entity, stored);
        return stored;
    }

    public Optional<StoredDocument> findById(String documentId) {
        return entity(documentId).map(DocumentEntity::toDocument);
    }

    public Optional<StoredDocument> findBySendId(String sendId) {
        return Optional.ofNullable(mongo.findOne(query(where("sendId").is(sendId)), DocumentEntity.class))
                .map(DocumentEntity::toDocument);
    }

    /** The document with its bytes; empty when there is no such document. */
    public Optional<PdfFile> findFile(String documentId) {
        return entity(documentId).map(entity -> new PdfFile(entity.toDocument(), bytes(entity.gridFsId())));
    }

    private Optional<DocumentEntity> entity(String documentId) {
        return Optional.ofNullable(mongo.findById(documentId, DocumentEntity.class));
    }

    private byte[] bytes(ObjectId fileId) {
        GridFSFile file = gridFs.findOne(query(where("_id").is(fileId)));
        if (file == null) {
            throw new IllegalStateException("GridFS file " + fileId + " of a stored document is missing");
        }
        try (InputStream in = gridFs.getResource(file).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read GridFS file " + fileId, e);
        }
    }

    private void deleteFile(ObjectId fileId) {
        gridFs.delete(query(where("_id").is(fileId)));
    }

    private void deleteFileQuietly(ObjectId fileId) {
        try {
            deleteFile(fileId);
        } catch (RuntimeException e) {
            // the store is failing anyway: the file stays unreferenced, which is harmless (nothing points to it)
            log.warn("could not remove unreferenced GridFS file {}: {}", fileId, e.toString());
        }
    }
}

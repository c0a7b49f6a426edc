package com.invoicedelivery.pdf.documents.persistence;

import java.time.Instant;
import java.util.List;

import com.invoicedelivery.kit.messaging.OutboxEntry;
import com.invoicedelivery.pdf.documents.domain.StoredDocument;
import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A document of the {@value DocumentRepository#COLLECTION} collection: the metadata of one rendered PDF (its bytes
 * are the GridFS file {@code gridFsId}), and the outbox holding its {@code InvoiceDocumentReady} event until the
 * relay has published it.
 */
@Document(DocumentRepository.COLLECTION)
record DocumentEntity(@Id String id, String tenantId, String sendId, String invoiceId, ObjectId gridFsId,
                      String sha256, long sizeBytes, String fileName, Instant createdAt, List<OutboxEntry> outbox) {

    static DocumentEntity of(StoredDocument document, ObjectId gridFsId, List<OutboxEntry> outbox) {
        return new DocumentEntity(document.documentId(), document.tenantId(), document.sendId(), document.invoiceId(),
                gridFsId, document.sha256(), document.sizeBytes(), document.fileName(), document.createdAt(), outbox);
    }

    StoredDocument toDocument() {
        return new StoredDocument(id, tenantId, sendId, invoiceId, sha256, sizeBytes, fileName, createdAt);
    }
}

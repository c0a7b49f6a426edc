package com.invoicedelivery.pdf.documents.application;

import com.invoicedelivery.kit.problem.NotFoundException;
import com.invoicedelivery.pdf.documents.domain.PdfFile;
import com.invoicedelivery.pdf.documents.domain.StoredDocument;
import com.invoicedelivery.pdf.documents.persistence.DocumentRepository;

/** Stored documents as the other services fetch them. */
public class DocumentQueries {

    private final DocumentRepository documents;

    public DocumentQueries(DocumentRepository documents) {
        this.documents = documents;
    }

    /**
     * The document with its bytes, checked against the hash it was stored with.
     *
     * @throws NotFoundException when there is no such document
     * @throws IllegalStateException when the stored bytes no longer match their hash (never served)
     */
    public PdfFile file(String documentId) {
        PdfFile file = documents.findFile(documentId).orElseThrow(() -> new NotFoundException("Document", documentId));
        if (!file.isIntact()) {
            throw new IllegalStateException("the stored bytes of document " + documentId + " do not match their SHA-256");
        }
        return file;
    }

    /** @throws NotFoundException when the send has no document (yet, or because it failed) */
    public StoredDocument forSend(String sendId) {
        return documents.findBySendId(sendId).orElseThrow(() -> new NotFoundException("Document of send", sendId));
    }
}

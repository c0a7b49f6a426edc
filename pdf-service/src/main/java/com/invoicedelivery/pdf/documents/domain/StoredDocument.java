package com.invoicedelivery.pdf.documents.domain;

import java.time.Instant;

/**
 * A rendered PDF as stored, one per send. Its bytes never change after they are stored: what was sent is what
 * can be downloaded later, and {@code sha256} proves it.
 *
 * @param sha256 the SHA-256 of the bytes, lower-case hex
 */
public record StoredDocument(String documentId, String tenantId, String sendId, String invoiceId, String sha256,
                             long sizeBytes, String fileName, Instant createdAt) {
}

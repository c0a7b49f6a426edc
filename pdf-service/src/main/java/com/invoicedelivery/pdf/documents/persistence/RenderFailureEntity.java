package com.invoicedelivery.pdf.documents.persistence;

import java.time.Instant;
import java.util.List;

import com.invoicedelivery.kit.messaging.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A send whose invoice cannot be rendered, keyed by the send id (so a send fails once), with the outbox holding
 * its {@code InvoiceRenderFailed} event until the relay has published it.
 */
@Document(RenderFailureRepository.COLLECTION)
record RenderFailureEntity(@Id String sendId, String tenantId, String invoiceId, String reason, Instant createdAt,
                           List<OutboxEntry> outbox) {
}

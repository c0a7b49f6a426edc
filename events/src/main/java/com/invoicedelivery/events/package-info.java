/**
 * The integration events of the invoice-delivery platform and the Kafka topics that carry them.
 *
 * <p>Every event is a record named in the past tense that carries an event id (the consumers'
 * idempotency key), the time it happened, the tenant it belongs to and its schema version. Events
 * are JSON on the wire; the CloudEvents Kafka binding headers ({@code ce_id}, {@code ce_type},
 * {@code ce_source}, ...) name them, and each record is keyed by the id whose order matters (see
 * {@link com.invoicedelivery.events.IntegrationEvent#key()}).
 *
 * <p>Events carry nothing secret in clear (no SMTP credentials; a personal link's token only as its hash, and the
 * link itself only sealed to mail-dispatch-service's key, see {@link com.invoicedelivery.events.Recipient}) and no
 * file bytes: a rendered PDF travels as
 * a {@link com.invoicedelivery.events.DocumentRef} (claim check: id and SHA-256).
 *
 * <p>This module has no Spring. Besides the records it holds only what every service must do alike with them:
 * what a language writes ({@link com.invoicedelivery.events.language}) and the rules an invoice snapshot meets
 * ({@link com.invoicedelivery.events.InvoiceSnapshotRules}).
 */
package com.invoicedelivery.events;

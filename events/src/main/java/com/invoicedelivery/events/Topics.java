package com.invoicedelivery.events;

/** Kafka topic names. A failed record of topic {@code t} goes to {@code t + DEAD_LETTER_SUFFIX}. */
public final class Topics {

    /** {@link InvoiceSendRequested}: one per invoice in a send action. Keyed by send id. */
    public static final String SEND_REQUESTED = "invoice.send-requested";
    /** {@link InvoiceDocumentReady}: the send's PDF is rendered and stored. Keyed by send id. */
    public static final String DOCUMENT_READY = "invoice.document-ready";
    /** {@link InvoiceRenderFailed}: the send's PDF cannot be rendered. Keyed by send id. */
    public static final String RENDER_FAILED = "invoice.render-failed";
    /** {@link EmailDeliveryStatusChanged}: per recipient. Keyed by send id. */
    public static final String DELIVERY_STATUS = "mail.delivery-status";
    /** {@link EmailBounced}: a DSN or complaint came back about a sent e-mail. Keyed by send id. */
    public static final String BOUNCES = "mail.bounces";
    /** {@link ClientActivityRecorded}: what a client did with a link. Keyed by send id. */
    public static final String TRACKING_EVENTS = "tracking.events";
    /** {@link LinkRenewalRequested}: a client asked for a fresh link. Keyed by send id. */
    public static final String LINK_RENEWAL_REQUESTED = "tracking.link-renewal-requested";
    /** A batch of invoices to import (and optionally send) from a bulk importer. Keyed by batch id. */
    public static final String IMPORT_REQUESTED = "invoice.import-requested";
    /** The outcome of each row of an import batch. Keyed by batch id. */
    public static final String IMPORT_COMPLETED = "invoice.import-completed";

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }
}

package com.invoicedelivery.events;

import java.time.Instant;

/** The send's PDF is rendered and stored (pdf-service → mail-dispatch-service, tracking-service, invoice-service). */
@Description("The send's PDF is rendered and stored: mail-dispatch-service mails it (as an attachment or behind "
        + "the personal links), tracking-service opens the links, invoice-service records the step. Carries the "
        + "send as InvoiceSendRequested did, under the same version (a version 1 request is answered in version 1).")
public record InvoiceDocumentReady(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                                   SendDetails send,
                                   @Description("Where the PDF is: fetch it from pdf-service by id, check its SHA-256.")
                                   DocumentRef document) implements IntegrationEvent {

    /**
     * Version 2: recipients carry {@link Recipient#linkTokenHash()} and {@link Recipient#sealedLink()} instead of the
     * token and the link in clear.
     */
    public static final int SCHEMA_VERSION = 2;

    /**
     * Version 1 carried each recipient's link token and link in clear ({@link Recipient#linkToken()},
     * {@link Recipient#linkUrl()}). Nothing writes it any more; consumers still read it side by side with version 2
     * while records written before the upgrade may be in flight (on the topic or its dead-letter topic), and drop
     * it in a later release.
     */
    public static final int CLEAR_LINK_VERSION = 1;

    /** Whether this record is of the old version whose recipients carry their links in clear. */
    public boolean carriesClearLinks() {
        return schemaVersion == CLEAR_LINK_VERSION;
    }

    /** Whether this service's code knows the record's version (1 or 2). */
    public boolean hasKnownVersion() {
        return schemaVersion == CLEAR_LINK_VERSION || schemaVersion == SCHEMA_VERSION;
    }

    @Override
    public String key() {
        return send.sendId();
    }
}

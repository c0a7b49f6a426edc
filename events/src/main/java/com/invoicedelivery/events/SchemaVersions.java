package com.invoicedelivery.events;

import java.util.Map;
import java.util.Set;

/**
 * The schema versions of each internal event that this release reads. An event's {@code schemaVersion} is its
 * <em>major</em> version: it changes only when a consumer must understand the change (a field removed, renamed or
 * given another meaning). Within a major version producers only add optional fields, and consumers ignore fields
 * they do not know (tolerant reader), so a newer producer and an older consumer run side by side during a rolling
 * deploy. A record of a major version missing here goes to the consumer's dead-letter topic, saying so: to be
 * replayed once a consumer that reads it is deployed.
 */
public final class SchemaVersions {

    private static final Map<Class<? extends IntegrationEvent>, Set<Integer>> READABLE = Map.of(
            InvoiceSendRequested.class, Set.of(InvoiceSendRequested.CLEAR_LINK_VERSION, InvoiceSendRequested.SCHEMA_VERSION),
            InvoiceDocumentReady.class, Set.of(InvoiceDocumentReady.CLEAR_LINK_VERSION, InvoiceDocumentReady.SCHEMA_VERSION),
            InvoiceRenderFailed.class, Set.of(InvoiceRenderFailed.SCHEMA_VERSION),
            EmailDeliveryStatusChanged.class, Set.of(EmailDeliveryStatusChanged.SCHEMA_VERSION),
            EmailBounced.class, Set.of(EmailBounced.SCHEMA_VERSION),
            ClientActivityRecorded.class, Set.of(ClientActivityRecorded.SCHEMA_VERSION),
            LinkRenewalRequested.class, Set.of(LinkRenewalRequested.SCHEMA_VERSION),
            InvoiceImportRequested.class, Set.of(InvoiceImportRequested.SCHEMA_VERSION),
            InvoiceImportCompleted.class, Set.of(InvoiceImportCompleted.SCHEMA_VERSION));

    private SchemaVersions() {
    }

    /** The major versions of {@code type} this release reads; empty for a type that is not an event of the platform. */
    public static Set<Integer> readable(Class<?> type) {
        return READABLE.getOrDefault(type, Set.of());
    }

    /** Whether this release reads {@code event}'s major version. */
    public static boolean isReadable(IntegrationEvent event) {
        return readable(event.getClass()).contains(event.schemaVersion());
    }

    /** Every event type of the platform. */
    public static Set<Class<? extends IntegrationEvent>> eventTypes() {
        return READABLE.keySet();
    }
}

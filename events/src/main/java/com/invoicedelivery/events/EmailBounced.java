package com.invoicedelivery.events;

import java.time.Instant;

/**
 * A report came back about an e-mail the platform's server had accepted: a delivery status notification (RFC 3464)
 * or a complaint (RFC 5965), matched to its dispatch job by the per-message envelope sender (mail-dispatch-service →
 * invoice-service). Only mail through the platform's server is seen: a tenant's own server returns its reports to
 * the tenant.
 *
 * @param kind         HARD (the recipient is BOUNCED), SOFT (noted only) or COMPLAINT
 * @param status       the DSN's status code ({@code 5.1.1}); null for a complaint
 * @param reason       what the remote side said, for a person to read (the DSN's diagnostic, or the feedback type)
 * @param reportingMta the server that wrote the report, as it names itself
 * @param reportId     the report's own identity (its Message-ID, or a hash of it): the same report twice is one
 */
@Description("A report came back about an e-mail the platform's server had accepted: a delivery status "
        + "notification (RFC 3464) or a complaint (RFC 5965). Only mail through the platform's server is seen.")
public record EmailBounced(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                           String sendId, String invoiceId, String recipientId, String email,
                           @Description("The Message-ID of the e-mail the report is about.") String messageId,
                           BounceKind kind,
                           @Description("The DSN's status code (5.1.1); null for a complaint.")
                           @OptionalField String status,
                           @Description("What the remote side said, for a person to read (the DSN's diagnostic, or "
                                   + "the feedback type).") @OptionalField String reason,
                           @Description("The server that wrote the report, as it names itself.")
                           @OptionalField String reportingMta,
                           @Description("The report's own identity (its Message-ID, or a hash of it): the same "
                                   + "report twice is one.") String reportId)
        implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return sendId;
    }
}

package com.invoicedelivery.mail.bounce.domain;

import java.util.List;

import com.invoicedelivery.events.BounceKind;

/**
 * What a report that came back says, read from its MIME form: a delivery status notification (RFC 3464) about one
 * or more recipients, or a complaint (RFC 5965).
 *
 * @param reportId          the report's own Message-ID (or, without one, the SHA-256 of its bytes): one report, once
 * @param reportingMta      the server that wrote it, as it names itself (may be null)
 * @param originalMessageId the Message-ID of the e-mail it is about, when it quotes the e-mail's header (may be null)
 * @param originalReturnPath the envelope sender of the e-mail it is about, when it quotes it (may be null)
 * @param recipients        one entry per recipient the report is about
 */
public record InboundReport(String reportId, String reportingMta, String originalMessageId,
                            String originalReturnPath, List<Recipient> recipients) {

    /**
     * @param address the recipient as the report names it (Final-Recipient, or the complaint's Original-Rcpt-To);
     *                may be null for a complaint that names none
     * @param kind    null for a recipient whose report is neither a failure nor a delay (delivered, relayed,
     *                expanded): nothing to record
     * @param status  the DSN's status code ({@code 5.1.1}); null for a complaint
     * @param reason  what the remote side said (the diagnostic code), or the feedback type of a complaint
     */
    public record Recipient(String address, String originalAddress, BounceKind kind, String status,
                            String reason) {

        /** Whether the report names {@code sentTo}, as its final or its original recipient. */
        public boolean names(String sentTo) {
            return BounceRules.sameAddress(address, sentTo) || BounceRules.sameAddress(originalAddress, sentTo);
        }
    }
}

package com.invoicedelivery.events;

/**
 * One address an invoice goes to.
 *
 * <p>The personal link's token never travels in clear (schema version 2 of {@link InvoiceSendRequested} and
 * {@link InvoiceDocumentReady}): tracking-service gets only its hash, and mail-dispatch-service the link sealed to its
 * own key, which nobody else on the bus can open. Version 1 records carried the token and the link in clear; they are
 * read side by side until none is left (see {@link InvoiceSendRequested#CLEAR_LINK_VERSION}) and never written.
 *
 * @param recipientId   unique within the send
 * @param linkTokenHash the SHA-256 (lower-case hex) of the personal link's token, the link's id at tracking-service;
 *                      null in attachment mode
 * @param sealedLink    the personal link for the e-mail, sealed to mail-dispatch-service's public key (a compact JWE
 *                      of {@link SealedLinkContent}); null in attachment mode
 * @param linkToken     version 1 only: the token in clear; null since version 2
 * @param linkUrl       version 1 only: the link in clear; null since version 2
 */
@Description("One address an invoice goes to. The personal link's token never travels in clear (version 2): "
        + "tracking-service gets its hash, mail-dispatch-service the link sealed to its own key.")
public record Recipient(@Description("Unique within the send.") String recipientId,
                        String email,
                        @Description("Link mode: the SHA-256 (lower-case hex) of the personal link's token, the "
                                + "link's id at tracking-service. Null in attachment mode and in version 1.")
                        @OptionalField String linkTokenHash,
                        @Description("Link mode: the personal link sealed to mail-dispatch-service's public key (a "
                                + "compact JWE of tenantId, sendId, recipientId and linkUrl). Null in attachment mode "
                                + "and in version 1.") @OptionalField String sealedLink,
                        @Description("Version 1 only: the link's token in clear. Null since version 2.")
                        @OptionalField String linkToken,
                        @Description("Version 1 only: the link in clear. Null since version 2.")
                        @OptionalField String linkUrl) {

    /** A link-mode recipient as version 2 carries it. */
    public static Recipient linked(String recipientId, String email, String linkTokenHash, String sealedLink) {
        return new Recipient(recipientId, email, linkTokenHash, sealedLink, null, null);
    }

    /** An attachment-mode recipient: no link. */
    public static Recipient attached(String recipientId, String email) {
        return new Recipient(recipientId, email, null, null, null, null);
    }

    /** A link-mode recipient as version 1 carried it, token and link in clear: for reading old records only. */
    public static Recipient withClearLink(String recipientId, String email, String linkToken, String linkUrl) {
        return new Recipient(recipientId, email, null, null, linkToken, linkUrl);
    }

    /** Never prints a link or its token: a record in a log would otherwise open the invoice for its readers. */
    @Override
    public String toString() {
        return "Recipient[recipientId=" + recipientId + ", email=" + email + ", linkTokenHash=" + linkTokenHash + "]";
    }
}

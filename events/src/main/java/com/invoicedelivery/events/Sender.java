package com.invoicedelivery.events;

/**
 * Who the e-mail is from, as far as the tenant's profile says. Which server sends it, and the final
 * From address, are mail-dispatch-service's decision (its own SMTP settings per tenant).
 *
 * @param subdomain        the tenant's sub-domain: the default From is {@code invoices@<subdomain>.<platform-domain>}
 * @param replyTo          the tenant's own address for replies
 * @param privacyNoticeUrl (optional, added within version 2) the tenant's privacy notice, an https URL, which the
 *                         client's pages link to; null: none given (as in records written before it existed)
 * @param contact          (optional, added within version 2) how the client reaches the tenant, shown on the
 *                         client's pages; null: none given
 */
@Description("Who the e-mail is from, as far as the tenant's profile says; the server and the final From address "
        + "are mail-dispatch-service's decision.")
public record Sender(String tenantName,
                     @Description("The tenant's sub-domain: the default From is invoices@<subdomain>.<platform-domain>.")
                     String subdomain,
                     @Description("The tenant's own address for replies.") String replyTo,
                     @Description("Added within version 2: the tenant's privacy notice (an https URL) the client's "
                             + "pages link to; null: none given.") @OptionalField String privacyNoticeUrl,
                     @Description("Added within version 2: how the client reaches the tenant, shown on the client's "
                             + "pages; null: none given.") @OptionalField TenantContact contact) {

    /** A sender without a privacy notice or contact details. */
    public Sender(String tenantName, String subdomain, String replyTo) {
        this(tenantName, subdomain, replyTo, null, null);
    }
}

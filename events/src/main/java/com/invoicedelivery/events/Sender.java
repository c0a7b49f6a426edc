package com.invoicedelivery.events;

/**
 * Who the e-mail is from, as far as the tenant's profile says. Which server sends it, and the final
 * From address, are mail-dispatch-service's decision (its own SMTP settings per tenant).
 *
 * @param subdomain the tenant's sub-domain: the default From is {@code invoices@<subdomain>.<platform-domain>}
 * @param replyTo   the tenant's own address for replies
 */
public record Sender(String tenantName, String subdomain, String replyTo) {
}

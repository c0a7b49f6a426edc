package com.invoicedelivery.mail.message.domain;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.events.Language;

/**
 * Everything one recipient's e-mail is made of, as the send described it: kept with the dispatch job so every
 * attempt builds the same e-mail, whatever happened to the event since.
 *
 * @param tenantName     the From display name
 * @param subdomain      the tenant's sub-domain, for the platform's default From address
 * @param replyTo        the tenant's own address for replies; may be null
 * @param sealedLink     the recipient's personal link (link mode) as invoice-service sealed it to this service's key,
 *                       opened only to compose the e-mail and dropped once the job is SENT or FAILED; null in
 *                       attachment mode. The link in clear is never kept.
 * @param message        the plain-text message as the user edited it, with {@link EmailBodies#LINK_MARKER}
 *                       where the link goes
 * @param invoiceNumber  the document's number, printed under the message; may be null
 * @param document       the rendered PDF (attached in attachment mode)
 * @param notice         (never null) true for a notice to the tenant itself about its client's answer (Accept, Return): no
 *                       personal link and no attachment, whatever the mode; false for every invoice e-mail (and for
 *                       jobs stored before notices existed)
 */
public record RecipientEmail(String tenantName, String subdomain, String replyTo, String recipientEmail,
                             String sealedLink, String subject, String message, Language language, DeliveryMode mode,
                             DocumentKind documentKind, String invoiceNumber, DocumentRef document, Boolean notice) {

    public RecipientEmail {
        // jobs stored before notices existed have no such field: each is an invoice e-mail
        notice = Boolean.TRUE.equals(notice);
    }

    /** An invoice e-mail to a recipient of the send. */
    public RecipientEmail(String tenantName, String subdomain, String replyTo, String recipientEmail,
                          String sealedLink, String subject, String message, Language language, DeliveryMode mode,
                          DocumentKind documentKind, String invoiceNumber, DocumentRef document) {
        this(tenantName, subdomain, replyTo, recipientEmail, sealedLink, subject, message, language, mode, documentKind,
                invoiceNumber, document, false);
    }

    /** The same e-mail without its sealed link (what a finished job keeps). */
    public RecipientEmail withoutLink() {
        return new RecipientEmail(tenantName, subdomain, replyTo, recipientEmail, null, subject, message, language, mode,
                documentKind, invoiceNumber, document, notice);
    }

    /** Whether the e-mail carries the recipient's personal link (an invoice e-mail in link mode). */
    public boolean carriesLink() {
        return !notice && mode != DeliveryMode.ATTACHMENT;
    }

    public boolean attachesDocument() {
        return !notice && mode == DeliveryMode.ATTACHMENT;
    }

    /** The language as a BCP 47 tag for {@code Content-Language} and {@code <html lang>}. */
    public String languageTag() {
        return language.tag();
    }
}

package com.invoicedelivery.mail.emaillog.domain;

import java.util.List;

/**
 * What an e-mail said, read back from its MIME source: the exact text the recipient got.
 *
 * @param replyTo     the Reply-To address; null when there was none
 * @param textBody    the text/plain part; null when there was none
 * @param htmlBody    the text/html part; null when there was none
 * @param attachments the attached files, names decoded (Cyrillic as written)
 */
public record EmailContent(String replyTo, String textBody, String htmlBody, List<Attachment> attachments) {

    /** @param size the decoded size in bytes */
    public record Attachment(String fileName, String contentType, long size) {
    }
}

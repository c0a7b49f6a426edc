package com.invoicedelivery.tracking.link.domain;

import java.time.Instant;

/**
 * The rendered PDF of the send, as pdf-service stores it: fetch by id, check the hash.
 *
 * @param readyAt when pdf-service announced it: the e-mail with the link goes out right after, so this is
 *                the earliest moment a person can open the link
 */
public record LinkedDocument(String documentId, String sha256, String fileName, Instant readyAt) {
}

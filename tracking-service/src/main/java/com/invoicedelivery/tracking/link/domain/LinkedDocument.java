package com.invoicedelivery.tracking.link.domain;

/** The rendered PDF of the send, as pdf-service stores it: fetch by id, check the hash. */
public record LinkedDocument(String documentId, String sha256, String fileName) {
}

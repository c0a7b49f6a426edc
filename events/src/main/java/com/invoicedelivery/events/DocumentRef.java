package com.invoicedelivery.events;

/** A claim check for a rendered document stored by pdf-service: fetch the bytes by id, check the hash. */
public record DocumentRef(String documentId, String sha256, long sizeBytes, String fileName) {
}

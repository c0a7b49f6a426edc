package com.invoicedelivery.events;

/** A claim check for a rendered document stored by pdf-service: fetch the bytes by id, check the hash. */
@Description("A claim check for a rendered PDF stored by pdf-service: fetch the bytes by id, check the hash.")
public record DocumentRef(String documentId,
                          @Description("SHA-256 of the PDF's bytes, lower-case hex.") String sha256,
                          long sizeBytes, String fileName) {
}

package com.invoicedelivery.tracking.link.application;

/** A verified PDF, ready to hand to the client. */
public record DownloadedDocument(byte[] content, String fileName) {
}

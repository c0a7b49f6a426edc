package com.invoicedelivery.tracking.link.application;

/** Where rendered documents come from (pdf-service). */
public interface DocumentSource {

    /**
     * The bytes of a stored document.
     *
     * @throws DocumentUnavailableException when they cannot be had now
     */
    byte[] fetch(String documentId);
}

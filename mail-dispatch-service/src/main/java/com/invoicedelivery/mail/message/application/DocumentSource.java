package com.invoicedelivery.mail.message.application;

/** Where rendered documents come from (pdf-service's internal API). */
public interface DocumentSource {

    /**
     * The bytes of a stored document.
     *
     * @throws com.invoicedelivery.mail.message.domain.MessagePreparationException temporary when the document cannot
     *         be had now, permanent when it does not exist
     */
    byte[] fetch(String documentId);
}

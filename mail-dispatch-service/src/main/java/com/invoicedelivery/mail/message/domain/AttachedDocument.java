package com.invoicedelivery.mail.message.domain;

import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.kit.digest.Sha256;

/** A PDF to attach, proven to be the one the send announced (same SHA-256): a wrong file is never sent. */
public record AttachedDocument(String fileName, byte[] content) {

    /**
     * @throws MessagePreparationException (permanent) when the bytes are not the announced document
     */
    public static AttachedDocument verified(DocumentRef announced, byte[] content) {
        String actual = Sha256.hex(content);
        if (!actual.equalsIgnoreCase(announced.sha256())) {
            throw MessagePreparationException.permanent("document " + announced.documentId()
                    + " does not match the SHA-256 announced for this send (expected " + announced.sha256()
                    + ", got " + actual + "); the e-mail was not sent");
        }
        return new AttachedDocument(announced.fileName(), content);
    }
}

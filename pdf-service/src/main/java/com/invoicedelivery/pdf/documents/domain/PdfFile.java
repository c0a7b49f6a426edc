package com.invoicedelivery.pdf.documents.domain;

import com.invoicedelivery.kit.digest.Sha256;

/** A stored document with its bytes. */
public record PdfFile(StoredDocument document, byte[] bytes) {

    /** True when the bytes are the ones the document was stored with. */
    public boolean isIntact() {
        return bytes.length == document.sizeBytes() && Sha256.hex(bytes).equals(document.sha256());
    }
}

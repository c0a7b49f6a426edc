package com.invoicedelivery.kit.document;

/**
 * pdf-service did not deliver a document. Either it has no such document ({@link #isNotFound()}: asking again will
 * not help), or it could not be had now (unreachable, a timeout, an error status, an empty body), which a later
 * attempt may mend. The message is readable by a person and names the document.
 */
public class DocumentFetchException extends RuntimeException {

    private final boolean notFound;

    private DocumentFetchException(String message, boolean notFound, Throwable cause) {
        super(message, cause);
        this.notFound = notFound;
    }

    static DocumentFetchException notFound(String documentId) {
        return new DocumentFetchException("pdf-service has no document " + documentId, true, null);
    }

    static DocumentFetchException unavailable(String message, Throwable cause) {
        return new DocumentFetchException(message, false, cause);
    }

    /** True when pdf-service answered that the document does not exist (404). */
    public boolean isNotFound() {
        return notFound;
    }
}

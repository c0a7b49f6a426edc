package com.invoicedelivery.pdf.documents.web;

import com.invoicedelivery.pdf.documents.application.DocumentQueries;
import com.invoicedelivery.pdf.documents.domain.PdfFile;
import com.invoicedelivery.pdf.documents.domain.StoredDocument;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stored documents for the platform's other services (role {@code service}; the kit guards {@code /internal/**}).
 * Documents are fetched by id from an {@code InvoiceDocumentReady} event: a claim check, the event carrying the id
 * and the hash, this endpoint the bytes.
 */
@RestController
@RequestMapping("/internal/documents")
public class InternalDocumentController {

    /** The SHA-256 (lower-case hex) of the body, as stored and as announced in the event. */
    public static final String SHA256_HEADER = "X-Content-SHA256";

    private final DocumentQueries documents;

    public InternalDocumentController(DocumentQueries documents) {
        this.documents = documents;
    }

    @Operation(summary = "The PDF of a stored document, with its SHA-256 and file name")
    @GetMapping("/{documentId}")
    public ResponseEntity<byte[]> document(@PathVariable String documentId) {
        PdfFile file = documents.file(documentId);
        StoredDocument document = file.document();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(file.bytes().length)
                .header(SHA256_HEADER, document.sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, AttachmentHeader.contentDisposition(document.fileName()))
                .body(file.bytes());
    }

    @Operation(summary = "The metadata of the document rendered for a send")
    @GetMapping(params = "sendId")
    public StoredDocument forSend(@RequestParam String sendId) {
        return documents.forSend(sendId);
    }
}

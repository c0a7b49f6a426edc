package com.invoicedelivery.kit.document;

import java.util.function.Function;

import com.invoicedelivery.kit.security.ServiceTokenException;
import com.invoicedelivery.kit.security.ServiceTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Fetches rendered documents from pdf-service's internal API ({@code GET /internal/documents/{id}}) as a service
 * (a bearer token for pdf-service alone, from the identity provider; role service). The services that need documents
 * (mail-dispatch for attachments, tracking for the client's download) adapt its {@link DocumentFetchException} to
 * their own failures, a token the provider would not give included.
 */
public class DocumentClient {

    /** The audience of the tokens this client presents: pdf-service's {@code spring.application.name}. */
    public static final String PDF_SERVICE = "pdf-service";

    private final RestClient http;
    private final ServiceTokens tokens;

    /** @param http bound to pdf-service's base URL, with connect and read timeouts */
    public DocumentClient(RestClient http, ServiceTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    /**
     * The bytes of a stored document, or the caller's own exception for whatever kept them from coming.
     *
     * @param failure turns the kit's {@link DocumentFetchException} into the exception the caller's layer speaks
     */
    public byte[] fetch(String documentId, Function<DocumentFetchException, ? extends RuntimeException> failure) {
        try {
            return fetch(documentId);
        } catch (DocumentFetchException e) {
            throw failure.apply(e);
        }
    }

    /**
     * The bytes of a stored document.
     *
     * @throws DocumentFetchException not found when pdf-service has no such document; otherwise (unreachable, a
     *         timeout, another error status, no bytes, no service token to be had) when it cannot be had now
     */
    public byte[] fetch(String documentId) {
        String token;
        try {
            token = tokens.bearerToken(PDF_SERVICE);
        } catch (ServiceTokenException e) {
            throw DocumentFetchException.unavailable("cannot ask pdf-service for document " + documentId + ": "
                    + e.getMessage(), e);
        }
        byte[] content;
        try {
            content = http.get().uri("/internal/documents/{documentId}", documentId)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .accept(MediaType.APPLICATION_PDF)
                    .retrieve()
                    .onStatus(status -> status.value() == HttpStatus.NOT_FOUND.value(), (request, response) -> {
                        throw DocumentFetchException.notFound(documentId);
                    })
                    .body(byte[].class);
        } catch (RestClientException e) {
            throw DocumentFetchException.unavailable("pdf-service did not deliver document " + documentId + ": "
                    + e.getMessage(), e);
        }
        if (content == null || content.length == 0) {
            throw DocumentFetchException.unavailable("pdf-service returned no bytes for document " + documentId, null);
        }
        return content;
    }
}

package com.invoicedelivery.mail.message.web;

import com.invoicedelivery.kit.security.ServiceTokens;
import com.invoicedelivery.mail.message.application.DocumentSource;
import com.invoicedelivery.mail.message.domain.MessagePreparationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Fetches rendered documents from pdf-service's internal API as a service (bearer token, role service). A document
 * pdf-service does not know is a permanent problem; anything else (unreachable, timeouts, 5xx) is temporary.
 */
class PdfServiceClient implements DocumentSource {

    private final RestClient http;
    private final ServiceTokens tokens;

    /** @param http bound to pdf-service's base URL, with connect and read timeouts */
    PdfServiceClient(RestClient http, ServiceTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    @Override
    public byte[] fetch(String documentId) {
        byte[] content;
        try {
            content = http.get().uri("/internal/documents/{documentId}", documentId)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.bearerToken())
                    .accept(MediaType.APPLICATION_PDF)
                    .retrieve()
                    .onStatus(status -> status.value() == HttpStatus.NOT_FOUND.value(), (request, response) -> {
                        throw MessagePreparationException.permanent("pdf-service has no document " + documentId);
                    })
                    .body(byte[].class);
        } catch (RestClientException e) {
            throw MessagePreparationException.temporary("pdf-service did not deliver document " + documentId + ": "
                    + e.getMessage(), e);
        }
        if (content == null || content.length == 0) {
            throw MessagePreparationException.temporary("pdf-service returned no bytes for document " + documentId,
                    null);
        }
        return content;
    }
}

package com.invoicedelivery.tracking.link.web;

import com.invoicedelivery.kit.security.ServiceTokens;
import com.invoicedelivery.tracking.link.application.DocumentSource;
import com.invoicedelivery.tracking.link.application.DocumentUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Fetches rendered documents from pdf-service's internal API, as a service (bearer token, role service). */
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
        try {
            byte[] content = http.get().uri("/internal/documents/{documentId}", documentId)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.bearerToken())
                    .accept(MediaType.APPLICATION_PDF)
                    .retrieve()
                    .body(byte[].class);
            if (content == null || content.length == 0) {
                throw new DocumentUnavailableException("pdf-service returned no bytes for document " + documentId);
            }
            return content;
        } catch (RestClientException e) {
            throw new DocumentUnavailableException("pdf-service did not deliver document " + documentId + ": "
                    + e.getMessage(), e);
        }
    }
}

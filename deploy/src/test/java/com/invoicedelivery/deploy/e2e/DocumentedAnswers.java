package com.invoicedelivery.deploy.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.demo.ApiClient;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.kit.testing.OpenApiResponses;

/**
 * The one place the end-to-end suites' answers are checked against the services' OpenAPI documents (through the
 * gateway: its combined document, with the paths as it publishes them): every answer of
 * {@link ApiClient} and of {@link ApiOperations#call} must have a status the document gives for its operation and a
 * body its schema allows, or the test that got it fails. When the run ends, the operations covered (with the
 * statuses seen) and those none called are written to {@code target/openapi-coverage.txt}.
 */
final class DocumentedAnswers {

    static final Path COVERAGE = Path.of("target", "openapi-coverage.txt");

    private static volatile OpenApiResponses responses;

    private DocumentedAnswers() {
    }

    /** From now on every answer of the platform's services is checked (the documents are read on first use). */
    static void checkEveryAnswerOf(LocalPlatform platform) {
        Map<String, String> baseUrls = new LinkedHashMap<>();
        for (PlatformService service : PlatformService.values()) {
            baseUrls.put(service.module(), platform.url(service));
        }
        // what the suites ask through the gateway is checked against the document it publishes of all four
        baseUrls.put("gateway", platform.gatewayUrl());
        responses = new OpenApiResponses(baseUrls, Map.of("gateway", "/v3/api-docs/combined"));
        ApiClient.checkAnswersWith(DocumentedAnswers::check);
    }

    static void check(String method, URI uri, int status, String contentType, String body) {
        OpenApiResponses current = responses;
        if (current != null) {
            current.check(method, uri, status, contentType, body);
        }
    }

    static void writeCoverage() {
        OpenApiResponses current = responses;
        if (current == null) {
            return;
        }
        try {
            current.writeCoverage(COVERAGE);
            System.out.println("[e2e] OpenAPI coverage: " + COVERAGE.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // the platform may already be going down: the coverage list is a report, the run's result stands
            System.out.println("[e2e] no OpenAPI coverage list: " + e.getMessage());
        }
    }
}

package com.invoicedelivery.kit.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.invoicedelivery.kit.security.ClientCredentialsServiceTokens;
import com.invoicedelivery.kit.security.ServiceTokens;
import com.invoicedelivery.kit.testing.PdfServiceStub;
import com.invoicedelivery.kit.testing.TestIdentityProvider;
import com.invoicedelivery.kit.testing.TestIdentityProvider.TokenRequest;
import com.invoicedelivery.kit.web.ServiceRestClients;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The kit's client of pdf-service against a stand-in that serves what each test put there. */
class DocumentClientTest {

    private static final PdfServiceStub PDF_SERVICE = PdfServiceStub.start();
    private static final ServiceTokens TOKENS = audience -> "service-token-for-" + audience;

    private final DocumentClient client = clientOf(PDF_SERVICE.url(), Duration.ofSeconds(5));

    @Test
    void aStoredDocumentIsFetchedAsAServiceAskingForAPdf() {
        String documentId = "doc-" + UUID.randomUUID();
        byte[] pdf = "%PDF-1.4 Фактура".getBytes(StandardCharsets.UTF_8);
        PDF_SERVICE.put(documentId, pdf);

        assertThat(client.fetch(documentId)).isEqualTo(pdf);
        assertThat(PDF_SERVICE.authorizations()).last().isEqualTo("Bearer service-token-for-pdf-service");
        assertThat(PDF_SERVICE.accepts()).last().isEqualTo("application/pdf");
    }

    @Test
    void aDocumentPdfServiceDoesNotHaveIsNotFound() {
        DocumentFetchException failure = fetchFailure(client, "doc-unknown");

        assertThat(failure.isNotFound()).isTrue();
        assertThat(failure).hasMessage("pdf-service has no document doc-unknown");
    }

    @Test
    void aCallerGetsItsOwnExceptionWithTheKitsFailureAsItsCause() {
        IllegalStateException failure = catchThrowableOfType(IllegalStateException.class,
                () -> client.fetch("doc-unknown", e -> new IllegalStateException("gone: " + e.isNotFound(), e)));

        assertThat(failure).hasMessage("gone: true").hasCauseInstanceOf(DocumentFetchException.class);
    }

    @Test
    void anErrorStatusIsAPassingFailureNamingTheDocument() {
        String documentId = "doc-" + UUID.randomUUID();
        PDF_SERVICE.failWith(documentId, 503);

        DocumentFetchException failure = fetchFailure(client, documentId);

        assertThat(failure.isNotFound()).isFalse();
        assertThat(failure.getMessage()).startsWith("pdf-service did not deliver document " + documentId + ": ")
                .contains("503");
    }

    @Test
    void anEmptyBodyIsAPassingFailure() {
        String documentId = "doc-" + UUID.randomUUID();
        PDF_SERVICE.put(documentId, new byte[0]);

        DocumentFetchException failure = fetchFailure(client, documentId);

        assertThat(failure.isNotFound()).isFalse();
        assertThat(failure).hasMessage("pdf-service returned no bytes for document " + documentId);
    }

    @Test
    void anUnreachablePdfServiceIsAPassingFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        DocumentFetchException failure = fetchFailure(
                clientOf("http://127.0.0.1:" + closedPort, Duration.ofSeconds(5)), "doc-1");

        assertThat(failure.isNotFound()).isFalse();
        assertThat(failure.getMessage()).startsWith("pdf-service did not deliver document doc-1: ");
    }

    @Test
    void aPdfServiceThatNeverAnswersFailsAfterTheReadTimeout() throws IOException {
        // accepted by the operating system's backlog, never answered
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            DocumentClient impatient = clientOf("http://127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(300));
            long started = System.nanoTime();

            DocumentFetchException failure = fetchFailure(impatient, "doc-1");

            assertThat(failure.isNotFound()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void theTokenComesFromTheIdentityProviderForPdfServiceAndIsReusedForTheNextDocuments() {
        TestIdentityProvider provider = TestIdentityProvider.start()
                .register("tracking-service", "s3cret", "pdf-service");
        DocumentClient withProviderTokens = clientWithTokensFrom(provider, "s3cret");
        String first = "doc-" + UUID.randomUUID();
        String second = "doc-" + UUID.randomUUID();
        PDF_SERVICE.put(first, new byte[] {1});
        PDF_SERVICE.put(second, new byte[] {2});

        withProviderTokens.fetch(first);
        withProviderTokens.fetch(second);

        TokenRequest request = provider.tokenRequests().get(0);
        assertThat(provider.tokenRequests()).hasSize(1);
        assertThat(request.clientId()).isEqualTo("tracking-service");
        assertThat(request.scope()).isEqualTo("pdf-service");
        assertThat(PDF_SERVICE.authorizations()).endsWith("Bearer " + request.accessToken(),
                "Bearer " + request.accessToken());
    }

    @Test
    void aTokenTheIdentityProviderDoesNotGiveIsAPassingFailureAndPdfServiceIsNotAsked() {
        TestIdentityProvider provider = TestIdentityProvider.start()
                .register("tracking-service", "s3cret", "pdf-service");
        provider.failTokenRequestsWith(500);
        String documentId = "doc-" + UUID.randomUUID();
        PDF_SERVICE.put(documentId, new byte[] {1});
        int callsBefore = PDF_SERVICE.authorizations().size();

        DocumentFetchException failure = fetchFailure(clientWithTokensFrom(provider, "s3cret"), documentId);
        DocumentFetchException refused = fetchFailure(clientWithTokensFrom(provider, "wrong"), documentId);

        assertThat(failure.isNotFound()).isFalse();
        assertThat(failure.getMessage()).startsWith("cannot ask pdf-service for document " + documentId + ": ")
                .contains("no service token for calls to pdf-service");
        assertThat(refused.isNotFound()).isFalse();
        assertThat(PDF_SERVICE.authorizations()).hasSize(callsBefore);
    }

    private static DocumentClient clientWithTokensFrom(TestIdentityProvider provider, String secret) {
        ServiceTokens tokens = new ClientCredentialsServiceTokens("tracking-service", secret, provider.tokenUri(),
                ClientCredentialsServiceTokens.tokenEndpointClient(RestClient.builder(), Duration.ofSeconds(2),
                        Duration.ofSeconds(5)), Clock.systemUTC());
        return new DocumentClient(ServiceRestClients.to(RestClient.builder(), PDF_SERVICE.url(), Duration.ofSeconds(2),
                Duration.ofSeconds(5)), tokens);
    }

    static DocumentClient clientOf(String url, Duration readTimeout) {
        return new DocumentClient(ServiceRestClients.to(RestClient.builder(), url, Duration.ofSeconds(2), readTimeout),
                TOKENS);
    }

    private static DocumentFetchException fetchFailure(DocumentClient client, String documentId) {
        return catchThrowableOfType(DocumentFetchException.class, () -> client.fetch(documentId));
    }
}

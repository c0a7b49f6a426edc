package com.invoicedelivery.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.invoicedelivery.invoice.testing.ServiceScenarios;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.kit.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Requests broken below the JSON: a Content-Type naming no concrete type, a multipart body without a boundary, a
 * path the firewall refuses. Each is the client's error, answered as a problem, never a 500.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "invoice.links.base-url=http://links.test")
class BrokenRequestIntegrationTest extends ServiceScenarios {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1} with Content-Type {2} answers {3}")
    @CsvSource(delimiter = '|', value = {
            "PUT  | /api/settings/links | application/*       | 415",
            "PUT  | /api/settings/email | application/*       | 415",
            "POST | /api/imports        | application/*       | 415",
            "POST | /api/clients        | */*                 | 415",
            "POST | /api/clients        | multipart/form-data | 400",
            "POST | /api/sends/preview  | multipart/form-data | 400"})
    void aBrokenContentTypeOrMultipartBodyIsAProblemNotAServerError(String method, String path, String contentType,
                                                                   int status) throws Exception {
        HttpResponse<String> response = send(method, path, contentType);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @ParameterizedTest(name = "{0} is a 400 problem")
    @CsvSource({"/api//clients", "/api/clients;x=1", "/api/%2e%2e/api/clients"})
    void aPathTheFirewallRefusesIsAProblem(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private HttpResponse<String> send(String method, String path, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.admin("broken-requests"));
        if (contentType == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString("--x\r\n\r\n{}"));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package com.invoicedelivery.kit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.invoicedelivery.kit.testing.OpenApiResponses;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.kit.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/** The kit's response validator, on the sample service's live OpenAPI document: it passes what the service really
 * answers and fails what the document does not give. */
@ServiceIntegrationTest
@TestPropertySource(properties = "spring.application.name=kit-sample")
class OpenApiResponsesIntegrationTest {

    @Value("${local.server.port}")
    int port;

    private OpenApiResponses responses;

    @BeforeEach
    void readTheDocument() {
        responses = new OpenApiResponses(Map.of("kit-sample", "http://localhost:" + port));
    }

    @Test
    void aRealAnswerOfADocumentedOperationPassesAndCountsAsCovered() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/greetings"))
                .header("Authorization", "Bearer " + TestTokens.user("acme"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ana\",\"email\":\"ana@acme.example\"}")));

        responses.check("POST", answer.uri(), answer.statusCode(), contentType(answer), answer.body());

        assertThat(responses.covered()).containsKey("kit-sample POST /api/greetings");
    }

    @Test
    void aRefusalIsADocumentedProblemAnswer() throws Exception {
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/notes/n-1")).GET());
        HttpResponse<String> invalid = send(HttpRequest.newBuilder(uri("/api/greetings"))
                .header("Authorization", "Bearer " + TestTokens.user("acme"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"\"}")));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(invalid.statusCode()).isEqualTo(400);
        responses.check("GET", refused.uri(), 401, contentType(refused), refused.body());
        responses.check("POST", invalid.uri(), 400, contentType(invalid), invalid.body());
    }

    @Test
    void aStatusTheDocumentDoesNotGiveForTheOperationFailsTheCheck() {
        assertThatThrownBy(() -> responses.check("GET", uri("/api/notes/n-1"), 409, "application/problem+json",
                "{\"title\":\"Conflict\",\"status\":409}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/notes/{id}")
                .hasMessageContaining("a status its OpenAPI document does not give");
    }

    @Test
    void aBodyThatBreaksTheOperationsSchemaFailsTheCheck() {
        assertThat(responses.problems("POST", uri("/api/greetings"), 200, "application/json",
                "{\"name\":[\"not\",\"a\",\"string\"],\"tags\":\"not a list\"}"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("POST /api/greetings"));
        assertThat(responses.problems("GET", uri("/api/notes/n-1"), 404, "application/problem+json",
                "{\"title\":404,\"status\":\"not a number\"}"))
                .as("a problem body that is not a problem document").isPresent();
    }

    @Test
    void theCoverageListNamesTheOperationsNobodyCalled(@TempDir Path dir) throws Exception {
        responses.check("GET", uri("/api/notes/n-1"), 401, "application/problem+json",
                "{\"type\":\"https://invoicedelivery.com/problems/unauthorized\",\"title\":\"Unauthorized\",\"status\":401}");
        Path file = dir.resolve("coverage.txt");

        responses.writeCoverage(file);

        assertThat(Files.readAllLines(file))
                .contains("covered   kit-sample GET /api/notes/{id} [401]", "uncovered kit-sample POST /api/greetings");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse(null);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

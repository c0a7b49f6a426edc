package com.invoicedelivery.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The cluster's setting: operations reach the services inside the cluster, never through the public gateway. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.expose-operations=false")
class OperationsNotExposedTest {

    static final StubServices STUBS = StubServices.start();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubServices.NAMES.forEach(name -> registry.add("gateway.services." + name, () -> STUBS.url(name)));
    }

    @AfterAll
    static void stopStubs() {
        STUBS.close();
    }

    @BeforeEach
    void forgetRequests() {
        STUBS.received.clear();
    }

    @Test
    void operationsPathsAre404ProblemsAndNeverRouted() throws Exception {
        for (String path : new String[] {"/api/operations/invoice/dead-letters", "/api/operations/tenants/acme",
                "/api/operations/dispatch/tenants/t/sends/s/retry"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(STUBS.received).isEmpty();
    }

    @Test
    void theDocumentsDoNotPublishThem() throws Exception {
        JsonNode combined = StubServices.JSON.readTree(get("/v3/api-docs/combined").body());

        assertThat(combined.path("paths").propertyNames()).containsExactlyInAnyOrder("/api/invoices/{invoiceId}",
                "/api/emails/{id}", "/api/client-page/logo");
    }

    @Test
    void theRestIsRoutedAsEverywhere() throws Exception {
        assertThat(get("/api/invoices").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer t").timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package com.invoicedelivery.kit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.invoicedelivery.kit.messaging.CloudEventHeaders;
import com.invoicedelivery.kit.messaging.OutboxDocuments;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.kit.security.RememberedTokens;
import com.invoicedelivery.kit.security.ServiceTokens;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.kit.testing.TestTokens;
import com.invoicedelivery.kit.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.TestPropertySource;

@ServiceIntegrationTest
@TestPropertySource(properties = "spring.application.name=kit-sample")
class ServiceKitIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    /** This context's broker: the brokers property is a system property, which a later context's broker replaces. */
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;
    @Autowired
    ApplicationContext context;

    @Test
    void aCallWithoutATokenGetsAProblem() throws Exception {
        HttpResponse<String> response = get("/api/me", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void aTokenWithTheRightIssuerSignedWithAnotherKeyIsRefused() throws Exception {
        assertThat(get("/api/me", TestTokens.forged("acme")).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenOfTheIdentityProviderForThisServiceIsAccepted() throws Exception {
        String token = TestTokens.tokenFor(List.of("kit-sample"), "user@acme", "acme", "tenant_user");
        assertThat(get("/api/me", token).statusCode()).isEqualTo(200);
    }

    @Test
    void theDecoderBootBuiltIsWrappedSoATokenPresentedAgainIsNotVerifiedAgain() throws Exception {
        assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(RememberedTokens.class);
        String token = TestTokens.tokenFor(List.of("kit-sample"), "user@acme", "acme", "tenant_user");
        assertThat(get("/api/me", token).statusCode()).isEqualTo(200);
        assertThat(get("/api/me", token).statusCode()).isEqualTo(200);
        // still refused: for another service, and forged (checked anew, not taken for a remembered one)
        assertThat(get("/api/me", TestTokens.tokenFor(List.of("pdf-service"), "user@acme", "acme", "tenant_user"))
                .statusCode()).isEqualTo(401);
        assertThat(get("/api/me", TestTokens.forged("acme")).statusCode()).isEqualTo(401);
    }

    @Test
    void theOAuthClientAddsNoLoginPagesOrRedirectsBesideTheApiChain() throws Exception {
        assertThat(context.getBeansOfType(ServiceTokens.class)).as("the test gives every service a client secret")
                .hasSize(1);
        assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("platformApiSecurity");
        for (String path : List.of("/login", "/oauth2/authorization/pdf-service", "/login/oauth2/code/pdf-service")) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Location")).as(path).isEmpty();
        }
    }

    @Test
    void aWellSignedTokenWithoutAnExpiryOrFromAnotherIssuerOrNamingNoneOrForAnotherServiceIsRefused() throws Exception {
        Instant now = Instant.now();
        Map<String, Object> good = Map.of("iss", TestTokens.ISSUER, "sub", "user@acme", "aud", List.of("kit-sample"),
                "iat", now, "exp", now.plusSeconds(600), "tenant", "acme", "roles", List.of("tenant_admin"));
        assertThat(get("/api/me", TestTokens.signedWithClaims(good)).statusCode()).as("the same claims, all there")
                .isEqualTo(200);

        Map<String, Map<String, Object>> bad = Map.of(
                "no expiry", without(good, "exp"),
                "no issuer", without(good, "iss"),
                "another issuer", with(good, "iss", "https://evil.example/"),
                "no audience", without(good, "aud"),
                "another service's audience only", with(good, "aud", List.of("pdf-service")),
                "an empty audience", with(good, "aud", List.of()),
                "expired", with(with(good, "iat", now.minusSeconds(7200)), "exp", now.minusSeconds(3600)));
        for (Map.Entry<String, Map<String, Object>> token : bad.entrySet()) {
            HttpResponse<String> response = get("/api/me", TestTokens.signedWithClaims(token.getValue()));
            assertThat(response.statusCode()).as(token.getKey()).isEqualTo(401);
            assertThat(response.body()).as(token.getKey()).doesNotContain("acme");
        }
    }

    private static Map<String, Object> without(Map<String, Object> claims, String name) {
        Map<String, Object> changed = new HashMap<>(claims);
        changed.remove(name);
        return changed;
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> changed = new HashMap<>(claims);
        changed.put(name, value);
        return changed;
    }

    @Test
    void theCallerIsTheTokensTenant() throws Exception {
        HttpResponse<String> response = get("/api/me", TestTokens.user("acme"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"acme\"");
    }

    @Test
    void aTokenWithoutTenantMayNotUseTenantEndpoints() throws Exception {
        assertThat(get("/api/me", TestTokens.operations()).statusCode()).isEqualTo(403);
    }

    @Test
    void internalEndpointsAreForServicesOnly() throws Exception {
        assertThat(get("/internal/ping", TestTokens.admin("acme")).statusCode()).isEqualTo(403);
        assertThat(get("/internal/ping", TestTokens.service()).statusCode()).isEqualTo(200);
    }

    @Test
    void actuatorHealthIsOpenButTheRestIsForOperations() throws Exception {
        assertThat(managementGet("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(managementGet("/actuator/metrics", TestTokens.admin("acme")).statusCode()).isEqualTo(403);
        assertThat(managementGet("/actuator/metrics", TestTokens.operations()).statusCode()).isEqualTo(200);
    }

    @Test
    void actuatorIsOnItsOwnPortAndTheApiPortServesNoneOfIt() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/metrics", TestTokens.operations()).statusCode()).isEqualTo(404);
        assertThat(managementGet("/api/me", TestTokens.user("acme")).statusCode()).isEqualTo(404);
    }

    @Test
    void infoIsOpenLikeHealth() throws Exception {
        assertThat(managementGet("/actuator/info", null).statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusScrapesAreForOperationsAndEveryMeterNamesTheService() throws Exception {
        assertThat(managementGet("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(managementGet("/actuator/prometheus", TestTokens.admin("acme")).statusCode()).isEqualTo(403);
        HttpResponse<String> scrape = managementGet("/actuator/prometheus", TestTokens.operations());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes{")
                .contains("outbox_pending_documents{collection=\"samples\",service=\"kit-sample\"}")
                .contains("outbox_oldest_age_seconds{collection=\"samples\",service=\"kit-sample\"}");
        assertThat(scrape.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank()))
                .allMatch(line -> line.contains("service=\"kit-sample\""));
    }

    @Test
    void overallHealthIsUpOnTheEmbeddedStore() throws Exception {
        var health = managementGet("/actuator/health", null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void anAuthorisationRefusalInsideAControllerIsA403Problem() throws Exception {
        HttpResponse<String> response = get("/api/secrets", TestTokens.admin("acme"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"title\":\"Forbidden\"").doesNotContain("only for the owner");
    }

    @Test
    void aServiceMayRequireARoleOnItsPathsWhereAValidTokenWouldDo() throws Exception {
        assertThat(get("/api/notes/1", TestTokens.user("acme")).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = get("/api/notes/1", TestTokens.operations());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aServicesRulesApplyInTheirOrderSoAMethodRuleBeforeAWiderOneDecides() throws Exception {
        assertThat(put("/api/notes/1", TestTokens.user("acme")).statusCode()).isEqualTo(403);
        assertThat(put("/api/notes/1", TestTokens.admin("acme")).statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDoesNotTakeTheCallerForARequestParameter() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/me").doesNotContain("\"name\":\"caller\"");
    }

    @Test
    void anUnknownFieldIsNamed() throws Exception {
        HttpResponse<String> response = post("/api/greetings", "{\"name\":\"a\",\"colour\":\"red\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"colour\"").contains("not a known field");
    }

    @Test
    void aWrongTypeIsNamedWithItsPath() throws Exception {
        HttpResponse<String> response = post("/api/greetings", "{\"name\":\"a\",\"tags\":[\"x\",{\"y\":1}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"tags[1]\"");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeAnybodyReadsIt() throws Exception {
        HttpResponse<String> response = post("/api/greetings", "{\"name\":\"" + "x".repeat(1_100_000) + "\"}");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"maxBytes\":1048576");
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() throws Exception {
        HttpResponse<String> response = post("/api/greetings", "{\"name\":\"" + "x".repeat(1_000_000) + "\"}");
        assertThat(response.statusCode()).isNotEqualTo(413);
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/api/greetings", "{\"name\":");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"body\"");
    }

    @Test
    void aWildcardOrBrokenContentTypeIsAnUnsupportedMediaTypeProblem() throws Exception {
        for (String contentType : List.of("application/*", "*/*", "application/*+json", "not a media type")) {
            HttpResponse<String> response = send("POST", "/api/greetings", contentType, "{\"name\":\"a\"}");
            assertThat(response.statusCode()).as(contentType).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type")).as(contentType)
                    .hasValue("application/problem+json");
        }
    }

    @Test
    void aMultipartBodyWithoutABoundaryIsABadRequestProblem() throws Exception {
        for (String contentType : List.of("multipart/form-data", "multipart/form-data; boundary=")) {
            HttpResponse<String> response = send("POST", "/api/greetings", contentType, "--x\r\n\r\n");
            assertThat(response.statusCode()).as(contentType).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(contentType)
                    .hasValue("application/problem+json");
        }
    }

    @Test
    void aPathTheFirewallRefusesIsABadRequestProblem() throws Exception {
        for (String path : List.of("/api//me", "/api/me;jsessionid=1", "/api/%2e%2e/me")) {
            HttpResponse<String> response = get(path, TestTokens.user("acme"));
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(response.body()).as(path).contains("\"status\":400");
        }
    }

    @Test
    void aBrowserAskingForAPageGetsThePlainFirewallRefusal() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api//me"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).isNotEqualTo(Optional.of("application/problem+json"));
    }

    @Test
    void aLoneSurrogateInATextIsRefusedNotStoredAsAReplacementCharacter() throws Exception {
        for (String text : List.of("\\ud800", "a\\udc00", "\\udc00\\ud800")) {
            HttpResponse<String> response = post("/api/greetings", "{\"name\":\"" + text + "\"}");
            assertThat(response.statusCode()).as(text).isEqualTo(400);
            assertThat(response.body()).as(text).contains("\"field\":\"name\"");
        }
        assertThat(post("/api/greetings", "{\"name\":\"\\ud83d\\ude00\"}").body())
                .as("a surrogate pair is a character").contains("\"name\":\"\uD83D\uDE00\"");
    }

    @Test
    void aNumberOrABooleanIsNotAText() throws Exception {
        for (String value : List.of("1", "1.5", "true")) {
            HttpResponse<String> response = post("/api/greetings", "{\"name\":" + value + "}");
            assertThat(response.statusCode()).as(value).isEqualTo(400);
            assertThat(response.body()).as(value).contains("\"field\":\"name\"");
        }
        assertThat(post("/api/greetings", "{\"name\":\"a\",\"tags\":[1]}").statusCode()).isEqualTo(400);
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws Exception {
        HttpResponse<String> response = post("/api/greetings", "{\"name\":\"a\",\"name\":\"b\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aValidationFailureNamesTheField() throws Exception {
        HttpResponse<String> response = post("/api/greetings", "{\"name\":\"\",\"email\":\"not-an-address\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"name\"").contains("\"field\":\"email\"");
    }

    @Test
    void notFoundIsAProblem() throws Exception {
        HttpResponse<String> response = get("/api/things/42", TestTokens.user("acme"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Thing 42 was not found");
    }

    @Test
    void theRelayPublishesOutboxEntriesWithCloudEventHeadersAndRemovesThem() {
        String eventId = UUID.randomUUID().toString();
        OutboxEntry entry = new OutboxEntry(eventId, "kit.sample-events", "key-1", "SampleHappened", "acme",
                Instant.parse("2026-11-28T10:00:00Z"), 1, "{\"text\":\"Здравей\"}");
        Document sample = new Document("_id", "sample-1").append("state", "done");
        mongo.getConverter().write(new Holder(List.of(entry)), sample);
        OutboxDocuments.insertIfAbsent(mongo, sample, "samples");

        relay.kick("samples", "sample-1");

        // the probe reads once the relay is done: a probe first would create the topic with one partition, and the
        // binder's added partitions (and the record on one of them) would reach the probe only at its next metadata
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                mongo.findById("sample-1", Document.class, "samples")).doesNotContainKey(OutboxDocuments.PENDING));
        try (TopicProbe probe = new TopicProbe(kafka.getBrokersAsString(), "kit.sample-events")) {
            ConsumerRecord<String, String> record = probe.await(r -> r.key().equals("key-1"), Duration.ofSeconds(20));
            assertThat(record.value()).isEqualTo("{\"text\":\"Здравей\"}");
            assertThat(TopicProbe.header(record, CloudEventHeaders.ID)).isEqualTo(eventId);
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("com.invoicedelivery.SampleHappened");
            assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/invoice-delivery/kit-sample");
            assertThat(TopicProbe.header(record, CloudEventHeaders.TENANT)).isEqualTo("acme");
            assertThat(TopicProbe.header(record, CloudEventHeaders.TIME)).isEqualTo("2026-11-28T10:00:00Z");
            assertThat(TopicProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        }
        Document after = mongo.findById("sample-1", Document.class, "samples");
        assertThat(after.getList(OutboxEntry.FIELD, Document.class)).isEmpty();
        assertThat(after).doesNotContainKey(OutboxDocuments.LEASE);
        assertThat(after.getString("state")).isEqualTo("done");
    }

    record Holder(List<OutboxEntry> outbox) {
    }

    private HttpResponse<String> managementGet(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.user("acme"))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.user("acme"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

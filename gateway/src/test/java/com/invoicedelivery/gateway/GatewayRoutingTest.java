package com.invoicedelivery.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The gateway in front of four stub services: routes, the token, forwarded headers, CORS, problems, documents. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gateway.cors.allowed-origins=https://app.example.com", "platform.http.max-request-bytes=1000"})
class GatewayRoutingTest {

    static final StubServices STUBS = StubServices.start();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String TOKEN = "Bearer eyJ.test.token";

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

    @ParameterizedTest(name = "{0} {1} reaches {2} as {3}")
    @CsvSource({
            "GET,  /api/invoices/inv-1,                                 invoice,       /api/invoices/inv-1",
            "POST, /api/invoices/inv-1/send,                            invoice,       /api/invoices/inv-1/send",
            "GET,  /api/clients,                                        invoice,       /api/clients",
            "PUT,  /api/templates/en,                                   invoice,       /api/templates/en",
            "PUT,  /api/settings/email,                                 invoice,       /api/settings/email",
            "POST, /api/sends/preview,                                  invoice,       /api/sends/preview",
            "POST, /api/imports,                                        invoice,       /api/imports",
            "GET,  /api/suppressions,                                   invoice,       /api/suppressions",
            "GET,  /api/delivery/overview,                              invoice,       /api/delivery/overview",
            "GET,  /api/operations/tenants/acme,                        invoice,       /api/operations/tenants/acme",
            "GET,  /api/operations/sends,                               invoice,       /api/operations/sends",
            "GET,  /api/operations/delivery,                            invoice,       /api/operations/delivery",
            "GET,  /api/emails/e-1/source,                              mail-dispatch, /api/emails/e-1/source",
            "PUT,  /api/smtp-settings,                                  mail-dispatch, /api/smtp-settings",
            "GET,  /api/notification-settings,                          mail-dispatch, /api/notification-settings",
            "POST, /api/dispatch/sends/s-1/retry,                       mail-dispatch, /api/dispatch/sends/s-1/retry",
            "POST, /api/operations/dispatch/tenants/t/sends/s/retry,    mail-dispatch, /api/operations/dispatch/tenants/t/sends/s/retry",
            "PUT,  /api/client-page/logo,                               tracking,      /api/client-page/logo",
            "GET,  /l/abcdefghijklmnopqrstuv,                           tracking,      /l/abcdefghijklmnopqrstuv",
            "POST, /l/abcdefghijklmnopqrstuv/accept,                    tracking,      /l/abcdefghijklmnopqrstuv/accept",
            "GET,  /css/link-page.css,                                  tracking,      /css/link-page.css",
    })
    void eachPathReachesTheServiceThatOwnsItUnderItsOwnPath(String method, String path, String service,
                                                            String servicePath) throws Exception {
        HttpResponse<String> response = send(method, path, TOKEN, Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(STUBS.received).singleElement().satisfies(received -> {
            assertThat(received.service()).isEqualTo(service);
            assertThat(received.method()).isEqualTo(method);
            assertThat(received.path()).isEqualTo(servicePath);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"invoice", "pdf", "mail-dispatch", "tracking"})
    void theDeadLetterOperationsEveryServiceSharesHaveOnePublicPathPerService(String service) throws Exception {
        HttpResponse<String> list = send("GET", "/api/operations/" + service + "/dead-letters", TOKEN, Map.of());
        HttpResponse<String> replay = send("POST", "/api/operations/" + service + "/dead-letters/sendRequested-in-0/replay?limit=5",
                TOKEN, Map.of());

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(STUBS.received).extracting(StubServices.Received::service).containsExactly(service, service);
        assertThat(STUBS.received).extracting(StubServices.Received::path)
                .containsExactly("/api/operations/dead-letters", "/api/operations/dead-letters/sendRequested-in-0/replay");
        assertThat(StubServices.JSON.readTree(replay.body()).path("query").asString()).isEqualTo("limit=5");
    }

    @Test
    void theBearerTokenReachesTheServiceUnchanged() throws Exception {
        send("GET", "/api/invoices", TOKEN, Map.of());

        assertThat(STUBS.received).singleElement()
                .satisfies(received -> assertThat(received.headers().get("authorization")).containsExactly(TOKEN));
    }

    @Test
    void aRequestWithoutTokenGetsTheServicesOwn401ProblemThroughTheGateway() throws Exception {
        HttpResponse<String> response = send("GET", "/api/emails", null, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(StubServices.JSON.readTree(response.body()).path("service").asString()).isEqualTo("mail-dispatch");
    }

    @Test
    void theServiceIsToldWhereTheRequestCameFromAndWhichHostAndSchemeTheCallerUsed() throws Exception {
        send("GET", "/l/abcdefghijklmnopqrstuv", TOKEN, Map.of());
        // a proxy on this machine is trusted (GATEWAY_TRUSTED_PROXIES' default): the client it names is the client
        send("GET", "/l/abcdefghijklmnopqrstuv", TOKEN, Map.of("X-Forwarded-For", "203.0.113.9"));

        assertThat(STUBS.received.get(1).headers().get("x-forwarded-for")).containsExactly("203.0.113.9");
        StubServices.Received received = STUBS.received.get(0);
        assertThat(received.headers().get("x-forwarded-for")).containsExactly("127.0.0.1");
        assertThat(received.headers().get("x-forwarded-host")).containsExactly("localhost:" + port);
        assertThat(received.headers().get("x-forwarded-proto")).containsExactly("http");
        assertThat(received.headers().get("x-forwarded-port")).containsExactly(String.valueOf(port));
        assertThat(received.headers().get("forwarded")).singleElement().asString()
                .contains("proto=http").contains("host=\"localhost:" + port + "\"");
    }

    @Test
    void aPathNoRouteTakesIsA404ProblemAtTheGateway() throws Exception {
        HttpResponse<String> response = send("GET", "/api/no-such-thing", TOKEN, Map.of());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(StubServices.JSON.readTree(response.body()).path("status").asInt()).isEqualTo(404);
        assertThat(STUBS.received).isEmpty();
    }

    @Test
    void internalPathsAreNotRouted() throws Exception {
        HttpResponse<String> response = send("GET", "/internal/documents/doc-1", TOKEN, Map.of());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(STUBS.received).isEmpty();
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredAtTheGateway() throws Exception {
        HttpResponse<String> response = send("OPTIONS", "/api/invoices", null, Map.of("Origin", "https://app.example.com",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).get().asString().contains("POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).get().asString().containsIgnoringCase("authorization");
        assertThat(STUBS.received).as("a preflight never reaches a service").isEmpty();
    }

    @Test
    void aRequestFromAnAllowedOriginIsRoutedAndMayReadTheAnswer() throws Exception {
        HttpResponse<String> response = send("GET", "/api/invoices", TOKEN, Map.of("Origin", "https://app.example.com"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
    }

    @Test
    void anOriginNotConfiguredIsRefusedWithAProblemAndNothingIsRouted() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/api/invoices", null, Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST"));
        HttpResponse<String> actual = send("POST", "/api/invoices", TOKEN, Map.of("Origin", "https://evil.example"));

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(actual.statusCode()).isEqualTo(403);
        assertThat(actual.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(StubServices.JSON.readTree(actual.body()).path("type").asString()).endsWith("/cors-origin-refused");
        assertThat(STUBS.received).isEmpty();
    }

    @Test
    void aBodyReachesTheServiceWithItsDeclaredLengthNotChunked() throws Exception {
        String body = "{\"invoices\":[{\"invoiceId\":\"inv-1\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/sends"))).header("Authorization", TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(STUBS.received).singleElement().satisfies(received -> {
            assertThat(received.headers().get("content-length")).containsExactly(String.valueOf(body.length()));
            assertThat(received.headers()).doesNotContainKey("transfer-encoding");
            assertThat(received.bodyLength()).isEqualTo(body.length());
        });
    }

    @Test
    void aBodyLargerThanTheServicesAcceptIsRefusedBeforeItIsRouted() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/imports"))).header("Authorization", TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + "1,".repeat(600) + "1]")).build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(STUBS.received).isEmpty();
    }

    @Test
    void theSwaggerUiOpensOnTheCombinedDocumentAndListsEachServicesDocument() throws Exception {
        HttpResponse<String> page = send("GET", "/swagger-ui/index.html", null, Map.of());
        JsonNode config = StubServices.JSON.readTree(send("GET", "/v3/api-docs/gateway/swagger-config", null, Map.of()).body());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(config.path("urls").findValuesAsString("url")).containsExactlyInAnyOrder("/v3/api-docs/combined",
                "/v3/api-docs/invoice", "/v3/api-docs/mail-dispatch", "/v3/api-docs/tracking", "/v3/api-docs/pdf");
        assertThat(config.path("urls.primaryName").asString()).isEqualTo("combined");
    }

    @Test
    void aServicesDocumentIsPublishedWithTheGatewaysPathsAndTheGatewayAsServer() throws Exception {
        JsonNode pdf = StubServices.JSON.readTree(send("GET", "/v3/api-docs/pdf", null, Map.of()).body());

        assertThat(names(pdf.path("paths"))).containsExactly("/api/operations/pdf/dead-letters",
                "/api/operations/pdf/dead-letters/{binding}/replay");
        assertThat(pdf.path("servers").findValuesAsString("url")).containsExactly("/");
    }

    @Test
    void anUnknownServicesDocumentIsA404Problem() throws Exception {
        HttpResponse<String> response = send("GET", "/v3/api-docs/billing", null, Map.of());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theCombinedDocumentHasEveryServicesPublicPathsAndNoInternalOne() throws Exception {
        JsonNode combined = StubServices.JSON.readTree(send("GET", "/v3/api-docs/combined", null, Map.of()).body());

        assertThat(names(combined.path("paths"))).containsExactlyInAnyOrder(
                "/api/invoices/{invoiceId}", "/api/emails/{id}", "/api/client-page/logo",
                "/api/operations/invoice/dead-letters", "/api/operations/invoice/dead-letters/{binding}/replay",
                "/api/operations/pdf/dead-letters", "/api/operations/pdf/dead-letters/{binding}/replay",
                "/api/operations/mail-dispatch/dead-letters", "/api/operations/mail-dispatch/dead-letters/{binding}/replay",
                "/api/operations/tracking/dead-letters", "/api/operations/tracking/dead-letters/{binding}/replay");
        assertThat(combined.path("servers").findValuesAsString("url")).containsExactly("/");
        assertThat(combined.path("components").path("securitySchemes").has("bearer")).isTrue();
    }

    @Test
    void schemasTwoServicesDefineDifferentlyKeepBothUnderTheServicesNamesAndSharedOnesStayOne() throws Exception {
        JsonNode combined = StubServices.JSON.readTree(send("GET", "/v3/api-docs/combined", null, Map.of()).body());

        assertThat(names(combined.path("components").path("schemas"))).contains("Problem", "invoice.View",
                "tracking.View", "mail-dispatch.View").doesNotContain("View");
        assertThat(combined.path("paths").path("/api/invoices/{invoiceId}").path("get").path("responses").path("200")
                .path("content").path("application/json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/invoice.View");
        // operation ids several services share get the service's name; one id is one operation
        List<String> ids = combined.path("paths").findValuesAsString("operationId");
        assertThat(ids).doesNotHaveDuplicates().contains("invoiceDeadLetters", "mailDispatchReplay");
    }

    @Test
    void everyPathOfTheCombinedDocumentReachesTheServiceThatPublishedIt() throws Exception {
        for (String service : StubServices.NAMES) {
            JsonNode document = StubServices.JSON.readTree(send("GET", "/v3/api-docs/" + service, null, Map.of()).body());
            for (String path : names(document.path("paths"))) {
                STUBS.received.clear();
                String method = document.path("paths").path(path).propertyNames().iterator().next().toUpperCase();
                HttpResponse<String> response = send(method, path.replaceAll("\\{[^}]+}", "x"), TOKEN, Map.of());
                assertThat(response.statusCode()).as(service + " " + method + " " + path).isEqualTo(200);
                assertThat(STUBS.received).as(path).singleElement()
                        .satisfies(received -> assertThat(received.service()).isEqualTo(service));
            }
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> send(String method, String path, String token, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", token);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

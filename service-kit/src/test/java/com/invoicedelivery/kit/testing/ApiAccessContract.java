package com.invoicedelivery.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Value;

/**
 * Who may call which path of a service, as tables: every other caller must be refused (401 without a token, 403
 * with one). A service's integration test implements this interface next to the base class it already extends, so
 * the tables run in the context the service's other tests share.
 *
 * <p>{@link #documentedOperations()} names, for every operation of the service's OpenAPI document
 * ({@code /v3/api-docs}, read from the running service), the callers it is for; the operations tried are the
 * document's, so an endpoint added without a row fails {@link #everyDocumentedOperationHasARowAndEveryRowAnOperation}
 * and is then tried with every caller like the others. {@link #accessContract()} adds concrete requests the document
 * does not describe (internal and actuator paths, the client's pages, paths nobody declared) and exact answers.
 * The platform denies by default: a row that opens an operation to a caller says so on purpose.
 */
public interface ApiAccessContract {

    /**
     * The port of the service under test: Spring's test extension hands it to the test methods below, so the tests
     * implementing this interface need no field or accessor for it.
     */
    String PORT = "${local.server.port}";

    /** Actuator's own port (the API's + 1000 in a deployment, random in tests): rows of {@code /actuator} paths go there. */
    String MANAGEMENT_PORT = "${local.management.port}";

    /** The kinds of caller the table speaks of; the tenant ones carry {@link #accessContractTenant()}. */
    enum Caller {
        /** No bearer token at all. */
        NONE(tenant -> null),
        /** A valid token for the tenant with no roles: {@code "roles": []}. */
        NO_ROLES(tenant -> TestTokens.token("nobody@" + tenant, tenant)),
        TENANT_USER(TestTokens::user),
        TENANT_ADMIN(TestTokens::admin),
        OPERATIONS(tenant -> TestTokens.operations()),
        SERVICE(tenant -> TestTokens.service());

        private final Function<String, String> token;

        Caller(Function<String, String> token) {
            this.token = token;
        }

        String token(String tenant) {
            return token.apply(tenant);
        }
    }

    /** The callers a tenant-user path is for: a tenant admin is a tenant user too. */
    Set<Caller> TENANT = EnumSet.of(Caller.TENANT_USER, Caller.TENANT_ADMIN);

    /**
     * One row: a request and who may make it. A caller it is for gets past security (not 401, not 403, and never a
     * server error); if {@code allowedStatus} is set, exactly that status.
     */
    record PathAccess(String method, String path, String body, Set<Caller> allowed, Integer allowedStatus) {

        public static PathAccess get(String path) {
            return new PathAccess("GET", path, null, Set.of(), null);
        }

        public static PathAccess post(String path) {
            return new PathAccess("POST", path, "{}", Set.of(), null);
        }

        public static PathAccess put(String path) {
            return new PathAccess("PUT", path, "{}", Set.of(), null);
        }

        public static PathAccess delete(String path) {
            return new PathAccess("DELETE", path, null, Set.of(), null);
        }

        public PathAccess body(String json) {
            return new PathAccess(method, path, json, allowed, allowedStatus);
        }

        public PathAccess allows(Caller first, Caller... more) {
            return new PathAccess(method, path, body, EnumSet.of(first, more), allowedStatus);
        }

        public PathAccess allows(Set<Caller> callers) {
            return new PathAccess(method, path, body, EnumSet.copyOf(callers), allowedStatus);
        }

        public PathAccess open() {
            return allows(EnumSet.allOf(Caller.class));
        }

        /** Nobody at all: the path must be refused to every caller. */
        public PathAccess closed() {
            return new PathAccess(method, path, body, Set.of(), allowedStatus);
        }

        /** The status an allowed caller gets, e.g. 200 for a listing. */
        public PathAccess answering(int status) {
            return new PathAccess(method, path, body, allowed, status);
        }
    }

    /** Extra rows, for requests the OpenAPI document does not describe; each is tried with every {@link Caller}. */
    List<PathAccess> accessContract();

    /**
     * Every operation of the service's OpenAPI document, keyed {@code "METHOD /path/{template}"} exactly as the
     * document writes the path, with the callers it is for.
     */
    Map<String, Set<Caller>> documentedOperations();

    /** The tenant of the tenant callers' tokens: one no other test uses, since allowed calls may change it. */
    default String accessContractTenant() {
        return "access-contract";
    }

    @TestFactory
    default Stream<DynamicTest> everyPathAnswersEachKindOfCallerAsTheContractSays(@Value(PORT) int port,
            @Value(MANAGEMENT_PORT) int managementPort) {
        HttpClient http = HttpClient.newHttpClient();
        return accessContract().stream().flatMap(row -> Stream.of(Caller.values()).map(caller ->
                DynamicTest.dynamicTest(row.method() + " " + row.path() + " as " + caller
                                + (row.allowed().contains(caller) ? " is let in" : " is refused"),
                        () -> check(http, row.path().startsWith("/actuator") ? managementPort : port, row, caller,
                                null))));
    }

    @Test
    default void everyDocumentedOperationHasARowAndEveryRowAnOperation(@Value(PORT) int port) throws Exception {
        Set<String> documented = DocumentedOperations.read(port).stream()
                .map(DocumentedOperations.Operation::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).as("the OpenAPI document at /v3/api-docs lists operations").isNotEmpty();
        assertThat(new TreeSet<>(documentedOperations().keySet()))
                .as("documentedOperations() against the service's OpenAPI document")
                .containsExactlyElementsOf(documented);
    }

    /**
     * The document itself keeps the repository's OpenAPI rules ({@code docs/api/.spectral.yaml}: Spectral's own,
     * plus operation ids, descriptions, roles, and every error a problem document); it is left in
     * {@code target/openapi/<service>.json} for a look.
     */
    @Test
    default void theOpenApiDocumentKeepsTheRepositorysLintRules(@Value(PORT) int port,
            @Value("${spring.application.name}") String serviceName) throws Exception {
        OpenApiLint.lint(OpenApiLint.writeDocument(serviceName, port));
    }

    /**
     * Each operation of the OpenAPI document, with its path variables and required query parameters filled with
     * values that name nothing (or an enum's first value) and a {@code {}} body where it takes one, tried as every
     * kind of caller. An allowed caller gets past security: not 401 or 403 and never a server error (the answer is
     * often 400 or 404, which is the point: the request reached the handler).
     */
    @TestFactory
    default Stream<DynamicTest> everyDocumentedOperationAnswersEachKindOfCallerAsTheTableSays(@Value(PORT) int port)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Set<Caller>> table = documentedOperations();
        // each answer must also be one the document gives for the operation (status, problem body)
        OpenApiResponses documented = new OpenApiResponses(Map.of("service under test", "http://localhost:" + port));
        return DocumentedOperations.read(port).stream().flatMap(operation -> {
            Set<Caller> allowed = table.get(operation.key());
            PathAccess row = new PathAccess(operation.method(), operation.examplePath(),
                    operation.takesBody() ? "{}" : null, allowed == null ? Set.of() : allowed, null);
            return Stream.of(Caller.values()).map(caller -> DynamicTest.dynamicTest(
                    operation.key() + " as " + caller + (row.allowed().contains(caller) ? " is let in" : " is refused"),
                    () -> {
                        assertThat(allowed).as(operation.key() + " has no row in documentedOperations()").isNotNull();
                        check(http, port, row, caller, documented);
                    }));
        });
    }

    /** The response check itself fails on an answer the document does not give for a real operation. */
    @Test
    default void anAnswerTheDocumentDoesNotGiveForARealOperationFailsTheResponseCheck(@Value(PORT) int port)
            throws Exception {
        String base = "http://localhost:" + port;
        OpenApiResponses documented = new OpenApiResponses(Map.of("service under test", base));
        DocumentedOperations.Operation operation = DocumentedOperations.read(port).get(0);

        assertThatThrownBy(() -> documented.check(operation.method(), URI.create(base + operation.examplePath()), 418,
                "application/problem+json", "{\"title\":\"I'm a teapot\",\"status\":418}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(operation.key().substring(operation.method().length() + 1))
                .hasMessageContaining("a status its OpenAPI document does not give");
    }

    private void check(HttpClient http, int port, PathAccess row, Caller caller, OpenApiResponses documented)
            throws Exception {
        URI uri = URI.create("http://localhost:" + port + row.path());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        String token = caller.token(accessContractTenant());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (row.body() != null) {
            request.header("Content-Type", "application/json")
                    .method(row.method(), HttpRequest.BodyPublishers.ofString(row.body()));
        } else {
            request.method(row.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        String what = row.method() + " " + row.path() + " as " + caller + " answered " + status + ": "
                + response.body();
        if (documented != null) {
            documented.check(row.method(), uri, status, response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        }
        if (row.allowed().contains(caller)) {
            if (row.allowedStatus() != null) {
                assertThat(status).as(what).isEqualTo(row.allowedStatus());
            } else {
                assertThat(status).as(what).isNotIn(401, 403).isLessThan(500);
            }
        } else {
            assertThat(status).as(what).isEqualTo(caller == Caller.NONE ? 401 : 403);
            assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
        }
    }
}

package com.invoicedelivery.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.invoicedelivery.invoice.testing.RestCalls;
import com.invoicedelivery.invoice.testing.ServiceScenarios;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of this service's OpenAPI document that takes a JSON body, fed broken JSON, wrong JSON types,
 * unknown fields, oversized strings and arrays (the payloads of the platform's end-to-end fuzzing): each answer is a
 * 4xx problem, never a 5xx or a 2xx, and the tenant's data stays as it was. Generated from the document, so a new
 * endpoint is covered when it appears.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "invoice.links.base-url=http://links.test")
class MalformedInputIntegrationTest extends ServiceScenarios {

    private static final List<String> MALFORMED = List.of("{", "}", "[", "{\"a\":}", "{\"a\" 1}", "nul", "tru",
            "{'single':'quotes'}", "{\"a\":1,}", "[1,2,]", "\u0000", "{\"a\":\"\\u12\"}", "{\"a\":01}", "{}}",
            "{\"a\":NaN}", "<xml/>", "a=b&c=d", "\"unterminated", "{\"a\":[}", "{{}}", "[]]", "{\"\":", "--",
            "{\"a\":1e99999999999}", "\uFEFF{", "{\"a\":\"\uD800\"}", "{,}", "{:}", "[]", "[{}]", "123", "-1",
            "\"text\"", "true", "1.5", "[[[]]]", "{\"unknownField\":1}");
    private static final String HUGE_STRING = "\"" + "Щ".repeat(100_000) + "\"";
    private static final String HUGE_ARRAY = "[" + "\"a\",".repeat(20_000) + "\"a\"]";

    @Test
    void everyJsonBodyOperationRefusesMalformedAndOversizedPayloadsWithAProblemAndChangesNothing() {
        TestTenant tenant = newTenant("Фъз ООД");
        String clientId = newClient(tenant.api(), List.of("fuzz@e2e.example"), "BG");
        String invoiceId = issuedInvoice(tenant.api(), clientId).get("id").asString();
        String sendId = tenant.api().post("/api/invoices/" + invoiceId + "/send", Map.of()).expect(202)
                .get("sendId").asString();
        Map<String, String> ids = Map.of("invoiceId", invoiceId, "clientId", clientId, "sendId", sendId,
                "tenantId", tenant.id(), "language", "BG");
        List<String> before = snapshot(tenant.api(), invoiceId, sendId);
        JsonNode document = operations().as(null).get("/v3/api-docs").expect(200);

        List<String> failures = new ArrayList<>();
        int cases = 0;
        Random random = new Random(20261129L);
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode body = operation.getValue().path("requestBody").path("content").path("application/json");
                if (body.isMissingNode()) {
                    continue;
                }
                RestCalls caller = callerFor(path.getKey(), tenant);
                String url = resolve(path.getKey(), ids);
                for (String payload : payloads(properties(document, body.path("schema")), random)) {
                    cases++;
                    check(caller, operation.getKey().toUpperCase(), url, payload, failures);
                }
            }
        }

        assertThat(failures).as(failures.size() + " of " + cases + " cases").isEmpty();
        assertThat(cases).isGreaterThan(500);
        assertThat(snapshot(tenant.api(), invoiceId, sendId)).isEqualTo(before);
    }

    private RestCalls callerFor(String path, TestTenant tenant) {
        return path.startsWith("/api/operations") ? operations() : tenant.api();
    }

    private static void check(RestCalls caller, String method, String url, String payload, List<String> failures) {
        RestCalls.Response answer = caller.raw(method, url, payload);
        String shown = payload.length() > 60 ? payload.substring(0, 60) + "… (" + payload.length() + " chars)" : payload;
        if (answer.status() < 400 || answer.status() >= 500) {
            failures.add(method + " " + url + " with " + shown + ": HTTP " + answer.status());
        } else if (!String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json")) {
            failures.add(method + " " + url + " with " + shown + ": no problem body");
        }
    }

    private static List<String> payloads(Map<String, String> properties, Random random) {
        List<String> payloads = new ArrayList<>(MALFORMED);
        payloads.add("{\"" + "k".repeat(10_000) + "\":1}");
        payloads.add("[" + "1,".repeat(200_000) + "1]");
        payloads.add("{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
        payloads.add("{\"blob\":\"" + "x".repeat(1_500_000) + "\"}");
        properties.forEach((name, type) -> impossibleValues(type).forEach(impossible -> {
            payloads.add("{\"" + name + "\":" + impossible + "}");
            if (impossible.length() < 1_000) {
                // the oversized values are refused for their size alone; the short ones also beside an unknown field
                payloads.add("{\"" + name + "\":" + impossible + ",\"unknownField\":true}");
            }
        }));
        for (int i = 0; i < 10; i++) {
            StringBuilder garbage = new StringBuilder("{\u0001");
            random.ints(1 + random.nextInt(200), 0x20, 0x7f).forEach(c -> garbage.append((char) c));
            payloads.add(garbage.toString());
        }
        return payloads;
    }

    private static List<String> impossibleValues(String type) {
        return switch (type) {
            case "array" -> List.of("\"not-a-list\"", "{\"$gt\":\"\"}", "12", HUGE_ARRAY, "[" + HUGE_STRING + "]",
                    "[{\"$where\":\"1\"}]");
            case "object" -> List.of("\"not-an-object\"", "[1]", "42", "{\"unknownField\":{}}", HUGE_STRING);
            case "integer", "number" -> List.of("\"abc\"", "{}", "[]", "1e400000", "\"" + "9".repeat(5_000) + "\"");
            case "boolean" -> List.of("\"maybe\"", "{}", "[]", "2");
            default -> List.of("{}", "{\"$gt\":\"\"}", "[\"a\",\"b\"]", HUGE_STRING, "[" + HUGE_STRING + "]");
        };
    }

    /** Each top-level property of the body's schema, with its JSON type. */
    private static Map<String, String> properties(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        JsonNode resolved = ref.isEmpty() ? schema
                : document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        Map<String, String> properties = new LinkedHashMap<>();
        resolved.path("properties").properties().forEach(property -> properties.put(property.getKey(),
                property.getValue().path("type").asString(property.getValue().has("$ref") ? "object" : "string")));
        return properties;
    }

    private static String resolve(String path, Map<String, String> ids) {
        String resolved = path;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
        }
        return resolved;
    }

    private static List<String> snapshot(RestCalls tenant, String invoiceId, String sendId) {
        return List.of(tenant.get("/api/clients").expect(200).toString(), tenant.get("/api/invoices").expect(200).toString(),
                tenant.get("/api/invoices/" + invoiceId + "/sends").expect(200).toString(),
                tenant.get("/api/sends/" + sendId).expect(200).toString(), tenant.get("/api/settings").expect(200).toString(),
                tenant.get("/api/templates").expect(200).toString());
    }
}

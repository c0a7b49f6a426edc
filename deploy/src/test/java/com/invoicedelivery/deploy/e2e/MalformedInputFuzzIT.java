package com.invoicedelivery.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.kit.security.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Malformed and oversized payloads for every operation that takes a JSON body, as the resource's own tenant (so the
 * request gets past security to the validation): never a 5xx, always a problem body, and nothing changes.
 * Every payload is invalid by construction (broken JSON, a wrong JSON type, far over any limit, an unknown field;
 * never an empty body or {@code null}, which an optional body accepts), so any 2xx is a failure too. The random part is seeded: a failure names its case and repeats.
 */
@ExtendWith(PlatformExtension.class)
class MalformedInputFuzzIT {

    private static final long SEED = 20261129L;
    private static final String HUGE_STRING = "Щ".repeat(100_000);
    private static final List<String> MALFORMED = List.of("{", "}", "[", "{\"a\":}", "{\"a\" 1}", "nul", "tru",
            "{'single':'quotes'}", "{\"a\":1,}", "[1,2,]", "\u0000", "{\"a\":\"\\u12\"}", "{\"a\":01}", "{}}",
            "{\"a\":NaN}", "<xml/>", "a=b&c=d", "\"unterminated", "{\"a\":[}", "{{}}", "[]]", "{\"\":",
            "--", "{\"a\":1e99999999999}", "\uFEFF{", "{\"a\":\"\uD800\"}", "{,}", "{:}");
    private static final List<String> WRONG_TOP_LEVEL = List.of("[]", "[{}]", "123", "-1", "\"text\"", "true",
            "1.5", "[[[]]]");

    private final LocalPlatform platform;

    MalformedInputFuzzIT(LocalPlatform platform) {
        this.platform = platform;
    }

    @Test
    void malformedAndOversizedPayloadsAreRefusedWithAProblemAndChangeNothing() {
        TenantWithHistory owner = TenantWithHistory.create(platform, "fuzz-owner");
        List<String> before = owner.snapshot();
        Random random = new Random(SEED);

        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (PlatformService service : PlatformService.values()) {
            for (ApiOperations.Operation operation : ApiOperations.of(service.module(), platform.url(service))) {
                if (!operation.jsonBody()) {
                    continue;
                }
                String url = operation.baseUrl() + operation.resolve(owner::idFor);
                String token = tokenFor(operation, owner);
                for (String payload : payloads(operation, random)) {
                    cases++;
                    check(operation, url, token, payload, failures);
                }
            }
        }

        assertThat(failures).as(failures.size() + " of " + cases + " cases").isEmpty();
        assertThat(cases).isGreaterThanOrEqualTo(1_000);
        assertThat(owner.snapshot()).as("the owner's data after the fuzzing").isEqualTo(before);
    }

    private String tokenFor(ApiOperations.Operation operation, TenantWithHistory owner) {
        if (operation.path().startsWith("/api/operations")) {
            return platform.identity().tokenFor("fuzz-operator", null, List.of(Roles.OPERATIONS));
        }
        if (operation.path().startsWith("/internal")) {
            return platform.identity().serviceToken("fuzz-service", operation.service());
        }
        return platform.identity().tokenFor("user@" + owner.tenant.tenantId(), owner.tenant.tenantId(),
                List.of(Roles.TENANT_ADMIN));
    }

    private static void check(ApiOperations.Operation operation, String url, String token, String payload,
                              List<String> failures) {
        ApiOperations.Answer answer = ApiOperations.call(operation.method().toUpperCase(), url, token,
                "application/json", payload);
        String shown = payload.length() > 80 ? payload.substring(0, 80) + "… (" + payload.length() + " chars)" : payload;
        if (answer.status() >= 500 || answer.status() < 400) {
            failures.add(operation + " with " + shown + ": HTTP " + answer.status() + " " + abbreviate(answer.body()));
        } else if (!answer.isProblem()) {
            failures.add(operation + " with " + shown + ": HTTP " + answer.status() + " without a problem body ("
                    + answer.contentType() + ")");
        }
    }

    /** Broken JSON, wrong top-level types, and for each property of the body's schema a set of impossible values. */
    private static List<String> payloads(ApiOperations.Operation operation, Random random) {
        List<String> payloads = new ArrayList<>(MALFORMED);
        payloads.addAll(WRONG_TOP_LEVEL);
        payloads.add("{\"unknownField\":1}");
        payloads.add("{\"" + "k".repeat(10_000) + "\":1}");
        payloads.add("[" + "1,".repeat(200_000) + "1]");
        payloads.add("{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
        payloads.add("{\"blob\":\"" + "x".repeat(1_500_000) + "\"}");
        Map<String, JsonNode> properties = properties(operation.bodySchema());
        for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
            for (String impossible : impossibleValues(property.getValue())) {
                payloads.add("{\"" + property.getKey() + "\":" + impossible + ",\"unknownField\":true}");
                payloads.add("{\"" + property.getKey() + "\":" + impossible + "}");
            }
        }
        for (int i = 0; i < 150; i++) {
            payloads.add(garbage(random));
        }
        return payloads;
    }

    private static Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        if (schema != null) {
            schema.path("properties").properties().forEach(entry -> properties.put(entry.getKey(), entry.getValue()));
        }
        return properties;
    }

    /** Values no field of this JSON type accepts. */
    private static List<String> impossibleValues(JsonNode property) {
        String type = property.path("type").asText(property.has("$ref") ? "object" : "string");
        String hugeArray = "[" + "\"a\",".repeat(20_000) + "\"a\"]";
        String hugeString = "\"" + HUGE_STRING + "\"";
        return switch (type) {
            case "array" -> List.of("\"not-a-list\"", "{\"$gt\":\"\"}", "12", hugeArray, "[" + hugeString + "]",
                    "[{\"$where\":\"1\"}]");
            case "object" -> List.of("\"not-an-object\"", "[1]", "42", "{\"unknownField\":{}}", hugeString);
            case "integer", "number" -> List.of("\"abc\"", "{}", "[]", "1e400000", "\"" + "9".repeat(5_000) + "\"");
            case "boolean" -> List.of("\"maybe\"", "{}", "[]", "2");
            default -> List.of("{}", "{\"$gt\":\"\"}", "[\"a\",\"b\"]", hugeString, "[" + hugeString + "]");
        };
    }

    private static String garbage(Random random) {
        // a raw control character is never valid JSON, whatever random text follows it
        StringBuilder text = new StringBuilder("{\u0001");
        int length = 1 + random.nextInt(200);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(0x7f - 0x20) + 0x20));
        }
        return text.toString();
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}

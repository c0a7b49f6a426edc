package com.invoicedelivery.kit.sample;

import static com.invoicedelivery.kit.testing.ApiAccessContract.PathAccess.get;
import static com.invoicedelivery.kit.testing.ApiAccessContract.PathAccess.post;
import static com.invoicedelivery.kit.testing.ApiAccessContract.PathAccess.put;
import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.invoicedelivery.kit.testing.ApiAccessContract;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The kit's default deny on a service that declares little: {@code /api/**} is for tenant users whatever the
 * token carries besides, a path nobody declared is closed, and the service's own rules still come first.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "spring.application.name=kit-sample")
class KitSampleApiAccessIntegrationTest implements ApiAccessContract {

    @Override
    public Map<String, Set<Caller>> documentedOperations() {
        return Map.ofEntries(
                entry("GET /api/me", TENANT),
                entry("GET /api/notes/{id}", TENANT),
                entry("GET /api/operations/dead-letters", Set.of(Caller.OPERATIONS)),
                entry("GET /api/secrets", Set.of()),
                entry("GET /api/things/{id}", TENANT),
                entry("POST /api/greetings", TENANT),
                entry("POST /api/operations/dead-letters/{binding}/replay", Set.of(Caller.OPERATIONS)),
                entry("PUT /api/notes/{id}", Set.of(Caller.TENANT_ADMIN)));
    }

    @Override
    public List<PathAccess> accessContract() {
        return List.of(
                get("/api/me").allows(TENANT).answering(200),
                post("/api/greetings").body("{\"name\":\"a\"}").allows(TENANT).answering(200),
                get("/api/things/1").allows(TENANT).answering(404),
                get("/api/notes/1").allows(TENANT).answering(200),
                put("/api/notes/1").allows(Caller.TENANT_ADMIN).answering(200),
                get("/api/not-mapped").allows(TENANT).answering(404),
                get("/internal/ping").allows(Caller.SERVICE).answering(200),
                get("/actuator/metrics").allows(Caller.OPERATIONS).answering(200),
                get("/actuator/health/readiness").open().answering(200),
                get("/v3/api-docs").open().answering(200),
                get("/not-an-api").closed(),
                get("/api-docs-lookalike").closed());
    }
}

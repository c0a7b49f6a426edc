package com.invoicedelivery.pdf;

import static com.invoicedelivery.kit.testing.ApiAccessContract.PathAccess.get;
import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.invoicedelivery.kit.testing.ApiAccessContract;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import org.springframework.test.annotation.DirtiesContext;

/** Who may call which path of pdf-service: its documents are for the other services only. */
@ServiceIntegrationTest
@DirtiesContext
class ApiAccessIntegrationTest implements ApiAccessContract {

    @Override
    public Map<String, Set<Caller>> documentedOperations() {
        return Map.ofEntries(
                entry("GET /api/operations/dead-letters", Set.of(Caller.OPERATIONS)),
                entry("POST /api/operations/dead-letters/{binding}/replay", Set.of(Caller.OPERATIONS)));
    }

    @Override
    public List<PathAccess> accessContract() {
        return List.of(
                // the internal endpoints are for the other services, out of the public document: tried here
                get("/internal/documents/no-such-document").allows(Caller.SERVICE).answering(404),
                get("/internal/documents?sendId=no-such-send").allows(Caller.SERVICE).answering(404),
                get("/api/documents").allows(TENANT).answering(404),
                get("/api/operations/dead-letters").allows(Caller.OPERATIONS).answering(200),
                get("/actuator/health/liveness").open().answering(200),
                get("/not-an-api").closed());
    }
}

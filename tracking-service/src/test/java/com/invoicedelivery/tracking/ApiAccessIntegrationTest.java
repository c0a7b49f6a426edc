package com.invoicedelivery.tracking;

import static com.invoicedelivery.kit.testing.ApiAccessContract.PathAccess.get;
import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.invoicedelivery.kit.testing.ApiAccessContract;

/**
 * Who may call which path of tracking-service: the client pages are public, the tenant's logo is read by its users and
 * changed by its admins, every other path the kit's.
 */
class ApiAccessIntegrationTest extends TrackingIntegrationTest implements ApiAccessContract {

    @Override
    public Map<String, Set<Caller>> documentedOperations() {
        return Map.ofEntries(
                entry("DELETE /api/client-page/logo", Set.of(Caller.TENANT_ADMIN)),
                entry("GET /api/client-page/logo", TENANT),
                entry("PUT /api/client-page/logo", Set.of(Caller.TENANT_ADMIN)),
                entry("GET /api/operations/dead-letters", Set.of(Caller.OPERATIONS)),
                entry("POST /api/operations/dead-letters/{binding}/replay", Set.of(Caller.OPERATIONS)));
    }

    @Override
    public List<PathAccess> accessContract() {
        return List.of(
                get("/l/" + TestSends.newToken()).open().answering(404),
                get("/api/links").allows(TENANT).answering(404),
                get("/api/client-page/logo").allows(TENANT).answering(404),
                get("/api/operations/dead-letters").allows(Caller.OPERATIONS).answering(200),
                get("/internal/nothing-here").allows(Caller.SERVICE).answering(404),
                get("/lx/" + TestSends.newToken()).closed());
    }
}

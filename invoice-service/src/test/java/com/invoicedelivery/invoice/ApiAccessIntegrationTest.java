package com.invoicedelivery.invoice;

import static com.invoicedelivery.kit.testing.ApiAccessContract.PathAccess.get;
import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.invoicedelivery.invoice.testing.ServiceScenarios;
import com.invoicedelivery.kit.testing.ApiAccessContract;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** Who may call which path of invoice-service: tenant users, the tenant's admins for settings, operations. */
@ServiceIntegrationTest
@TestPropertySource(properties = "invoice.links.base-url=http://links.test")
class ApiAccessIntegrationTest extends ServiceScenarios implements ApiAccessContract {

    @Override
    public Map<String, Set<Caller>> documentedOperations() {
        return Map.ofEntries(
                entry("DELETE /api/suppressions/{email}", TENANT),
                entry("DELETE /api/templates/{language}", Set.of(Caller.TENANT_ADMIN)),
                entry("GET /api/clients", TENANT),
                entry("GET /api/clients/{clientId}", TENANT),
                entry("GET /api/invoices", TENANT),
                entry("GET /api/invoices/{invoiceId}", TENANT),
                entry("GET /api/invoices/{invoiceId}/sends", TENANT),
                entry("GET /api/operations/dead-letters", Set.of(Caller.OPERATIONS)),
                entry("GET /api/operations/sends", Set.of(Caller.OPERATIONS)),
                entry("GET /api/operations/delivery", Set.of(Caller.OPERATIONS)),
                entry("GET /api/delivery/overview", Set.of(Caller.TENANT_ADMIN)),
                entry("GET /api/operations/tenants", Set.of(Caller.OPERATIONS)),
                entry("GET /api/operations/tenants/{tenantId}", Set.of(Caller.OPERATIONS)),
                entry("GET /api/sends/{sendId}", TENANT),
                entry("GET /api/settings", TENANT),
                entry("GET /api/suppressions", TENANT),
                entry("GET /api/templates", TENANT),
                entry("POST /api/clients", TENANT),
                entry("POST /api/imports", TENANT),
                entry("POST /api/invoices", TENANT),
                entry("POST /api/invoices/{invoiceId}/issue", TENANT),
                entry("POST /api/invoices/{invoiceId}/send", TENANT),
                entry("POST /api/operations/dead-letters/{binding}/replay", Set.of(Caller.OPERATIONS)),
                entry("POST /api/sends", TENANT),
                entry("POST /api/sends/preview", TENANT),
                entry("PUT /api/operations/tenants/{tenantId}", Set.of(Caller.OPERATIONS)),
                entry("PUT /api/settings/email", Set.of(Caller.TENANT_ADMIN)),
                entry("PUT /api/settings/client-page", Set.of(Caller.TENANT_ADMIN)),
                entry("PUT /api/settings/links", Set.of(Caller.TENANT_ADMIN)),
                entry("PUT /api/templates/{language}", Set.of(Caller.TENANT_ADMIN)));
    }

    @Override
    public List<PathAccess> accessContract() {
        return List.of(
                get("/api/sends/no-such-send").allows(TENANT).answering(404),
                get("/api/operations/tenants").allows(Caller.OPERATIONS).answering(200),
                get("/api/operations/sends").allows(Caller.OPERATIONS).answering(200),
                get("/internal/nothing-here").allows(Caller.SERVICE).answering(404),
                get("/not-an-api").closed());
    }
}

package com.invoicedelivery.invoice;

import static com.invoicedelivery.kit.testing.ApiAccessContract.PathAccess.get;
import static com.invoicedelivery.kit.testing.ApiAccessContract.PathAccess.put;

import java.util.List;

import com.invoicedelivery.invoice.testing.ServiceScenarios;
import com.invoicedelivery.kit.testing.ApiAccessContract;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Who may call which path of invoice-service: tenant users, the tenant's admins for settings, operations. */
@ServiceIntegrationTest
@TestPropertySource(properties = "invoice.links.base-url=http://links.test")
class ApiAccessIntegrationTest extends ServiceScenarios implements ApiAccessContract {

    @LocalServerPort
    int port;

    @Override
    public int serverPort() {
        return port;
    }

    @Override
    public List<PathAccess> accessContract() {
        return List.of(
                get("/api/clients").allows(TENANT),
                get("/api/invoices").allows(TENANT),
                get("/api/sends/no-such-send").allows(TENANT).answering(404),
                put("/api/settings/email").allows(Caller.TENANT_ADMIN),
                put("/api/templates/EN").allows(Caller.TENANT_ADMIN),
                get("/api/operations/tenants").allows(Caller.OPERATIONS).answering(200),
                get("/api/operations/sends").allows(Caller.OPERATIONS).answering(200),
                get("/internal/nothing-here").allows(Caller.SERVICE).answering(404),
                get("/not-an-api").closed());
    }
}

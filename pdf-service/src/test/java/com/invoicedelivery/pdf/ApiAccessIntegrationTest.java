package com.invoicedelivery.pdf;

import static com.invoicedelivery.kit.testing.ApiAccessContract.PathAccess.get;

import java.util.List;

import com.invoicedelivery.kit.testing.ApiAccessContract;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** Who may call which path of pdf-service: its documents are for the other services only. */
@ServiceIntegrationTest
@DirtiesContext
class ApiAccessIntegrationTest implements ApiAccessContract {

    @LocalServerPort
    int port;

    @Override
    public int serverPort() {
        return port;
    }

    @Override
    public List<PathAccess> accessContract() {
        return List.of(
                get("/internal/documents/no-such-document").allows(Caller.SERVICE).answering(404),
                get("/internal/documents?sendId=no-such-send").allows(Caller.SERVICE),
                get("/api/documents").allows(TENANT).answering(404),
                get("/api/operations/dead-letters").allows(Caller.OPERATIONS).answering(200),
                get("/actuator/health/liveness").open().answering(200),
                get("/not-an-api").closed());
    }
}

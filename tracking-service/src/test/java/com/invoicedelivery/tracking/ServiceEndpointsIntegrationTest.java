package com.invoicedelivery.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The link pages' own security chain leaves the kit's API chain in charge of everything else. */
class ServiceEndpointsIntegrationTest extends TrackingIntegrationTest {

    @LocalServerPort
    int port;
    /** Actuator's own port. */
    @LocalManagementPort
    int managementPort;

    @Test
    void healthAndTheOpenApiDocumentAreOpen() {
        Browser browser = new Browser(port);
        Browser actuator = new Browser(managementPort);

        assertThat(actuator.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(actuator.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(browser.get("/v3/api-docs").statusCode()).isEqualTo(200);
    }

    @Test
    void otherPathsStillNeedABearerToken() {
        Browser browser = new Browser(port);

        assertThat(browser.get("/api/links").statusCode()).isEqualTo(401);
        assertThat(new Browser(managementPort).get("/actuator/metrics").statusCode()).isEqualTo(401);
        assertThat(browser.get("/lx/" + TestSends.newToken()).statusCode()).isEqualTo(401);
    }
}

package com.invoicedelivery.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.kit.security.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The gateway in front of the real services: one port for every service's API, the paths every service shares told
 * apart, the services' own refusals passed through, and one API document made of the services' own.
 */
@ExtendWith(PlatformExtension.class)
class GatewayIT {

    private final LocalPlatform platform;

    GatewayIT(LocalPlatform platform) {
        this.platform = platform;
    }

    @Test
    void eachServicesDeadLettersAreReachedThroughTheGatewayAtAPathOfTheirOwn() {
        String operations = platform.identity().tokenFor("e2e-operator", null, List.of(Roles.OPERATIONS));
        Set<String> found = new HashSet<>();
        for (PlatformService service : PlatformService.values()) {
            ApiOperations.Answer answer = ApiOperations.call("GET", platform.gatewayUrl() + "/api/operations/"
                    + service.gatewayName() + "/dead-letters", operations, null, null);
            // the same answer as the service's own, on its own path (pdf-service takes no operations token: its 401)
            ApiOperations.Answer direct = ApiOperations.call("GET", platform.url(service)
                    + "/api/operations/dead-letters", operations, null, null);
            assertThat(answer.status()).as(service.module()).isEqualTo(direct.status());
            assertThat(answer.json()).as(service.module()).isEqualTo(direct.json());
            if (answer.status() == 200) {
                found.add(answer.body());
            }
        }
        assertThat(found).as("invoice-, mail-dispatch- and tracking-service: each its own dead-letter topics")
                .hasSize(3);
    }

    @Test
    void aRequestWithoutTokenGetsTheServicesOwn401ProblemThroughTheGateway() {
        for (String path : List.of("/api/invoices", "/api/emails", "/api/client-page/logo")) {
            ApiOperations.Answer answer = ApiOperations.call("GET", platform.gatewayUrl() + path, null, null, null);
            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.isProblem()).as(path + " " + answer.contentType()).isTrue();
        }
    }

    @Test
    void aPathNoServiceHasIsA404ProblemAndInternalPathsAreNotReachable() {
        String service = platform.identity().serviceToken("e2e-service", PlatformService.PDF.module());
        for (String path : List.of("/api/no-such-thing", "/internal/documents?sendId=x", "/actuator/health")) {
            ApiOperations.Answer answer = ApiOperations.call("GET", platform.gatewayUrl() + path, service, null, null);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.isProblem()).as(path).isTrue();
        }
    }

    @Test
    void theCombinedDocumentHasEveryServicesPublicOperationsOnceAndNothingInternal() {
        ApiOperations.Answer answer = ApiOperations.call("GET", platform.gatewayUrl() + "/v3/api-docs/combined", null,
                null, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode combined = answer.json();
        Set<String> paths = new HashSet<>(combined.path("paths").propertyNames());

        assertThat(paths).contains("/api/invoices", "/api/sends", "/api/sends/{sendId}", "/api/emails",
                "/api/smtp-settings", "/api/client-page/logo", "/api/operations/tenants/{tenantId}");
        for (PlatformService service : PlatformService.values()) {
            assertThat(paths).contains("/api/operations/" + service.gatewayName() + "/dead-letters");
        }
        assertThat(paths).noneMatch(path -> path.startsWith("/internal/"))
                .doesNotContain("/api/operations/dead-letters");
        assertThat(combined.path("paths").findValuesAsString("operationId")).doesNotHaveDuplicates();
        // every operation each service publishes is in it, under its public path
        for (PlatformService service : PlatformService.values()) {
            for (ApiOperations.Operation operation : ApiOperations.of(service.module(), platform.url(service))) {
                String publicPath = operation.path().replace("/api/operations/dead-letters",
                        "/api/operations/" + service.gatewayName() + "/dead-letters");
                if (!operation.path().startsWith("/internal/")) {
                    assertThat(combined.path("paths").path(publicPath).has(operation.method())).as(operation.toString())
                            .isTrue();
                }
            }
        }
    }

    @Test
    void theSwaggerUiIsServedByTheGateway() {
        ApiOperations.Answer page = ApiOperations.call("GET", platform.gatewayUrl() + "/swagger-ui/index.html", null,
                null, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
    }
}

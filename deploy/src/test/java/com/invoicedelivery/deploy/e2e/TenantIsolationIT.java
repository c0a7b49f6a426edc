package com.invoicedelivery.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.kit.security.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of every service's OpenAPI document, called on tenant A's resources by tenant B and by nobody:
 * nothing of A is read or changed. Generated from the documents, so a new endpoint is covered when it appears.
 */
@ExtendWith(PlatformExtension.class)
class TenantIsolationIT {

    private final LocalPlatform platform;

    TenantIsolationIT(LocalPlatform platform) {
        this.platform = platform;
    }

    @Test
    void anotherTenantAndAnAnonymousCallerGetNothingOfATenantsData() {
        TenantWithHistory victim = TenantWithHistory.create(platform, "isolation-a");
        TenantFixture.create(platform, "isolation-b", "Любопитко ЕООД");
        String intruder = platform.identity().tokenFor("user@isolation-b", "isolation-b",
                List.of(Roles.TENANT_ADMIN));
        List<String> before = victim.snapshot();

        List<String> failures = new ArrayList<>();
        int covered = 0;
        for (PlatformService service : PlatformService.values()) {
            for (ApiOperations.Operation operation : ApiOperations.of(service.module(), platform.url(service))) {
                if (operation.isPublicClientPage()) {
                    continue; // reached by personal-link token, not by tenant: tracking-service's own tests
                }
                covered++;
                String url = url(operation, victim);
                check(operation, url, null, victim, failures);
                check(operation, url, intruder, victim, failures);
            }
        }

        assertThat(failures).as("operations that let somebody else in").isEmpty();
        assertThat(covered).as("operations found in the OpenAPI documents").isGreaterThanOrEqualTo(12);
        assertThat(victim.snapshot()).as("tenant A's data after the attempts").isEqualTo(before);
    }

    private static String url(ApiOperations.Operation operation, TenantWithHistory victim) {
        StringBuilder url = new StringBuilder(operation.baseUrl()).append(operation.resolve(victim::idFor));
        char separator = '?';
        for (String parameter : operation.queryParameters()) {
            url.append(separator).append(parameter).append('=').append(victim.idFor("", parameter));
            separator = '&';
        }
        return url.toString();
    }

    private static void check(ApiOperations.Operation operation, String url, String token, TenantWithHistory victim,
                              List<String> failures) {
        String who = token == null ? "anonymous" : "tenant B";
        String body = operation.jsonBody() || !operation.method().equals("get") ? "{}" : null;
        ApiOperations.Answer answer = ApiOperations.call(operation.method().toUpperCase(), url, token,
                body == null ? null : "application/json", body);
        if (token == null && answer.status() != 401) {
            failures.add(operation + " as " + who + ": HTTP " + answer.status() + " instead of 401");
        }
        if (!operation.pathParameters().isEmpty() && answer.status() < 300) {
            failures.add(operation + " as " + who + ": HTTP " + answer.status() + " on tenant A's resource");
        }
        for (String secret : victim.secrets()) {
            // a 404 may repeat the id the caller asked for: that tells the caller nothing it did not send
            if (answer.body().contains(secret) && !url.contains(secret)) {
                failures.add(operation + " as " + who + ": the answer shows tenant A's " + secret);
            }
        }
    }
}

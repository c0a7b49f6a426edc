package com.invoicedelivery.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.invoicedelivery.deploy.demo.DemoTenant;
import com.invoicedelivery.deploy.infra.LocalIdentity;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.identity.ClientCredentialsTokens;
import com.invoicedelivery.identity.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The launcher's identity provider without the rest of the platform: the clients it registers, the variables it
 * gives the services, and the tokens the demo and the end-to-end tests get, checked with Spring's decoder from
 * the provider's discovery document and JWKS.
 */
class LocalIdentityTest {

    @TempDir
    static Path keys;

    private static LocalIdentity identity;
    private static JwtDecoder decoder;
    private static Map<PlatformService, String> secrets;

    @BeforeAll
    static void start() throws IOException {
        Path pem = Files.writeString(keys.resolve("identity-provider.pem"), SigningKey.newPem());
        identity = LocalIdentity.start(PlatformSettings.freePort(), pem);
        secrets = LocalPlatform.registerServiceClients(identity);
        decoder = NimbusJwtDecoder.withIssuerLocation(identity.issuer()).build();
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    @Test
    void onlyTheServicesThatCallPdfServiceAreClientsAndTheirTokensAreForPdfServiceOnly() {
        assertThat(secrets).containsOnlyKeys(PlatformService.MAIL_DISPATCH, PlatformService.TRACKING);
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(identity.tokenUri());
        for (PlatformService caller : secrets.keySet()) {
            Jwt token = decoder.decode(tokens.token(caller.module(), secrets.get(caller), Set.of("pdf-service")));
            assertThat(token.getSubject()).isEqualTo(caller.module());
            assertThat(token.getAudience()).containsExactly("pdf-service");
            assertThat(token.getClaimAsStringList("roles")).containsExactly("service");
            assertThat(token.hasClaim("tenant")).isFalse();
            assertThatThrownBy(() -> tokens.token(caller.module(), secrets.get(caller), Set.of("invoice-service")))
                    .isInstanceOf(OAuth2AuthorizationException.class);
        }
    }

    @Test
    void everyServiceValidatesByTheIssuerAndOnlyCallersGetClientCredentials() {
        for (PlatformService service : PlatformService.values()) {
            Map<String, String> environment = LocalPlatform.identityFor(service, identity.issuer(),
                    identity.tokenUri(), secrets.get(service));
            assertThat(environment).containsEntry("JWT_ISSUER_URI", identity.issuer())
                    .doesNotContainKeys("JWT_PUBLIC_KEY_LOCATION", "SERVICE_SIGNING_KEY", "PLATFORM_SECURITY_ISSUER");
            if (secrets.containsKey(service)) {
                assertThat(environment).containsEntry("OAUTH_CLIENT_ID", service.module())
                        .containsEntry("OAUTH_CLIENT_SECRET", secrets.get(service))
                        .containsEntry("OAUTH_TOKEN_URI", identity.issuer() + "/oauth2/token");
            } else {
                assertThat(environment).containsOnlyKeys("JWT_ISSUER_URI");
            }
        }
    }

    @Test
    void theDemoAdminsAndOperationsTokensComeFromTheProviderWithTheirClaims() {
        Jwt admin = decoder.decode(DemoTenant.token(identity));
        Jwt operations = decoder.decode(DemoTenant.operationsToken(identity));

        assertThat(admin.getSubject()).isEqualTo("admin@demo");
        assertThat(admin.getClaimAsString("tenant")).isEqualTo(DemoTenant.TENANT_ID);
        assertThat(admin.getClaimAsStringList("roles")).containsExactly("tenant_admin");
        assertThat(admin.getAudience())
                .containsExactlyInAnyOrder("invoice-service", "mail-dispatch-service", "tracking-service");
        assertThat(Duration.between(admin.getIssuedAt(), admin.getExpiresAt())).isEqualTo(Duration.ofHours(12));
        assertThat(operations.hasClaim("tenant")).isFalse();
        assertThat(operations.getClaimAsStringList("roles")).containsExactly("operations");
        assertThat(operations.getAudience()).as("operations scrape and repair every service, pdf-service too")
                .containsExactlyInAnyOrder("invoice-service", "pdf-service", "mail-dispatch-service", "tracking-service");
    }

    @Test
    void aTestUserOfAnyTenantAndATestServiceGetTokensWhileTheProviderRuns() {
        Jwt user = decoder.decode(identity.tokenFor("user@isolation-b", "isolation-b", List.of("tenant_admin")));
        Jwt service = decoder.decode(identity.serviceToken("e2e-service", "pdf-service"));

        assertThat(user.getClaimAsString("tenant")).isEqualTo("isolation-b");
        assertThat(Duration.between(user.getIssuedAt(), user.getExpiresAt())).isEqualTo(Duration.ofMinutes(30));
        assertThat(service.getAudience()).containsExactly("pdf-service");
        assertThat(service.getClaimAsStringList("roles")).containsExactly("service");
    }

    @Test
    void theSameUserWithOtherRolesGetsAnotherTokenNotTheOneKeptForTheFirst() {
        String user = identity.tokenFor("user@roles", "roles", List.of("tenant_user"));
        String admin = identity.tokenFor("user@roles", "roles", List.of("tenant_admin"));

        assertThat(identity.tokenFor("user@roles", "roles", List.of("tenant_user"))).isEqualTo(user);
        assertThat(decoder.decode(admin).getClaimAsStringList("roles")).containsExactly("tenant_admin");
    }
}

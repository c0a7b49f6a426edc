package com.invoicedelivery.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The provider over HTTP, as the services and the launcher use it. Tokens are checked with Spring's
 * {@link NimbusJwtDecoder} from the provider's own discovery document and JWKS (signature, issuer, times).
 */
class IdentityProviderTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() { };

    @TempDir
    static Path keys;

    private static IdentityProvider provider;
    private static Path pem;
    private static JwtDecoder decoder;
    private static ClientCredentialsTokens tokens;

    @BeforeAll
    static void start() throws IOException {
        pem = Files.writeString(keys.resolve("identity-provider.pem"), SigningKey.newPem());
        provider = IdentityProvider.start(freePort(), pem);
        provider.register(new ServiceClient("mail-dispatch-service", "mail-secret", Set.of("pdf-service")));
        provider.register(new UserClient("admin@acme", "admin-secret", "acme", List.of("tenant_admin"),
                List.of("invoice-service", "tracking-service"), Duration.ofHours(12)));
        // discovery first, then the JWKS it names, then every token's iss must be the issuer
        decoder = NimbusJwtDecoder.withIssuerLocation(provider.issuer()).build();
        tokens = new ClientCredentialsTokens(provider.tokenUri());
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @Test
    void theDiscoveryDocumentAndTheJwksAreServed() {
        Map<String, Object> discovery = http().get().uri(provider.issuer() + "/.well-known/openid-configuration")
                .retrieve().body(JSON_OBJECT);
        assertThat(discovery).containsEntry("issuer", provider.issuer())
                .containsEntry("token_endpoint", provider.issuer() + "/oauth2/token")
                .containsEntry("jwks_uri", provider.issuer() + "/oauth2/jwks");
        assertThat(discovery.get("token_endpoint_auth_methods_supported")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains("client_secret_basic");

        Map<String, Object> jwks = http().get().uri(provider.issuer() + "/oauth2/jwks").retrieve().body(JSON_OBJECT);
        assertThat(jwks.get("keys")).asInstanceOf(InstanceOfAssertFactories.LIST).singleElement()
                .asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
                .containsKeys("kid", "n", "e").containsEntry("kty", "RSA").doesNotContainKey("d");
    }

    @Test
    void aServiceClientGetsATokenForThePdfServiceWithTheServiceRoleAndNoTenant() {
        Jwt token = decoder.decode(tokens.token("mail-dispatch-service", "mail-secret", Set.of("pdf-service")));

        assertThat(token.getSubject()).isEqualTo("mail-dispatch-service");
        assertThat(token.getIssuer()).hasToString(provider.issuer());
        assertThat(token.getAudience()).containsExactly("pdf-service");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("service");
        assertThat(token.hasClaim("tenant")).isFalse();
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
        assertThat(token.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
    }

    @Test
    void aServiceClientCannotGetAScopeItWasNotGiven() {
        assertThatThrownBy(() -> tokens.token("mail-dispatch-service", "mail-secret", Set.of("invoice-service")))
                .isInstanceOfSatisfying(OAuth2AuthorizationException.class,
                        refused -> assertThat(refused.getError().getErrorCode()).isEqualTo("invalid_scope"));
    }

    @Test
    void aWrongSecretIsRefusedWith401() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("scope", "pdf-service");
        HttpStatusCode status = http().post().uri(provider.tokenUri())
                .headers(headers -> headers.setBasicAuth("mail-dispatch-service", "not-the-secret"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .exchange((request, response) -> response.getStatusCode());

        assertThat(status.value()).isEqualTo(401);
    }

    @Test
    void aUserClientsTokenCarriesItsTenantRolesAndAudiences() {
        Jwt token = decoder.decode(tokens.token("admin@acme", "admin-secret", Set.of()));

        assertThat(token.getSubject()).isEqualTo("admin@acme");
        assertThat(token.getClaimAsString("tenant")).isEqualTo("acme");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("tenant_admin");
        assertThat(token.getAudience()).containsExactly("invoice-service", "tracking-service");
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void aClientRegisteredWhileTheProviderRunsGetsTokensAndARegistrationAgainReplacesIt() {
        provider.register(UserClient.of("user@isolation-b", "b-secret", "isolation-b", List.of("tenant_user"),
                Duration.ofMinutes(30)));
        Jwt first = decoder.decode(tokens.token("user@isolation-b", "b-secret", Set.of()));
        provider.register(UserClient.of("user@isolation-b", "new-secret", "isolation-b", List.of("tenant_admin"),
                Duration.ofMinutes(30)));
        Jwt second = decoder.decode(tokens.token("user@isolation-b", "new-secret", Set.of()));

        assertThat(first.getClaimAsString("tenant")).isEqualTo("isolation-b");
        assertThat(first.getClaimAsStringList("roles")).containsExactly("tenant_user");
        assertThat(first.getAudience()).containsExactlyElementsOf(UserClient.DEFAULT_AUDIENCES);
        assertThat(second.getClaimAsStringList("roles")).containsExactly("tenant_admin");
        assertThatThrownBy(() -> tokens.token("user@isolation-b", "b-secret", Set.of()))
                .isInstanceOf(OAuth2AuthorizationException.class);
    }

    @Test
    void theKeyFromThePemFileIsTheOneInTheJwksSoATokenOutlivesARestart() throws Exception {
        Path ownKey = Files.writeString(keys.resolve("restarted.pem"), SigningKey.newPem());
        int port = freePort();
        ServiceClient tracking = new ServiceClient("tracking-service", "tracking-secret", Set.of("pdf-service"));
        String token;
        try (IdentityProvider first = IdentityProvider.start(port, ownKey)) {
            first.register(tracking);
            token = new ClientCredentialsTokens(first.tokenUri()).token("tracking-service", "tracking-secret",
                    Set.of("pdf-service"));
            RSAKey published = JWKSet.load(new java.net.URI(first.issuer() + "/oauth2/jwks").toURL()).getKeys()
                    .get(0).toRSAKey();
            assertThat(published.toRSAPublicKey()).isEqualTo(SigningKey.read(ownKey).toRSAPublicKey());
        }
        try (IdentityProvider second = IdentityProvider.start(port, ownKey)) {
            Jwt again = NimbusJwtDecoder.withIssuerLocation(second.issuer()).build().decode(token);
            assertThat(again.getSubject()).isEqualTo("tracking-service");
        }
    }

    private static RestClient http() {
        return RestClient.create();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

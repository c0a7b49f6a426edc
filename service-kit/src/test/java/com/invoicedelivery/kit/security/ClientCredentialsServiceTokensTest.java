package com.invoicedelivery.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;

import com.invoicedelivery.kit.testing.MovableClock;
import com.invoicedelivery.kit.testing.TestIdentityProvider;
import com.invoicedelivery.kit.testing.TestIdentityProvider.TokenRequest;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** Service tokens by the client-credentials grant, against a stand-in identity provider of the test's own. */
class ClientCredentialsServiceTokensTest {

    private static final String SECRET = "mail-secret";

    private final TestIdentityProvider provider = TestIdentityProvider.start()
            .register("mail-dispatch-service", SECRET, "pdf-service");
    private final MovableClock clock = new MovableClock(Instant.now());

    @Test
    void aTokenIsAskedForWithTheCalledServiceAsItsScopeAndNamesThatServiceAlone() throws ParseException {
        String token = tokens(SECRET).bearerToken("pdf-service");

        assertThat(provider.tokenRequests()).singleElement().satisfies(request -> {
            assertThat(request.clientId()).isEqualTo("mail-dispatch-service");
            assertThat(request.grantType()).isEqualTo("client_credentials");
            assertThat(request.scope()).isEqualTo("pdf-service");
            assertThat(request.accessToken()).isEqualTo(token);
        });
        JWTClaimsSet claims = claims(token);
        assertThat(claims.getAudience()).containsExactly("pdf-service");
        assertThat(claims.getStringListClaim("roles")).containsExactly("service");
        assertThat(claims.getSubject()).isEqualTo("mail-dispatch-service");
    }

    @Test
    void aTokenIsReusedUntilAMinuteBeforeItExpiresThenAskedForAgain() {
        ServiceTokens tokens = tokens(SECRET);
        String first = tokens.bearerToken("pdf-service");

        clock.advance(Duration.ofMinutes(3));
        assertThat(tokens.bearerToken("pdf-service")).as("two minutes left").isEqualTo(first);
        assertThat(provider.tokenRequests()).hasSize(1);

        clock.advance(Duration.ofMinutes(1).plusSeconds(5));
        String renewed = tokens.bearerToken("pdf-service");
        assertThat(provider.tokenRequests()).as("less than a minute left").hasSize(2);
        assertThat(renewed).isEqualTo(provider.tokenRequests().get(1).accessToken()).isNotEqualTo(first);
    }

    @Test
    void eachCalledServiceHasATokenOfItsOwn() {
        provider.register("mail-dispatch-service", SECRET, "pdf-service", "tracking-service");
        ServiceTokens tokens = tokens(SECRET);

        String forPdf = tokens.bearerToken("pdf-service");
        String forTracking = tokens.bearerToken("tracking-service");

        assertThat(forPdf).isNotEqualTo(forTracking);
        assertThat(claims(forTracking).getAudience()).containsExactly("tracking-service");
        assertThat(provider.tokenRequests()).extracting(TokenRequest::scope)
                .containsExactly("pdf-service", "tracking-service");
    }

    @Test
    void aRefusedClientIsAServiceTokenFailureNamingTheAudienceAndTheProvidersError() {
        ServiceTokenException failure = catchThrowableOfType(ServiceTokenException.class,
                () -> tokens("wrong-secret").bearerToken("pdf-service"));

        assertThat(failure).hasMessageStartingWith("no service token for calls to pdf-service: ")
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining("wrong-secret");
    }

    @Test
    void aScopeTheClientMayNotAskForIsRefused() {
        ServiceTokenException failure = catchThrowableOfType(ServiceTokenException.class,
                () -> tokens(SECRET).bearerToken("invoice-service"));

        assertThat(failure).hasMessageContaining("invalid_scope");
    }

    @Test
    void anErrorStatusIsAServiceTokenFailureAndTheNextCallAsksAgain() {
        ServiceTokens tokens = tokens(SECRET);
        provider.failTokenRequestsWith(503);

        assertThat(catchThrowableOfType(ServiceTokenException.class, () -> tokens.bearerToken("pdf-service")))
                .hasMessageStartingWith("no service token for calls to pdf-service: ");

        provider.failTokenRequestsWith(0);
        assertThat(tokens.bearerToken("pdf-service")).isNotBlank();
        assertThat(provider.tokenRequests()).extracting(TokenRequest::status).containsExactly(503, 200);
    }

    @Test
    void anUnreachableProviderIsAServiceTokenFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ServiceTokens tokens = new ClientCredentialsServiceTokens("mail-dispatch-service", SECRET,
                URI.create("http://127.0.0.1:" + closedPort + "/oauth2/token"), endpoint(Duration.ofSeconds(2)), clock);

        assertThat(catchThrowableOfType(ServiceTokenException.class, () -> tokens.bearerToken("pdf-service")))
                .hasMessageStartingWith("no service token for calls to pdf-service: ");
    }

    @Test
    void aProviderThatNeverAnswersFailsAfterTheReadTimeout() throws IOException {
        // accepted by the operating system's backlog, never answered
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            ServiceTokens tokens = new ClientCredentialsServiceTokens("mail-dispatch-service", SECRET,
                    URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/oauth2/token"),
                    endpoint(Duration.ofMillis(300)), clock);
            long started = System.nanoTime();

            assertThat(catchThrowableOfType(ServiceTokenException.class, () -> tokens.bearerToken("pdf-service")))
                    .isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    private ServiceTokens tokens(String secret) {
        return new ClientCredentialsServiceTokens("mail-dispatch-service", secret, provider.tokenUri(),
                endpoint(Duration.ofSeconds(5)), clock);
    }

    private static RestClient endpoint(Duration readTimeout) {
        return ClientCredentialsServiceTokens.tokenEndpointClient(RestClient.builder(), Duration.ofSeconds(2),
                readTimeout);
    }

    private static JWTClaimsSet claims(String jwt) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError("not a JWT: " + jwt, e);
        }
    }
}

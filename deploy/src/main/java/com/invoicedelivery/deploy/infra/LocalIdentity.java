package com.invoicedelivery.deploy.infra;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.invoicedelivery.identity.ClientCredentialsTokens;
import com.invoicedelivery.identity.IdentityProvider;
import com.invoicedelivery.identity.ServiceClient;
import com.invoicedelivery.identity.UserClient;

/**
 * The local run's identity provider (Spring Authorization Server in this JVM) and what the launcher and the
 * end-to-end tests do with it: register clients with generated secrets and get their tokens by the
 * client-credentials grant over HTTP, as anybody outside would. Nothing here signs a token.
 */
public final class LocalIdentity implements AutoCloseable {

    /** How long a test user's token lives unless the caller says otherwise. */
    public static final Duration DEFAULT_USER_TOKEN_VALIDITY = Duration.ofMinutes(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityProvider provider;
    private final ClientCredentialsTokens tokens;
    // guarded by "this": registering a client again replaces its secret, so one client's grants must not interleave
    private final Map<UserClient, Issued> issued = new HashMap<>();

    private LocalIdentity(IdentityProvider provider) {
        this.provider = provider;
        this.tokens = new ClientCredentialsTokens(provider.tokenUri());
    }

    /** Starts the provider on {@code http://localhost:<port>} with the RSA key in {@code signingKeyPem}. */
    public static LocalIdentity start(int port, Path signingKeyPem) {
        return new LocalIdentity(IdentityProvider.start(port, signingKeyPem));
    }

    /**
     * Registers a service as a client allowed to call {@code mayCall} (by their names) and returns the secret made
     * for it, which only the service is given.
     */
    public String registerService(String name, Set<String> mayCall) {
        String secret = newSecret();
        provider.register(new ServiceClient(name, secret, mayCall));
        return secret;
    }

    /** A token of a user of {@code tenantId} (null: operations) with these roles, valid 30 minutes. */
    public String tokenFor(String subject, String tenantId, List<String> roles) {
        return tokenFor(subject, tenantId, roles, DEFAULT_USER_TOKEN_VALIDITY);
    }

    /**
     * Registers (or re-registers) a user client with the default audiences (invoice-service,
     * mail-dispatch-service, tracking-service) and returns a token from the provider. The same user asking again
     * gets the same token while more than half of its life is left: the grant checks a hashed secret, which takes
     * time a test calling hundreds of operations should not spend each time.
     */
    public String tokenFor(String subject, String tenantId, List<String> roles, Duration validity) {
        return tokenFor(subject, tenantId, roles, validity, UserClient.DEFAULT_AUDIENCES);
    }

    /**
     * As {@link #tokenFor(String, String, List, Duration)}, for the services named ({@code aud}): a monitoring
     * client that scrapes pdf-service too, which the default audiences leave out.
     */
    public synchronized String tokenFor(String subject, String tenantId, List<String> roles, Duration validity,
                                        List<String> audiences) {
        // the secret is no part of the key: the key is who the token is for
        UserClient wanted = new UserClient(subject, "-", tenantId, roles, audiences, validity);
        Issued earlier = issued.get(wanted);
        if (earlier != null && Instant.now().isBefore(earlier.renewAfter())) {
            return earlier.token();
        }
        String secret = newSecret();
        provider.register(new UserClient(subject, secret, tenantId, roles, audiences, validity));
        String token = tokens.token(subject, secret, Set.of());
        issued.put(wanted, new Issued(token, Instant.now().plus(validity.dividedBy(2))));
        return token;
    }

    /**
     * A token of another service, as a service gets it: a client {@code clientId} allowed to call {@code target}
     * asks for {@code scope=<target>}; the token says {@code aud=[target]}, {@code roles=["service"]}, no tenant.
     */
    public synchronized String serviceToken(String clientId, String target) {
        String secret = registerService(clientId, Set.of(target));
        return tokens.token(clientId, secret, Set.of(target));
    }

    /** The issuer, which the services validate tokens by (discovery, JWKS). */
    public String issuer() {
        return provider.issuer();
    }

    public String tokenUri() {
        return provider.tokenUri();
    }

    @Override
    public void close() {
        provider.close();
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private record Issued(String token, Instant renewAfter) {
    }
}

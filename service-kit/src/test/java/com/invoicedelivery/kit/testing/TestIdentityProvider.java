package com.invoicedelivery.kit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.invoicedelivery.kit.security.PemKeys;
import com.invoicedelivery.kit.security.Roles;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Stands in for the identity provider in tests, the way GreenMail stands in for SMTP: on 127.0.0.1, with the
 * provider's discovery document ({@code /.well-known/openid-configuration}), its keys ({@code /oauth2/jwks}) and
 * its client-credentials token endpoint ({@code /oauth2/token}, client_secret_basic), in the shape of the token
 * contract: {@code iss} = its own URL, {@code aud} = the granted scopes, {@code roles = ["service"]}. The services
 * under test validate tokens by issuer URI against it, as in production, and get their service tokens from it.
 *
 * <p>{@link #shared()} is the one every service test trusts (one per test JVM, every service a registered client
 * with {@link #CLIENT_SECRET}; {@link TestTokens} signs with its key). {@link #start()} makes a private one for a
 * test that changes how it answers.
 */
public final class TestIdentityProvider {

    /** The secret of every client of {@link #shared()}: a test value only. */
    public static final String CLIENT_SECRET = "test-client-secret";
    /** The key id the provider's tokens and its JWKS carry. */
    public static final String KEY_ID = "test-idp";

    private static final String DISCOVERY = "/.well-known/openid-configuration";
    private static final String JWKS = "/oauth2/jwks";
    private static final String TOKEN = "/oauth2/token";

    private static TestIdentityProvider shared;

    private final HttpServer server;
    private final RSAKey key;
    private final NimbusJwtEncoder encoder;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
    private volatile Duration tokenLifetime = Duration.ofMinutes(5);
    private volatile int failureStatus;

    /**
     * What the token endpoint was asked and answered.
     *
     * @param clientId    the client named by the Basic credentials (null without them)
     * @param grantType   the {@code grant_type} parameter
     * @param scope       the {@code scope} parameter, null when absent
     * @param status      the status answered
     * @param accessToken the token issued, null when refused
     */
    public record TokenRequest(String clientId, String grantType, String scope, int status, String accessToken) {
    }

    private record Client(String secret, Set<String> scopes) {
    }

    private TestIdentityProvider(HttpServer server, KeyPair keys) {
        this.server = server;
        this.key = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID(KEY_ID)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        server.createContext(DISCOVERY, exchange -> answer(exchange, 200, discovery()));
        server.createContext(JWKS, exchange -> answer(exchange, 200, new JWKSet(key).toPublicJWKSet().toJSONObject()));
        server.createContext(TOKEN, this::token);
        server.start();
    }

    /** A provider of its own, on a port of its own (so an issuer of its own) and a key of its own, no clients. */
    public static TestIdentityProvider start() {
        try {
            TestIdentityProvider provider = new TestIdentityProvider(
                    HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), PemKeys.generateRsa());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> provider.server.stop(0), "identity-provider-stop"));
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The provider every service test trusts. Its clients are the platform's services, each allowed the scopes of
     * the token contract (mail-dispatch-service and tracking-service call pdf-service), and the kit's sample.
     */
    public static synchronized TestIdentityProvider shared() {
        if (shared == null) {
            shared = start()
                    .register("invoice-service", CLIENT_SECRET)
                    .register("pdf-service", CLIENT_SECRET)
                    .register("mail-dispatch-service", CLIENT_SECRET, "pdf-service")
                    .register("tracking-service", CLIENT_SECRET, "pdf-service")
                    .register("kit-sample", CLIENT_SECRET);
        }
        return shared;
    }

    /**
     * The settings that point a service under test at {@link #shared()}: tokens validated by its issuer URI, and
     * service tokens asked of it (the token endpoint follows from the issuer).
     */
    public static Map<String, Object> serviceProperties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", shared().issuer(),
                "platform.oauth-client.client-secret", CLIENT_SECRET);
    }

    /** {@link #serviceProperties()}, for a test's {@code @DynamicPropertySource}. */
    public static void trustIn(DynamicPropertyRegistry registry) {
        serviceProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Registers a client for the client-credentials grant, allowed to ask for these scopes (audiences). */
    public TestIdentityProvider register(String clientId, String secret, String... scopes) {
        clients.put(clientId, new Client(secret, Set.of(scopes)));
        return this;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public URI tokenUri() {
        return URI.create(issuer() + TOKEN);
    }

    /** How long the tokens of the token endpoint live from now on ({@code expires_in} and {@code exp}). */
    public void tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
    }

    /** Answers every token request with this error status from now on; 0 answers them again. */
    public void failTokenRequestsWith(int status) {
        this.failureStatus = status;
    }

    /** The token endpoint's requests so far, oldest first. */
    public List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** A token signed with this provider's key whose claims are exactly {@code claims}. */
    public String sign(Map<String, Object> claims) {
        JwtClaimsSet.Builder set = JwtClaimsSet.builder();
        claims.forEach(set::claim);
        return encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(KEY_ID).build(), set.build())).getTokenValue();
    }

    /** A token as the provider issues them: its issuer, the audiences, roles, and a tenant for tenant users. */
    public String mint(String subject, String tenantId, List<String> audiences, List<String> roles,
                       Duration validFor) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("sub", subject);
        claims.put("aud", List.copyOf(audiences));
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now);
        claims.put("exp", now.plus(validFor));
        claims.put(Roles.CLAIM, List.copyOf(roles));
        if (tenantId != null) {
            claims.put("tenant", tenantId);
        }
        return sign(claims);
    }

    private Map<String, Object> discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer());
        document.put("jwks_uri", issuer() + JWKS);
        document.put("token_endpoint", issuer() + TOKEN);
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        document.put("grant_types_supported", List.of("client_credentials"));
        document.put("response_types_supported", List.of("token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        return document;
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        String[] credentials = basicCredentials(exchange.getRequestHeaders().getFirst("Authorization"));
        String clientId = credentials == null ? null : credentials[0];
        String grantType = form.get("grant_type");
        String scope = form.get("scope");
        Client client = clientId == null ? null : clients.get(clientId);
        List<String> scopes = scope == null || scope.isBlank() ? List.of() : Arrays.asList(scope.trim().split(" +"));
        int status;
        Map<String, Object> body;
        String accessToken = null;
        if (!"POST".equals(exchange.getRequestMethod())) {
            status = 405;
            body = error("invalid_request");
        } else if (failureStatus != 0) {
            status = failureStatus;
            body = error("temporarily_unavailable");
        } else if (client == null || !client.secret().equals(credentials[1])) {
            status = 401;
            body = error("invalid_client");
        } else if (!"client_credentials".equals(grantType)) {
            status = 400;
            body = error("unsupported_grant_type");
        } else if (!client.scopes().containsAll(scopes)) {
            status = 400;
            body = error("invalid_scope");
        } else {
            Duration lifetime = tokenLifetime;
            accessToken = mint(clientId, null, scopes, List.of(Roles.SERVICE), lifetime);
            status = 200;
            body = new LinkedHashMap<>();
            body.put("access_token", accessToken);
            body.put("token_type", "Bearer");
            body.put("expires_in", lifetime.toSeconds());
            if (!scopes.isEmpty()) {
                body.put("scope", String.join(" ", scopes));
            }
        }
        tokenRequests.add(new TokenRequest(clientId, grantType, scope, status, accessToken));
        answer(exchange, status, body);
    }

    private static Map<String, Object> error(String code) {
        return Map.of("error", code);
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                form.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** The client id and secret of client_secret_basic: each form-encoded, then Base64 together (RFC 6749 2.3.1). */
    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    private static void answer(HttpExchange exchange, int status, Map<String, Object> json) throws IOException {
        byte[] bytes = JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }
}

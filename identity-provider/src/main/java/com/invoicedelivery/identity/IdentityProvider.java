package com.invoicedelivery.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.web.client.RestClient;

/**
 * The running identity provider and the Java API that registers its clients.
 *
 * <p>Why a library started in the launcher's JVM, with clients registered through this API on the
 * {@link RegisteredClientRepository}, rather than a process with an admin endpoint: the launcher already runs
 * Kafka, the document store and GreenMail that way, and an admin endpoint would be one more secret and one more
 * way in that the company's real provider does not have here (its clients are managed in its own console). Only
 * code inside the launcher's JVM can register a client; every token still goes over HTTP, by the same grant the
 * services use.
 */
public final class IdentityProvider implements AutoCloseable {

    /** Service-to-service tokens are short-lived: a leaked one is soon worthless. */
    public static final Duration SERVICE_TOKEN_VALIDITY = Duration.ofMinutes(5);

    private final ConfigurableApplicationContext context;
    private final RegisteredClientRepository clients;
    private final PasswordEncoder secrets = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final String issuer;
    private final int port;

    private IdentityProvider(ConfigurableApplicationContext context, String issuer, int port) {
        this.context = context;
        this.clients = context.getBean(RegisteredClientRepository.class);
        this.issuer = issuer;
        this.port = port;
    }

    /**
     * Starts the provider on {@code http://localhost:<port>}, which is its issuer, signing with the RSA key in
     * {@code signingKeyPem} (PKCS#8; see {@link SigningKey#newPem()}). Returns once it answers.
     */
    public static IdentityProvider start(int port, Path signingKeyPem) {
        String issuer = "http://localhost:" + port;
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AuthorizationServerConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // the launcher stops it after the services that depend on it, not the JVM's hook in any order
                .registerShutdownHook(false)
                // its own file name: no application.properties of the host application is read
                .properties("spring.config.name=identity-provider")
                // arguments outrank the host's environment (a SERVER_PORT meant for someone else)
                .run("--server.port=" + port, "--identity-provider.issuer=" + issuer,
                        "--identity-provider.signing-key=" + signingKeyPem.toAbsolutePath(),
                        "--spring.application.name=identity-provider");
        try {
            awaitDiscovery(issuer);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        return new IdentityProvider(context, issuer, port);
    }

    /**
     * Its first answer takes a while (the servlet, the filters and the JIT warm up); callers with short timeouts,
     * such as Spring's issuer lookup, should not be the ones to wait for it.
     */
    private static void awaitDiscovery(String issuer) {
        RestClient.create().get().uri(issuer + "/.well-known/openid-configuration").retrieve().toBodilessEntity();
    }

    /** Registers a service, or replaces the one of the same name. */
    public void register(ServiceClient service) {
        save(service.name(), service.secret(), builder -> builder
                .scopes(scopes -> scopes.addAll(service.mayCall()))
                .clientSettings(ClientSettings.builder()
                        .setting(PlatformClaims.ROLES, List.of("service"))
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(SERVICE_TOKEN_VALIDITY).build()));
    }

    /** Registers a user client, or replaces the one of the same subject (its tenant, roles or secret changed). */
    public void register(UserClient user) {
        ClientSettings.Builder settings = ClientSettings.builder()
                .setting(PlatformClaims.ROLES, user.roles())
                .setting(PlatformClaims.AUDIENCES, user.audiences());
        if (user.tenant() != null) {
            settings.setting(PlatformClaims.TENANT, user.tenant());
        }
        save(user.subject(), user.secret(), builder -> builder
                .clientSettings(settings.build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(user.validity()).build()));
    }

    private void save(String clientId, String secret, Consumer<RegisteredClient.Builder> details) {
        // a client id registered again replaces the old registration (RuntimeClientRepository)
        RegisteredClient.Builder builder = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret(secrets.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
        details.accept(builder);
        clients.save(builder.build());
    }

    /** The {@code iss} of its tokens, which is also where discovery starts. */
    public String issuer() {
        return issuer;
    }

    public String tokenUri() {
        return issuer + "/oauth2/token";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        context.close();
    }
}

package com.invoicedelivery.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import com.invoicedelivery.kit.config.ServiceKitDefaults;
import com.invoicedelivery.kit.document.DocumentClient;
import com.invoicedelivery.kit.document.DocumentClientConfiguration;
import com.invoicedelivery.kit.testing.TestIdentityProvider;
import com.invoicedelivery.kit.testing.TestIdentityProvider.TokenRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.client.RestClient;

/** Which services get {@link ServiceTokens}, and how they find their client and the token endpoint. */
class ServiceTokensConfigurationTest {

    private final TestIdentityProvider provider = TestIdentityProvider.start()
            .register("tracking-service", "s3cret", "pdf-service");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ServiceTokensConfiguration.class,
                    DocumentClientConfiguration.class))
            .withBean(RestClient.Builder.class, RestClient::builder)
            .withBean(OAuth2ResourceServerProperties.class, () -> {
                OAuth2ResourceServerProperties resourceServer = new OAuth2ResourceServerProperties();
                resourceServer.getJwt().setIssuerUri(provider.issuer());
                return resourceServer;
            })
            .withPropertyValues(kitDefaults())
            .withPropertyValues("spring.application.name=tracking-service");

    /** The kit's defaults of {@code platform.*}, as every service gets them. */
    private static String[] kitDefaults() {
        Properties defaults = new Properties();
        try (InputStream in = ServiceTokensConfigurationTest.class
                .getResourceAsStream("/service-kit-defaults.properties")) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return defaults.stringPropertyNames().stream().filter(key -> key.startsWith("platform."))
                .map(key -> key + "=" + defaults.getProperty(key)).toArray(String[]::new);
    }

    @Test
    void aServiceThatCallsNobodyStartsWithoutClientSettingsAndHasNoServiceTokens() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started).doesNotHaveBean(ServiceTokens.class);
            assertThat(started).doesNotHaveBean(DocumentClient.class);
        });
    }

    @Test
    void aClientSecretGivesServiceTokensAskedOfTheIssuersTokenEndpointAsTheServiceItself() {
        context.withPropertyValues("platform.oauth-client.client-secret=s3cret").run(started -> {
            String token = started.getBean(ServiceTokens.class).bearerToken("pdf-service");

            assertThat(provider.tokenRequests()).singleElement()
                    .extracting(TokenRequest::clientId, TokenRequest::scope, TokenRequest::accessToken)
                    .containsExactly("tracking-service", "pdf-service", token);
        });
    }

    @Test
    void theClientIdAndTheTokenEndpointAreSettable() {
        TestIdentityProvider elsewhere = TestIdentityProvider.start()
                .register("tracking-prod", "s3cret", "pdf-service");

        context.withPropertyValues("platform.oauth-client.client-secret=s3cret",
                        "OAUTH_CLIENT_ID=tracking-prod", "platform.oauth-client.token-uri=" + elsewhere.tokenUri())
                .run(started -> {
                    started.getBean(ServiceTokens.class).bearerToken("pdf-service");

                    assertThat(provider.tokenRequests()).isEmpty();
                    assertThat(elsewhere.tokenRequests()).extracting(TokenRequest::clientId)
                            .containsExactly("tracking-prod");
                });
    }

    @Test
    void aServiceThatNamesPdfServiceWithoutAClientSecretDoesNotStartAndSaysWhy() {
        context.withPropertyValues("platform.pdf-service.url=http://pdf-service:8080").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("OAUTH_CLIENT_SECRET"));
    }

    @Test
    void theShortVariablesAreMappedOnlyWhenTheyHaveAValue() {
        StandardEnvironment blank = environment(Map.of("OAUTH_CLIENT_SECRET", "", "OAUTH_TOKEN_URI", " "));
        StandardEnvironment set = environment(Map.of("OAUTH_CLIENT_SECRET", "s3cret",
                "OAUTH_TOKEN_URI", "https://login.example/token", "JWT_ISSUER_URI", "https://login.example"));

        assertThat(blank.containsProperty("platform.oauth-client.client-secret")).isFalse();
        assertThat(blank.containsProperty("platform.oauth-client.token-uri")).isFalse();
        assertThat(set.getProperty("platform.oauth-client.client-secret")).isEqualTo("s3cret");
        assertThat(set.getProperty("platform.oauth-client.token-uri")).isEqualTo("https://login.example/token");
        assertThat(set.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo("https://login.example");
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new ServiceKitDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}

package com.invoicedelivery.kit.security;

import com.invoicedelivery.kit.config.PlatformClock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * {@link ServiceTokens} in every service that has a client secret with the identity provider
 * ({@code OAUTH_CLIENT_SECRET}): the services that call others. A service that calls nobody starts without one.
 */
@AutoConfiguration
@ConditionalOnProperty("platform.oauth-client.client-secret")
@EnableConfigurationProperties(ServiceClientProperties.class)
public class ServiceTokensConfiguration {

    @Bean
    ServiceTokens clientCredentialsServiceTokens(ServiceClientProperties client,
                                                 OAuth2ResourceServerProperties resourceServer,
                                                 RestClient.Builder builder, Environment environment) {
        return new ClientCredentialsServiceTokens(client.clientId(), client.clientSecret(),
                client.tokenEndpoint(resourceServer.getJwt().getIssuerUri()),
                ClientCredentialsServiceTokens.tokenEndpointClient(builder, client.connectTimeout(),
                        client.readTimeout()),
                PlatformClock.of(environment));
    }
}

package com.invoicedelivery.kit.security;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This service as a client of the identity provider, for the tokens it presents to other services (the
 * client-credentials grant). Only services that call others need a secret; without one they have no
 * {@link ServiceTokens}.
 *
 * @param clientId       {@code OAUTH_CLIENT_ID}; the kit's default is the service's {@code spring.application.name}
 * @param clientSecret   {@code OAUTH_CLIENT_SECRET}, sent as HTTP Basic (client_secret_basic)
 * @param tokenUri       {@code OAUTH_TOKEN_URI}; when not set, the issuer's {@code /oauth2/token}
 *                       ({@code JWT_ISSUER_URI}), where Spring Authorization Server answers
 * @param connectTimeout how long to wait for a connection to the token endpoint
 * @param readTimeout    how long to wait for its answer
 */
@ConfigurationProperties("platform.oauth-client")
public record ServiceClientProperties(String clientId, String clientSecret, URI tokenUri, Duration connectTimeout,
                                      Duration readTimeout) {

    /** The defaults are in service-kit-defaults.properties, once; a missing one fails the start. */
    public ServiceClientProperties {
        Objects.requireNonNull(clientId, "platform.oauth-client.client-id (OAUTH_CLIENT_ID) is not set");
        Objects.requireNonNull(connectTimeout, "platform.oauth-client.connect-timeout is not set");
        Objects.requireNonNull(readTimeout, "platform.oauth-client.read-timeout is not set");
    }

    /** The token endpoint: {@link #tokenUri()} where set, else the issuer's {@code /oauth2/token}. */
    public URI tokenEndpoint(String issuer) {
        if (tokenUri != null) {
            return tokenUri;
        }
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("neither OAUTH_TOKEN_URI (platform.oauth-client.token-uri) nor "
                    + "JWT_ISSUER_URI is set: this service cannot ask for its service tokens");
        }
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return URI.create(base + "/oauth2/token");
    }
}

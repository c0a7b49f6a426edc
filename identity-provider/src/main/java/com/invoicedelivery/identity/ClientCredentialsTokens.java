package com.invoicedelivery.identity;

import java.util.Set;

import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * Asks a provider's token endpoint for an access token by the client-credentials grant over HTTP, with Spring
 * Security's OAuth 2 client (as the services do): what the launcher prints and what the end-to-end tests send.
 */
public final class ClientCredentialsTokens {

    private final String tokenUri;
    private final RestClientClientCredentialsTokenResponseClient client =
            new RestClientClientCredentialsTokenResponseClient();

    public ClientCredentialsTokens(String tokenUri) {
        this.tokenUri = tokenUri;
    }

    /**
     * @param scopes the services the token is for (a service client), or none (a user client: its registered
     *               audiences)
     * @return the token's value, a JWT
     * @throws org.springframework.security.oauth2.core.OAuth2AuthorizationException when the provider refuses
     */
    public String token(String clientId, String clientSecret, Set<String> scopes) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(clientId)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(tokenUri)
                .scope(scopes)
                .build();
        return client.getTokenResponse(new OAuth2ClientCredentialsGrantRequest(registration))
                .getAccessToken().getTokenValue();
    }
}

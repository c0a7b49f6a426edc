package com.invoicedelivery.kit.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.invoicedelivery.kit.web.ServiceRestClients;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * Service tokens from the identity provider by the client-credentials grant (Spring Security's OAuth 2 client): one
 * per called service, asked for with {@code scope=<that service's name>} so that its {@code aud} names it alone, and
 * kept until shortly before it expires. The client registrations are made here, one per audience, rather than by
 * Boot's {@code spring.security.oauth2.client.*} properties: a service only names its own client once.
 */
public class ClientCredentialsServiceTokens implements ServiceTokens {

    /** A token is asked for anew once it has less than this left, so no call leaves with one about to expire. */
    public static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final String clientId;
    private final OAuth2AuthorizedClientManager clients;

    /**
     * @param tokenEndpoint the HTTP client for the token endpoint, see {@link #tokenEndpointClient}
     * @param clock         when tokens count as about to expire
     */
    public ClientCredentialsServiceTokens(String clientId, String clientSecret, URI tokenUri, RestClient tokenEndpoint,
                                          Clock clock) {
        this.clientId = clientId;
        ClientRegistrationRepository registrations = new PerAudienceRegistrations(clientId, clientSecret, tokenUri);
        RestClientClientCredentialsTokenResponseClient responses = new RestClientClientCredentialsTokenResponseClient();
        responses.setRestClient(tokenEndpoint);
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                        new InMemoryOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(grant -> grant.accessTokenResponseClient(responses)
                        .clockSkew(RENEW_BEFORE_EXPIRY)
                        .clock(clock))
                .build());
        this.clients = manager;
    }

    /**
     * The token endpoint's HTTP client: Spring's OAuth 2 message converters and error handling (as its default
     * client has them), with timeouts (every network call has one).
     */
    public static RestClient tokenEndpointClient(RestClient.Builder builder, Duration connectTimeout,
                                                 Duration readTimeout) {
        return ServiceRestClients.withTimeouts(builder, connectTimeout, readTimeout)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    // one at a time: concurrent first calls ask for one token, not one each
    @Override
    public synchronized String bearerToken(String audience) {
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("a service token is for a named service");
        }
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(audience)
                .principal(clientId)
                .build();
        OAuth2AuthorizedClient client;
        try {
            client = clients.authorize(request);
        } catch (OAuth2AuthorizationException e) {
            throw new ServiceTokenException("no service token for calls to " + audience + ": "
                    + describe(e.getError()), e);
        }
        if (client == null) {
            throw new ServiceTokenException("no service token for calls to " + audience, null);
        }
        return client.getAccessToken().getTokenValue();
    }

    private static String describe(OAuth2Error error) {
        return error.getDescription() == null ? error.getErrorCode()
                : error.getErrorCode() + " (" + error.getDescription() + ")";
    }

    /** One registration per called service: the same client, asking for that service as its scope. */
    private static final class PerAudienceRegistrations implements ClientRegistrationRepository {

        private final String clientId;
        private final String clientSecret;
        private final URI tokenUri;
        private final Map<String, ClientRegistration> byAudience = new ConcurrentHashMap<>();

        PerAudienceRegistrations(String clientId, String clientSecret, URI tokenUri) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.tokenUri = tokenUri;
        }

        @Override
        public ClientRegistration findByRegistrationId(String audience) {
            return byAudience.computeIfAbsent(audience, this::registration);
        }

        private ClientRegistration registration(String audience) {
            return ClientRegistration.withRegistrationId(audience)
                    .clientId(clientId)
                    .clientSecret(clientSecret)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope(audience)
                    .tokenUri(tokenUri.toString())
                    .build();
        }
    }
}

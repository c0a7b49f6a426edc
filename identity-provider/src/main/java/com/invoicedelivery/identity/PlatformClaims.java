package com.invoicedelivery.identity;

import java.util.List;

import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Writes the platform's claims into every access token (docs/ARCHITECTURE.md, Security): {@code roles} and
 * {@code tenant} from the registered client's settings, and {@code aud} = the client's configured audiences for a
 * user client, or the granted scopes for a service client (a scope is the name of the service it may call).
 */
final class PlatformClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "platform.roles";
    static final String TENANT = "platform.tenant";
    /** Only user clients have it: a service client's audience is what it asked for and was granted. */
    static final String AUDIENCES = "platform.audiences";

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        ClientSettings settings = context.getRegisteredClient().getClientSettings();
        List<String> roles = settings.getSetting(ROLES);
        String tenant = settings.getSetting(TENANT);
        List<String> audiences = settings.getSetting(AUDIENCES);
        context.getClaims().claims(claims -> {
            claims.put("roles", roles == null ? List.of() : roles);
            if (tenant != null) {
                claims.put("tenant", tenant);
            }
        });
        // SAS writes aud = the client id by default: a token must name the services it is for instead
        context.getClaims().audience(audiences != null ? audiences
                : context.getAuthorizedScopes().stream().sorted().toList());
    }
}

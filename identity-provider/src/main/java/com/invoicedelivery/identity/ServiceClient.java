package com.invoicedelivery.identity;

import java.util.Objects;
import java.util.Set;

/**
 * A service of the platform as an OAuth 2 client: it asks for a token with {@code scope=<target service>} and
 * gets {@code aud=[<target service>]}, {@code roles=["service"]}, no tenant.
 *
 * @param name    the client id: the service's {@code spring.application.name}
 * @param secret  its client secret (kept hashed by the provider)
 * @param mayCall the services it may ask tokens for, which are its allowed scopes
 */
public record ServiceClient(String name, String secret, Set<String> mayCall) {

    public ServiceClient {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
        mayCall = Set.copyOf(mayCall);
    }
}

package com.invoicedelivery.kit.security;

/** Bearer tokens this service presents when it calls another service of the platform. */
public interface ServiceTokens {

    /**
     * A token for calls to one service, still valid for a while.
     *
     * @param audience the called service's name ({@code spring.application.name}, e.g. {@code pdf-service}): the
     *                 token is good for that service only
     * @throws ServiceTokenException when no token can be had now (the identity provider refused or did not answer)
     */
    String bearerToken(String audience);
}

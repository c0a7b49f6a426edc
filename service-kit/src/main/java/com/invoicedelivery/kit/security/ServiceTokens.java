package com.invoicedelivery.kit.security;

/** Bearer tokens this service presents when it calls another service of the platform. */
public interface ServiceTokens {

    String bearerToken();
}

package com.invoicedelivery.kit.security;

/**
 * No service token could be had: the identity provider refused this service's client (wrong secret, a scope it may
 * not ask for), answered with an error, or could not be reached in time. The message names the audience and the
 * provider's error, never the secret.
 */
public class ServiceTokenException extends RuntimeException {

    public ServiceTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}

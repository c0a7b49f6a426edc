package com.invoicedelivery.kit.security;

import java.util.Set;

/**
 * Who made the current API call, as the bearer token says. Controllers take it as a parameter and pass
 * {@link #tenantId()} into every query, so a tenant only ever reaches its own data.
 *
 * @param tenantId the tenant claim; null for operations and service callers that act across tenants
 */
public record Caller(String tenantId, String subject, Set<String> roles) {

    /** The claim that names the caller's tenant. */
    public static final String TENANT_CLAIM = "tenant";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The caller's tenant; a caller without one may not use tenant-scoped endpoints. */
    public String requireTenant() {
        if (tenantId == null || tenantId.isBlank()) {
            throw new MissingTenantException();
        }
        return tenantId;
    }

    /** Thrown when a token without a tenant claim calls a tenant-scoped endpoint. */
    public static final class MissingTenantException extends RuntimeException {
        MissingTenantException() {
            super("the bearer token names no tenant");
        }
    }
}

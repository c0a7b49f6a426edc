package com.invoicedelivery.kit.security;

/** The roles a bearer token can carry in its {@value #CLAIM} claim. */
public final class Roles {

    /** The claim that lists the caller's roles. */
    public static final String CLAIM = "roles";

    /** Works with the tenant's invoices, clients and sends. */
    public static final String TENANT_USER = "tenant_user";
    /** A tenant user who may also change the tenant's settings, SMTP server and templates. */
    public static final String TENANT_ADMIN = "tenant_admin";
    /** Platform operations staff: cross-tenant read-only views, dead-letter replay, actuator. */
    public static final String OPERATIONS = "operations";
    /** Another service of the platform (service-to-service calls such as fetching a PDF). */
    public static final String SERVICE = "service";

    private Roles() {
    }

    /** The Spring Security authority a role maps to, e.g. {@code ROLE_TENANT_USER}. */
    public static String authority(String role) {
        return "ROLE_" + role.toUpperCase(java.util.Locale.ROOT);
    }
}

package com.invoicedelivery.kit.security;

import java.util.Objects;

import org.springframework.http.HttpMethod;

/**
 * A role a service requires on some of its paths, other than the platform's defaults (where {@code /api/**} asks
 * for a tenant user and any other undeclared path is refused). A service declares one bean per rule; the kit's API
 * chain applies them before its own rules, in bean order ({@code @Order}, else the order they are declared in). The
 * first rule that matches a request decides, so narrower rules are declared before wider ones.
 *
 * @param method  the HTTP method the rule is for, or {@code null} for every method
 * @param pattern the request path pattern, e.g. {@code /api/settings/**}
 * @param role    one of {@link Roles}; a role the caller's roles imply (tenant admin → tenant user) will do
 */
public record PathRoles(HttpMethod method, String pattern, String role) {

    public PathRoles {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(role, "role");
    }

    /** The rule for every method on the paths. */
    public static PathRoles anyMethod(String pattern, String role) {
        return new PathRoles(null, pattern, role);
    }
}

package com.invoicedelivery.invoice.shared.web;

import com.invoicedelivery.kit.security.PathRoles;
import com.invoicedelivery.kit.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which part of {@code /api}: the tenant registry is for operations staff; changing the tenant's
 * settings and e-mail templates is for its administrators; everything else is for the tenant's users by the kit's
 * own rule for {@code /api/**} (a tenant admin is a tenant user too). The rules are on the paths, so a refusal is
 * the chain's 403 problem whatever the kit does with a method-level refusal; the kit's chain applies them before
 * its own, in the order they are declared here, the first match deciding.
 */
@Configuration(proxyBeanMethods = false)
public class ApiAccessConfiguration {

    @Bean
    PathRoles tenantRegistryIsForOperations() {
        return PathRoles.anyMethod("/api/operations/**", Roles.OPERATIONS);
    }

    @Bean
    PathRoles settingsAreChangedByAdmins() {
        return new PathRoles(HttpMethod.PUT, "/api/settings/**", Roles.TENANT_ADMIN);
    }

    @Bean
    PathRoles templatesAreChangedByAdmins() {
        return new PathRoles(HttpMethod.PUT, "/api/templates/**", Roles.TENANT_ADMIN);
    }

    @Bean
    PathRoles templatesAreRemovedByAdmins() {
        return new PathRoles(HttpMethod.DELETE, "/api/templates/**", Roles.TENANT_ADMIN);
    }

    /** A tenant's delivery overview is its admin's (operations see every tenant's under /api/operations). */
    @Bean
    PathRoles deliveryOverviewIsForAdmins() {
        return PathRoles.anyMethod("/api/delivery/**", Roles.TENANT_ADMIN);
    }
}

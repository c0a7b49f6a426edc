package com.invoicedelivery.mail.dispatch.web;

import com.invoicedelivery.kit.security.PathRoles;
import com.invoicedelivery.kit.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Only a tenant's admin may make its waiting e-mails due now; operations do it for any tenant under
 * {@code /api/operations/dispatch/**} (the kit's chain would otherwise ask a tenant user there).
 */
@Configuration(proxyBeanMethods = false)
public class RetryNowAccessConfiguration {

    @Bean
    PathRoles retryNowOfAnyTenantIsForOperations() {
        return PathRoles.anyMethod("/api/operations/dispatch/**", Roles.OPERATIONS);
    }

    @Bean
    PathRoles retryNowIsForTenantAdmins() {
        return PathRoles.anyMethod("/api/dispatch/**", Roles.TENANT_ADMIN);
    }
}

package com.invoicedelivery.tracking.logo.web;

import com.invoicedelivery.kit.security.PathRoles;
import com.invoicedelivery.kit.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The tenant's logo: every user of the tenant may see it, only a tenant admin may change or remove it. */
@Configuration(proxyBeanMethods = false)
public class LogoAccessConfiguration {

    @Bean
    PathRoles logoIsReadByTenantUsers() {
        return new PathRoles(HttpMethod.GET, LogoController.PATH, Roles.TENANT_USER);
    }

    @Bean
    PathRoles logoIsOtherwiseForAdmins() {
        return PathRoles.anyMethod(LogoController.PATH + "/**", Roles.TENANT_ADMIN);
    }
}

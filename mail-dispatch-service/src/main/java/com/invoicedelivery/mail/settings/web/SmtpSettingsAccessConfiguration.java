package com.invoicedelivery.mail.settings.web;

import com.invoicedelivery.kit.security.PathRoles;
import com.invoicedelivery.kit.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use the SMTP settings: every user of the tenant may read them, only a tenant admin may change, remove or
 * test them (a test logs in with the tenant's password). The kit's chain applies these rules in the order they are
 * declared here, the first match deciding, before its own.
 */
@Configuration(proxyBeanMethods = false)
public class SmtpSettingsAccessConfiguration {

    private static final String PATH = "/api/smtp-settings";

    @Bean
    PathRoles smtpSettingsAreReadByTenantUsers() {
        return new PathRoles(HttpMethod.GET, PATH, Roles.TENANT_USER);
    }

    /** The settings themselves and everything under them ({@code /**} matches the bare path too). */
    @Bean
    PathRoles smtpSettingsAreOtherwiseForAdmins() {
        return PathRoles.anyMethod(PATH + "/**", Roles.TENANT_ADMIN);
    }
}

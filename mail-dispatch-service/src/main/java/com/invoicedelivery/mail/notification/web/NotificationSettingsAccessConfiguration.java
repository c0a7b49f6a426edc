package com.invoicedelivery.mail.notification.web;

import com.invoicedelivery.kit.security.PathRoles;
import com.invoicedelivery.kit.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use the notification settings: every user of the tenant may read them, only a tenant admin may change
 * them (they decide where news of the tenant's clients goes).
 */
@Configuration(proxyBeanMethods = false)
public class NotificationSettingsAccessConfiguration {

    private static final String PATH = "/api/notification-settings";

    @Bean
    PathRoles notificationSettingsAreReadByTenantUsers() {
        return new PathRoles(HttpMethod.GET, PATH, Roles.TENANT_USER);
    }

    @Bean
    PathRoles notificationSettingsAreOtherwiseForAdmins() {
        return PathRoles.anyMethod(PATH + "/**", Roles.TENANT_ADMIN);
    }
}

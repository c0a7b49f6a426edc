package com.invoicedelivery.mail.settings.web;

import java.util.Locale;

import com.invoicedelivery.kit.security.PlatformSecurityConfiguration;
import com.invoicedelivery.kit.security.ProblemSecurityHandlers;
import com.invoicedelivery.kit.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may use the SMTP settings: every user of the tenant may read them, only a tenant admin may change, remove or
 * test them (a test logs in with the tenant's password). Comes before the kit's chain, with its token validation
 * and problem answers.
 */
@Configuration(proxyBeanMethods = false)
public class SmtpSettingsAccessConfiguration {

    static final String PATH = "/api/smtp-settings";

    @Bean
    @Order(PlatformSecurityConfiguration.API_CHAIN_ORDER - 1)
    SecurityFilterChain smtpSettingsAccess(HttpSecurity http, JwtAuthenticationConverter converter,
                                           ProblemSecurityHandlers problems) throws Exception {
        http.securityMatcher(PATH, PATH + "/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, PATH).hasRole(role(Roles.TENANT_USER))
                        .anyRequest().hasRole(role(Roles.TENANT_ADMIN)))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens are not sent by browsers on their own: no CSRF exposure on these paths
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    private static String role(String role) {
        return role.toUpperCase(Locale.ROOT);
    }
}

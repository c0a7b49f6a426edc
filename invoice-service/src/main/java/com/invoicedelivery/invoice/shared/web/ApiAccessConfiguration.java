package com.invoicedelivery.invoice.shared.web;

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
 * Who may call which part of {@code /api}: the tenant registry is for operations staff; changing the tenant's
 * settings and e-mail templates is for its administrators; everything else for the tenant's users (a tenant admin
 * is a tenant user too). The rules are on the paths, so a refusal is the chain's 403 problem whatever the kit does
 * with a method-level refusal. The kit's chain only asks for a valid token, so this chain
 * comes before it for {@code /api/**} and keeps its token validation and problem answers.
 */
@Configuration(proxyBeanMethods = false)
public class ApiAccessConfiguration {

    @Bean
    @Order(PlatformSecurityConfiguration.API_CHAIN_ORDER - 1)
    SecurityFilterChain invoiceApiAccess(HttpSecurity http, JwtAuthenticationConverter platformJwtAuthenticationConverter,
                                         ProblemSecurityHandlers problems) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/operations/**").hasRole(role(Roles.OPERATIONS))
                        .requestMatchers(HttpMethod.PUT, "/api/settings/**").hasRole(role(Roles.TENANT_ADMIN))
                        .requestMatchers(HttpMethod.PUT, "/api/templates/**").hasRole(role(Roles.TENANT_ADMIN))
                        .requestMatchers(HttpMethod.DELETE, "/api/templates/**").hasRole(role(Roles.TENANT_ADMIN))
                        .anyRequest().hasRole(role(Roles.TENANT_USER)))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(platformJwtAuthenticationConverter))
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

package com.invoicedelivery.kit.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service's REST API is an OAuth2 resource server: JWT bearer tokens with the tenant and the roles in
 * claims. Health and the OpenAPI document are open; other actuator endpoints are for operations; {@code
 * /internal/**} is for other services only; {@code /api/**} is for the tenant's users (a tenant admin is one);
 * every other path is refused, whatever the token. A service that requires another role on some of its paths
 * (operations views, admin-only changes) declares {@link PathRoles} beans, applied first. A service that serves
 * public pages adds its own filter chain with a higher precedence for those paths.
 */
@AutoConfiguration
public class PlatformSecurityConfiguration {

    /** The order of the API chain: a service's own chains for other paths must come first. */
    public static final int API_CHAIN_ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    @Bean
    JwtAuthenticationConverter platformJwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(PlatformSecurityConfiguration::authorities);
        return converter;
    }

    @Bean
    static RoleHierarchy platformRoleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Roles.TENANT_ADMIN.toUpperCase()).implies(Roles.TENANT_USER.toUpperCase())
                .build();
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(JsonMapper jsonMapper) {
        return new ProblemSecurityHandlers(jsonMapper);
    }

    /**
     * Tokens must expire, come from the identity provider ({@code JWT_ISSUER_URI}, the only issuer trusted: no
     * service signs tokens) and name this service ({@code spring.application.name}) among their audiences.
     */
    @Bean
    PlatformTokenRules platformTokenRules(OAuth2ResourceServerProperties resourceServer, Environment environment) {
        String issuer = resourceServer.getJwt().getIssuerUri();
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("JWT_ISSUER_URI (spring.security.oauth2.resourceserver.jwt.issuer-uri) is "
                    + "not set: the APIs accept only the identity provider's tokens");
        }
        // Boot's own property, which has no typed holder to inject
        return new PlatformTokenRules(issuer, environment.getRequiredProperty("spring.application.name"));
    }

    /**
     * Wraps the decoder Boot builds (issuer, keys, validators: all its own) in {@link RememberedTokens}, so a token
     * presented again is not verified again. A post-processor rather than a decoder bean of our own: a bean of ours
     * would switch Boot's decoder off, and with it the validators it adds.
     */
    @Bean
    static BeanPostProcessor rememberVerifiedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof RememberedTokens)
                        ? new RememberedTokens(decoder, Clock.systemUTC()) : bean;
            }
        };
    }

    /** Spring Security's filter chain proxy picks this up for the requests its firewall refuses. */
    @Bean
    ProblemRequestRejectedHandler problemRequestRejectedHandler(JsonMapper jsonMapper) {
        return new ProblemRequestRejectedHandler(jsonMapper);
    }

    @Bean
    @Order(API_CHAIN_ORDER)
    SecurityFilterChain platformApiSecurity(HttpSecurity http, JwtAuthenticationConverter converter,
                                            ProblemSecurityHandlers problems, ObjectProvider<PathRoles> pathRoles)
            throws Exception {
        http.authorizeHttpRequests(requests -> {
                    // the service's own rules come first: the first rule matching a request decides
                    pathRoles.orderedStream().forEach(rule -> require(requests, rule));
                    platformDefaults(requests);
                })
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

    private static void require(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            PathRoles rule) {
        requests.requestMatchers(rule.method(), rule.pattern()).hasRole(rule.role().toUpperCase(Locale.ROOT));
    }

    private static void platformDefaults(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml").permitAll()
                .requestMatchers("/error").permitAll()
                .requestMatchers("/actuator/**").hasRole(Roles.OPERATIONS.toUpperCase())
                .requestMatchers("/internal/**").hasRole(Roles.SERVICE.toUpperCase())
                // default deny: a valid token alone opens nothing; the API is the tenant's unless a service's
                // PathRoles said otherwise, and a path nobody declared is refused
                .requestMatchers("/api", "/api/**").hasRole(Roles.TENANT_USER.toUpperCase())
                .anyRequest().denyAll();
    }

    @Bean
    WebMvcConfigurer callerArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(Roles.CLAIM);
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(Roles.authority(role))));
        }
        return authorities;
    }
}

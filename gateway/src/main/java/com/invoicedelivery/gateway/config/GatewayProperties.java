package com.invoicedelivery.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's own settings ({@code gateway.*}); the route table itself is Spring Cloud Gateway's
 * ({@code spring.cloud.gateway.server.webmvc.routes}), which reads the service addresses from here.
 *
 * @param services          each service's base URL by its short name (invoice, pdf, mail-dispatch, tracking): the
 *                          routes' targets, and where the API documents are read from
 * @param cors              which browser origins may call the API
 * @param exposeOperations  false: {@code /api/operations/**} answers 404 at the gateway (the cluster, where operations
 *                          reach the services inside the cluster); true: routed like the rest (a local run)
 * @param documentsTimeout  how long one service's OpenAPI document may take to come, for the combined document
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(Map<String, URI> services, Cors cors, boolean exposeOperations,
                                Duration documentsTimeout) {

    public GatewayProperties {
        services = services == null ? Map.of() : new LinkedHashMap<>(services);
        if (services.isEmpty()) {
            throw new IllegalArgumentException("gateway.services names no service");
        }
        services.forEach((name, url) -> {
            if (url == null || url.getScheme() == null || url.getHost() == null) {
                throw new IllegalArgumentException("gateway.services." + name + " is not an absolute URL: " + url);
            }
        });
        services = Map.copyOf(services);
        cors = cors == null ? new Cors(List.of(), null) : cors;
        documentsTimeout = documentsTimeout == null ? Duration.ofSeconds(10) : documentsTimeout;
    }

    /**
     * @param allowedOrigins the exact origins ({@code https://app.example.com}) a browser may call the API from;
     *                       none: no cross-origin call is allowed (the UI is served from the gateway's own origin)
     * @param maxAge         how long a browser may keep a preflight's answer
     */
    public record Cors(List<String> allowedOrigins, Duration maxAge) {

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
            for (String origin : allowedOrigins) {
                URI uri = URI.create(origin);
                // "*" would let any page use a user's token it got hold of; a path is never part of an origin
                if (uri.getScheme() == null || uri.getHost() == null || !(uri.getPath() == null || uri.getPath().isEmpty())) {
                    throw new IllegalArgumentException("gateway.cors.allowed-origins: " + origin
                            + " is not an origin (scheme://host[:port], no path, no wildcard)");
                }
            }
            maxAge = maxAge == null ? Duration.ofMinutes(30) : maxAge;
        }
    }
}

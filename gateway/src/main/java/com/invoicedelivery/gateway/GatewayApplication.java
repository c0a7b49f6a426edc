package com.invoicedelivery.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * gateway: the web UI's one entry point. Routes {@code /api/...} and the clients' link pages to the service that owns
 * them (the route table is YAML, application.yml), relays the caller's bearer token untouched, sets the forwarded
 * headers, answers CORS preflights itself, and serves one Swagger UI and one combined OpenAPI document for all
 * services. It checks no token: every service still does (docs/ARCHITECTURE.md, "The gateway").
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}

package com.invoicedelivery.gateway.apidocs;

import java.util.Optional;

/**
 * How a service's own path is published at the gateway: the same, except what the services share and must not
 * collide ({@code /api/operations/dead-letters} exists on all four), which gets the service's name, and what is never
 * routed ({@code /internal/**}). The same rule as the RewritePath routes in application.yml; GatewayRoutingTest
 * checks that every path this publishes reaches its service.
 */
public final class PublicPaths {

    /** The kit's dead-letter operations (kit.deadletter.DeadLetterController), on every service. */
    static final String SHARED_DEAD_LETTERS = "/api/operations/dead-letters";
    static final String INTERNAL = "/internal/";
    static final String OPERATIONS = "/api/operations/";

    private PublicPaths() {
    }

    /**
     * @param service          the service's short name (gateway.services key: invoice, pdf, mail-dispatch, tracking)
     * @param exposeOperations false: operations' paths are not published (nor routed)
     * @return the path at the gateway; empty when the gateway does not route it
     */
    public static Optional<String> of(String service, String servicePath, boolean exposeOperations) {
        if (servicePath.startsWith(INTERNAL)) {
            return Optional.empty();
        }
        if (!exposeOperations && servicePath.startsWith(OPERATIONS)) {
            return Optional.empty();
        }
        if (servicePath.equals(SHARED_DEAD_LETTERS) || servicePath.startsWith(SHARED_DEAD_LETTERS + "/")) {
            return Optional.of("/api/operations/" + service + "/dead-letters"
                    + servicePath.substring(SHARED_DEAD_LETTERS.length()));
        }
        return Optional.of(servicePath);
    }
}

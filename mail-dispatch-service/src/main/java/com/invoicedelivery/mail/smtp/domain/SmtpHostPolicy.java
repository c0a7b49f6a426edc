package com.invoicedelivery.mail.smtp.domain;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a tenant's SMTP settings may make the platform connect. A tenant names the host, and the service connects
 * from inside the platform's network: without limits a tenant could make it knock on the platform's own services,
 * a cloud metadata endpoint or the platform's SMTP relay (sending as the platform). Every address the host name
 * resolves to must pass, and the connection then goes to a checked address (never to a second lookup).
 *
 * @param allowedPorts        the ports a tenant's server may listen on, unless {@code allowAnyPort}
 * @param allowLoopback       loopback addresses are allowed (local runs and tests, against a server on this machine)
 * @param allowPrivate        private network addresses are allowed (a relay inside the platform's network)
 * @param allowPlatformServer the platform's own SMTP server may be a tenant's server too
 */
public record SmtpHostPolicy(Set<Integer> allowedPorts, boolean allowAnyPort, boolean allowLoopback,
                             boolean allowPrivate, boolean allowPlatformServer) {

    public SmtpHostPolicy {
        allowedPorts = Set.copyOf(allowedPorts);
    }

    /**
     * Why a tenant's server at {@code host}:{@code port}, resolved to {@code addresses}, is refused; empty when it
     * is allowed.
     *
     * @param platformServer whether it is the platform's own SMTP server (the same port, and the same host name
     *                       or one of its addresses)
     */
    public Optional<String> refusal(String host, int port, List<InetAddress> addresses, boolean platformServer) {
        if (!allowAnyPort && !allowedPorts.contains(port)) {
            return Optional.of("port " + port + " is not allowed for a tenant's SMTP server (allowed: "
                    + allowedPorts.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        if (addresses.isEmpty()) {
            return Optional.of(host + " resolves to no address");
        }
        if (platformServer && !allowPlatformServer) {
            return Optional.of(host + ":" + port + " is the platform's own SMTP server, which a tenant's settings"
                    + " may not name");
        }
        for (InetAddress address : addresses) {
            AddressClass kind = AddressClass.of(address);
            if (!allows(kind)) {
                return Optional.of(host + " resolves to " + address.getHostAddress() + ", " + kind.description()
                        + ", where a tenant's SMTP server may not be");
            }
        }
        return Optional.empty();
    }

    private boolean allows(AddressClass kind) {
        return switch (kind) {
            case PUBLIC -> true;
            case LOOPBACK -> allowLoopback;
            case PRIVATE -> allowPrivate;
            case LINK_LOCAL, MULTICAST, UNSPECIFIED -> false;
        };
    }
}

package com.invoicedelivery.mail.smtp.application;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.invoicedelivery.mail.smtp.domain.SmtpHostPolicy;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;

/**
 * Resolves an SMTP server's host name once and checks every address against the policy, before any connection:
 * the connection then goes to the checked address, so a second lookup (DNS rebinding) cannot move it elsewhere.
 * The platform's own server is the operators' setting and is not checked.
 */
public class SmtpHostGuard {

    /** Looks a host name up: every address it has. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public static final Resolver DNS = host -> List.of(InetAddress.getAllByName(host));

    private final SmtpHostPolicy policy;
    private final SmtpServer platform;
    private final Resolver resolver;

    public SmtpHostGuard(SmtpHostPolicy policy, SmtpServer platform, Resolver resolver) {
        this.policy = policy;
        this.platform = platform;
        this.resolver = resolver;
    }

    /**
     * The address to connect to for {@code server}; null for the platform's own server, which is connected to by
     * its name as configured.
     *
     * @throws UnknownHostException      when the name does not resolve (perhaps only for now)
     * @throws SmtpHostRefusedException when the policy refuses the server
     */
    public InetAddress check(SmtpServer server) throws UnknownHostException {
        if (server.isPlatform()) {
            return null;
        }
        List<InetAddress> addresses = resolver.resolve(server.host());
        Optional<String> refusal = policy.refusal(server.host(), server.port(), addresses,
                isPlatformServer(server, addresses));
        if (refusal.isPresent()) {
            throw new SmtpHostRefusedException("The SMTP server " + server.address() + " is not allowed: "
                    + refusal.get());
        }
        return addresses.get(0);
    }

    private boolean isPlatformServer(SmtpServer server, List<InetAddress> addresses) {
        if (server.port() != platform.port()) {
            return false;
        }
        if (server.host().toLowerCase(Locale.ROOT).equals(platform.host().toLowerCase(Locale.ROOT))) {
            return true;
        }
        try {
            List<InetAddress> platformAddresses = resolver.resolve(platform.host());
            return addresses.stream().anyMatch(platformAddresses::contains);
        } catch (UnknownHostException unresolved) {
            return false;
        }
    }
}

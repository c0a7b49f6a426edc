package com.invoicedelivery.mail.dispatch.domain;

import java.util.Locale;
import java.util.Optional;


/**
 * VERP: every message through the platform's server has its own envelope sender, {@code bounces+<token>@<domain>},
 * so a report coming back names the message it is about by the address it is sent to, whatever the reporting server
 * writes in the report itself.
 */
public final class BounceAddresses {

    static final String LOCAL_PREFIX = "bounces+";

    private BounceAddresses() {
    }

    public static String of(String token, String domain) {
        return LOCAL_PREFIX + token + "@" + domain;
    }

    /**
     * The token in {@code address} ({@code <...>} and case tolerated), when it is a bounce address of {@code domain};
     * empty otherwise.
     */
    public static Optional<String> tokenIn(String address, String domain) {
        if (address == null || domain == null) {
            return Optional.empty();
        }
        String plain = address.trim();
        if (plain.startsWith("<") && plain.endsWith(">")) {
            plain = plain.substring(1, plain.length() - 1);
        }
        plain = plain.toLowerCase(Locale.ROOT);
        int at = plain.lastIndexOf('@');
        if (at < 0 || !plain.substring(at + 1).equals(domain.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String local = plain.substring(0, at);
        if (!local.startsWith(LOCAL_PREFIX)) {
            return Optional.empty();
        }
        String token = local.substring(LOCAL_PREFIX.length());
        return BounceTokens.isToken(token) ? Optional.of(token) : Optional.empty();
    }

    /** Whether {@code address} is in {@code domain} at all (the inbound server takes mail for nothing else). */
    public static boolean isInDomain(String address, String domain) {
        if (address == null || domain == null) {
            return false;
        }
        String plain = address.trim().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
        return plain.endsWith("@" + domain.toLowerCase(Locale.ROOT));
    }
}

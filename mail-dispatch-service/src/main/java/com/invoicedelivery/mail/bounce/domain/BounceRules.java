package com.invoicedelivery.mail.bounce.domain;

import java.util.Locale;

import com.invoicedelivery.events.BounceKind;

/** How a DSN's action and status are read (RFC 3464 §2.3.3, RFC 3463). */
public final class BounceRules {

    private BounceRules() {
    }

    /**
     * HARD for a failure with a permanent status (5.x.x), except a full mailbox (5.2.2, which RFC 3463 calls
     * persistent-transient, and which frees itself); SOFT for a delay, a transient status (4.x.x) or a full
     * mailbox; null for delivered, relayed, expanded, or an action not known.
     */
    public static BounceKind kindOf(String action, String status) {
        String act = action == null ? "" : action.trim().toLowerCase(Locale.ROOT);
        String code = status == null ? "" : status.trim();
        if (act.equals("delayed")) {
            return BounceKind.SOFT;
        }
        if (!act.equals("failed")) {
            return null;
        }
        if (code.startsWith("5.2.2") || code.startsWith("4.")) {
            return BounceKind.SOFT;
        }
        return BounceKind.HARD;
    }

    /** Whether {@code reported} names {@code sentTo}: addresses compared without case, brackets or an address type. */
    public static boolean sameAddress(String reported, String sentTo) {
        return reported != null && sentTo != null && plain(reported).equals(plain(sentTo));
    }

    /** {@code rfc822; <A@B>} → {@code a@b}. */
    public static String plain(String address) {
        String value = address.trim();
        int semicolon = value.indexOf(';');
        if (semicolon >= 0) {
            value = value.substring(semicolon + 1).trim();
        }
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.toLowerCase(Locale.ROOT);
    }
}

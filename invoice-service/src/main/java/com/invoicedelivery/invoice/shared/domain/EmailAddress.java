package com.invoicedelivery.invoice.shared.domain;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The e-mail addresses the platform sends to: a plain {@code local@domain.tld}, without display names, comments
 * or quoted parts, so that no header can be smuggled in through an address. The domain may be internationalised
 * ({@code office@фирма.бг}); it is kept in its ASCII form ({@code office@xn--80apmps.xn--90ae}), which every
 * mail server accepts. The local part stays ASCII: not every server takes SMTPUTF8.
 */
public final class EmailAddress {

    /** RFC 5321 limits a forward path to 256 octets including the angle brackets. */
    public static final int MAX_LENGTH = 254;

    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern FORMAT = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@" + LABEL + "(?:\\." + LABEL + ")+");

    private EmailAddress() {
    }

    public static boolean isValid(String address) {
        String canonical = canonical(address);
        return canonical != null && canonical.length() <= MAX_LENGTH && FORMAT.matcher(canonical).matches();
    }

    /** The address with its domain in ASCII (IDNA) form; unchanged when it has none (and so is not valid). */
    public static String canonical(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        if (at < 0 || address.chars().anyMatch(Character::isISOControl)) {
            return address;
        }
        try {
            return address.substring(0, at + 1) + IDN.toASCII(address.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException notADomain) {
            return address;
        }
    }

    /** The form two addresses are compared in: mailbox providers treat addresses case-insensitively. */
    public static String comparable(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}

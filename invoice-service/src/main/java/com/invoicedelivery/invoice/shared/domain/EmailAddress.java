package com.invoicedelivery.invoice.shared.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The e-mail addresses the platform sends to: a plain {@code local@domain.tld}, without display names, comments
 * or quoted parts, so that no header can be smuggled in through an address.
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
        return address != null && address.length() <= MAX_LENGTH && FORMAT.matcher(address).matches();
    }

    /** The form two addresses are compared in: mailbox providers treat addresses case-insensitively. */
    public static String comparable(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}

package com.invoicedelivery.mail.settings.domain;

import java.util.regex.Pattern;

/** The syntax of host names (RFC 1123), IPv4 addresses and plain e-mail addresses (RFC 5321 dot-atom). */
public final class NetworkNames {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,3}");
    private static final Pattern LOCAL_PART =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final int MAX_HOST = 253;
    private static final int MAX_LOCAL_PART = 64;

    private NetworkNames() {
    }

    /** A host name such as {@code smtp.example.com} or {@code localhost}, or an IPv4 address. */
    public static boolean isHost(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_HOST) {
            return false;
        }
        String[] labels = text.split("\\.", -1);
        boolean numeric = true;
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
            numeric &= NUMBER.matcher(label).matches();
        }
        return !numeric || isIpv4(labels);
    }

    /** A plain address such as {@code invoices@example.com}: no display name, a domain with a dot. */
    public static boolean isMailAddress(String text) {
        int at = text == null ? -1 : text.lastIndexOf('@');
        if (at < 1) {
            return false;
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        return local.length() <= MAX_LOCAL_PART && LOCAL_PART.matcher(local).matches() && domain.contains(".")
                && isHost(domain);
    }

    private static boolean isIpv4(String[] labels) {
        if (labels.length != 4) {
            return false;
        }
        for (String label : labels) {
            if (Integer.parseInt(label) > 255) {
                return false;
            }
        }
        return true;
    }
}

package com.invoicedelivery.mail.message.domain;

import java.util.Locale;

/** The From address of mail sent through the platform's own server. */
public final class SenderAddresses {

    static final String LOCAL_PART = "invoices";

    private SenderAddresses() {
    }

    /** {@code invoices@<tenant-subdomain>.<platform-domain>} */
    public static String platformDefault(String subdomain, String platformDomain) {
        return LOCAL_PART + "@" + subdomain.toLowerCase(Locale.ROOT) + "." + platformDomain;
    }
}

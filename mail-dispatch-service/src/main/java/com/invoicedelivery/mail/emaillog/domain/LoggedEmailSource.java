package com.invoicedelivery.mail.emaillog.domain;

import com.invoicedelivery.kit.digest.Sha256;

/**
 * A logged e-mail with its MIME source as the log shows it: as sent, the link's token hidden when
 * {@code email.linkHidden()}, an attached document put back in from pdf-service.
 */
public record LoggedEmailSource(LoggedEmail email, byte[] source) {

    /**
     * Whether the source is, by its SHA-256, the exact bytes sent. A copy with the link's token hidden never is (by
     * design); any other copy should always be.
     */
    public boolean isExactlyAsSent() {
        return !email.linkHidden() && Sha256.hex(source).equalsIgnoreCase(email.sha256());
    }
}

package com.invoicedelivery.mail.message.application;

import java.time.Instant;
import java.util.Objects;

import com.invoicedelivery.mail.message.domain.DkimSigner;

/** Signs the e-mails that go through the platform's own server, when DKIM signing is configured. */
public class MessageSigning {

    private final DkimSigner signer;

    /** @param signer null when signing is off */
    private MessageSigning(DkimSigner signer) {
        this.signer = signer;
    }

    public static MessageSigning off() {
        return new MessageSigning(null);
    }

    public static MessageSigning with(DkimSigner signer) {
        return new MessageSigning(Objects.requireNonNull(signer, "signer"));
    }

    public boolean isOn() {
        return signer != null;
    }

    /**
     * The e-mail with a DKIM-Signature header in front, or unchanged when signing is off. The log's copy gets the same
     * header: it shows what was sent, its link hidden after signing (so its signature no longer verifies; the log's
     * SHA-256 is of the bytes signed and sent).
     */
    public PreparedEmail signedForPlatform(PreparedEmail email, Instant now) {
        return signer == null ? email : email.withHeaderInFront(signer.sign(email.source(), now));
    }
}

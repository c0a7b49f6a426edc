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

    /** The e-mail with a DKIM-Signature header in front, or unchanged when signing is off. */
    public PreparedEmail signedForPlatform(PreparedEmail email, Instant now) {
        return signer == null ? email : email.withSource(signer.sign(email.source(), now));
    }
}

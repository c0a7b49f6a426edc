package com.invoicedelivery.mail.settings.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret encrypted with AES-GCM: the id of the key it was encrypted with, the random 12-byte IV of this
 * encryption, and the ciphertext with its authentication tag. Safe to store; useless without the key.
 */
public record SealedSecret(String keyId, byte[] iv, byte[] ciphertext) {

    public SealedSecret {
        Objects.requireNonNull(keyId, "keyId");
        iv = iv.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecret sealed && keyId.equals(sealed.keyId) && Arrays.equals(iv, sealed.iv)
                && Arrays.equals(ciphertext, sealed.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, Arrays.hashCode(iv), Arrays.hashCode(ciphertext));
    }

    @Override
    public String toString() {
        return "SealedSecret[key " + keyId + "]";
    }
}

package com.invoicedelivery.mail.settings.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys secrets are encrypted with (AES-256-GCM): the current one, which encrypts, and previous ones, which
 * still decrypt what they encrypted until it is encrypted again under the current key (rotation). Every
 * encryption has its own random 12-byte IV. The context (e.g. the tenant id) is bound to the ciphertext as
 * associated data: a secret copied to another tenant's document does not decrypt there.
 */
public final class SecretKeys {

    public static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;
    private final SecureRandom random = new SecureRandom();

    private SecretKeys(String currentId, Map<String, SecretKeySpec> keys) {
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    /** No key configured: nothing can be encrypted, and nothing stored decrypts. */
    public static SecretKeys none() {
        return new SecretKeys(null, Map.of());
    }

    /**
     * @param previous older keys by id, which only decrypt
     * @throws IllegalArgumentException when a key is not {@value #KEY_BYTES} bytes or an id is used twice
     */
    public static SecretKeys of(String currentId, byte[] current, Map<String, byte[]> previous) {
        Objects.requireNonNull(currentId, "currentId");
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        keys.put(currentId, aesKey(currentId, current));
        previous.forEach((id, key) -> {
            if (keys.put(id, aesKey(id, key)) != null) {
                throw new IllegalArgumentException("the key id '" + id + "' is used twice");
            }
        });
        return new SecretKeys(currentId, keys);
    }

    /** The id of the key that encrypts; null when none is configured. */
    public String currentKeyId() {
        return currentId;
    }

    public boolean canSeal() {
        return currentId != null;
    }

    /** Whether the secret is encrypted under the current key (else it should be encrypted again). */
    public boolean isCurrent(SealedSecret sealed) {
        return currentId != null && currentId.equals(sealed.keyId());
    }

    /** @throws SecretsUnavailableException when no key is configured */
    public SealedSecret seal(String secret, String context) {
        if (currentId == null) {
            throw new SecretsUnavailableException("no encryption key is configured (MAIL_SECRETS_KEY), so passwords"
                    + " cannot be stored");
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentId), iv, context);
            return new SealedSecret(currentId, iv, cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws SecretsUnavailableException when the secret's key is not configured or does not fit */
    public String open(SealedSecret sealed, String context) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new SecretsUnavailableException("the stored password was encrypted with the key '" + sealed.keyId()
                    + "', which is not configured (neither MAIL_SECRETS_KEY_ID nor in MAIL_SECRETS_PREVIOUS_KEYS)");
        }
        try {
            byte[] plain = cipher(Cipher.DECRYPT_MODE, key, sealed.iv(), context).doFinal(sealed.ciphertext());
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretsUnavailableException("the stored password does not decrypt with the key '"
                    + sealed.keyId() + "' (another key under that id, or altered data)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] iv, String context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static SecretKeySpec aesKey(String id, byte[] key) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a key id must not be empty");
        }
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key '" + id + "' must be " + KEY_BYTES + " bytes, it is "
                    + (key == null ? 0 : key.length));
        }
        return new SecretKeySpec(key, "AES");
    }
}

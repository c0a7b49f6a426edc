package com.invoicedelivery.mail.settings.application;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.invoicedelivery.mail.settings.domain.SecretKeys;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys tenants' SMTP passwords are encrypted with ({@code mail.secrets.*}): MAIL_SECRETS_KEY (base64 of 32
 * bytes) named MAIL_SECRETS_KEY_ID, and MAIL_SECRETS_PREVIOUS_KEYS ({@code id:base64,...}), which only decrypt.
 * Rotation: make a new key, configure it as the key with a new id, move the old one to the previous keys, restart;
 * every stored password is encrypted again under the new key at the start (and whenever it is read), after which
 * the old key may go.
 *
 * @param key          empty: the service runs, but refuses to store a password
 * @param previousKeys comma-separated {@code id:base64} pairs
 */
@ConfigurationProperties("mail.secrets")
public record SecretsProperties(String key, String keyId, String previousKeys) {

    /** @throws IllegalStateException when a configured key is not usable, naming the setting (never the key) */
    public SecretKeys secretKeys() {
        if (key == null || key.isBlank()) {
            if (previousKeys != null && !previousKeys.isBlank()) {
                throw new IllegalStateException("MAIL_SECRETS_PREVIOUS_KEYS is set but MAIL_SECRETS_KEY is not:"
                        + " the current key is needed to encrypt passwords again");
            }
            return SecretKeys.none();
        }
        String currentId = keyId == null || keyId.isBlank() ? "default" : keyId.strip();
        try {
            return SecretKeys.of(currentId, decode(key, "MAIL_SECRETS_KEY"), previous());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("mail secrets keys are misconfigured: " + e.getMessage(), e);
        }
    }

    private Map<String, byte[]> previous() {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        if (previousKeys == null || previousKeys.isBlank()) {
            return keys;
        }
        for (String pair : previousKeys.split(",")) {
            int colon = pair.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("MAIL_SECRETS_PREVIOUS_KEYS must be id:base64 pairs separated by"
                        + " commas");
            }
            String id = pair.substring(0, colon).strip();
            if (keys.put(id, decode(pair.substring(colon + 1), "the previous key '" + id + "'")) != null) {
                throw new IllegalArgumentException("the key id '" + id + "' is used twice");
            }
        }
        return keys;
    }

    private static byte[] decode(String base64, String name) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not valid base64");
        }
    }

    /** Never shows a key. */
    @Override
    public String toString() {
        return "SecretsProperties[key " + (key == null || key.isBlank() ? "not set" : keyId) + "]";
    }
}

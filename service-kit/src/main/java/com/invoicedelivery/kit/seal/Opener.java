package com.invoicedelivery.kit.seal;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.RSADecrypter;

/**
 * Opens what a {@link Sealer} sealed to this service's key pair. Refuses, with a reason a person can read, anything
 * else: not a compact JWE, another algorithm, another key, a tampered ciphertext, a payload that is not a JSON
 * object of texts. Thread-safe.
 */
public final class Opener {

    /** Sealed values are small (a link and its context); anything much bigger is not one of ours. */
    static final int MAX_SEALED_LENGTH = 8_192;

    private final RSAPrivateKey privateKey;
    private final Sealer ownSealer;

    private Opener(RSAPrivateKey privateKey, RSAPublicKey publicKey) {
        this.privateKey = privateKey;
        this.ownSealer = Sealer.to(publicKey);
    }

    /** Opens with {@code keys}' private half; its public half is the key senders seal to. */
    public static Opener with(KeyPair keys) {
        return new Opener((RSAPrivateKey) keys.getPrivate(), (RSAPublicKey) keys.getPublic());
    }

    /** A sealer to this opener's own key (to seal again what arrived in another form). */
    public Sealer sealer() {
        return ownSealer;
    }

    /** @throws UnopenableSealException when {@code sealed} is not a value sealed to this key, intact */
    public Map<String, String> open(String sealed) {
        if (sealed == null || sealed.isBlank()) {
            throw new UnopenableSealException("nothing sealed was given");
        }
        if (sealed.length() > MAX_SEALED_LENGTH) {
            throw new UnopenableSealException("the sealed value is longer than " + MAX_SEALED_LENGTH + " characters");
        }
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(sealed);
        } catch (ParseException e) {
            throw new UnopenableSealException("the sealed value is not a compact JWE");
        }
        JWEHeader header = jwe.getHeader();
        if (!Sealer.ALGORITHM.equals(header.getAlgorithm()) || !Sealer.ENCRYPTION.equals(header.getEncryptionMethod())) {
            throw new UnopenableSealException("the value is sealed with " + header.getAlgorithm() + "/"
                    + header.getEncryptionMethod() + ", not " + Sealer.ALGORITHM + "/" + Sealer.ENCRYPTION);
        }
        if (header.getKeyID() != null && !header.getKeyID().equals(ownSealer.keyId())) {
            throw new UnopenableSealException("the value is sealed to another key (key id " + header.getKeyID()
                    + "), not to this service's (key id " + ownSealer.keyId() + ")");
        }
        try {
            jwe.decrypt(new RSADecrypter(privateKey));
        } catch (JOSEException | IllegalStateException e) {
            throw new UnopenableSealException("the sealed value cannot be opened with this service's key"
                    + " (sealed to another key, or changed on the way)");
        }
        Map<String, Object> json = jwe.getPayload().toJSONObject();
        if (json == null) {
            throw new UnopenableSealException("the sealed value does not hold a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : json.entrySet()) {
            if (!(field.getValue() instanceof String text)) {
                throw new UnopenableSealException("the sealed field '" + field.getKey() + "' is not a text");
            }
            fields.put(field.getKey(), text);
        }
        return fields;
    }
}

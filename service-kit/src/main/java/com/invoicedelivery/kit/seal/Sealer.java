package com.invoicedelivery.kit.seal;

import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Seals a few named texts to one service's public key: the compact JWE, RSA-OAEP-256 + A256GCM. The header names
 * the key (its RFC 7638 thumbprint as {@code kid}), so a value sealed to another key is refused with that reason
 * rather than as "cannot decrypt". Thread-safe.
 */
public final class Sealer {

    static final JWEAlgorithm ALGORITHM = JWEAlgorithm.RSA_OAEP_256;
    static final EncryptionMethod ENCRYPTION = EncryptionMethod.A256GCM;

    private final RSAPublicKey publicKey;
    private final String keyId;

    private Sealer(RSAPublicKey publicKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.keyId = keyIdOf(publicKey);
    }

    /** Seals to the holder of {@code publicKey}'s private half. */
    public static Sealer to(RSAPublicKey publicKey) {
        return new Sealer(publicKey);
    }

    /** The compact JWE of {@code fields} (a JSON object of texts); every call encrypts afresh (new key and IV). */
    public String seal(Map<String, String> fields) {
        JWEHeader header = new JWEHeader.Builder(ALGORITHM, ENCRYPTION).keyID(keyId).build();
        JWEObject jwe = new JWEObject(header, new Payload(new LinkedHashMap<String, Object>(fields)));
        try {
            jwe.encrypt(new RSAEncrypter(publicKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot seal with RSA-OAEP-256/A256GCM: " + e.getMessage(), e);
        }
        return jwe.serialize();
    }

    /** The key's id, as sealed values name it. */
    public String keyId() {
        return keyId;
    }

    static String keyIdOf(RSAPublicKey publicKey) {
        try {
            return new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key's thumbprint", e);
        }
    }
}

package com.invoicedelivery.kit.seal;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.SecretKey;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.impl.ContentCryptoProvider;
import com.nimbusds.jose.crypto.impl.RSA_OAEP_SHA2;
import com.nimbusds.jose.crypto.opts.CipherMode;
import com.nimbusds.jose.jca.JWEJCAContext;
import com.nimbusds.jose.util.Base64URL;

/**
 * Opens what a {@link Sealer} sealed to this service's key pair. Refuses, with a reason a person can read, anything
 * else: not a compact JWE, another algorithm, another key, a tampered ciphertext, a payload that is not a JSON
 * object of texts. Thread-safe.
 *
 * <p>Keeps the last {@link #KEPT_CONTENT_KEYS} content keys it unwrapped, by their wrapped form, so the values a
 * {@link Sealer} seals with one content key cost one RSA private-key operation between them (see there). A key is
 * kept only after a value it opened proved intact, and is used only for values that carry exactly the same wrapped
 * key; anything else is unwrapped with the private key, as before.
 */
public final class Opener {

    /** Sealed values are small (a link and its context); anything much bigger is not one of ours. */
    static final int MAX_SEALED_LENGTH = 8_192;

    /** A few senders (one per instance of the sealing service) each with one current content key, and some spare. */
    static final int KEPT_CONTENT_KEYS = 32;

    /** RSA-OAEP-256: SHA-256 for both the OAEP digest and MGF1 (RFC 7518, section 4.3). */
    private static final int OAEP_SHA_BITS = 256;

    private final RSAPrivateKey privateKey;
    private final Sealer ownSealer;
    private final JWEJCAContext context = new JWEJCAContext();
    private final Map<String, SecretKey> unwrapped = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SecretKey> eldest) {
            return size() > KEPT_CONTENT_KEYS;
        }
    };
    private long unwraps;

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
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new UnopenableSealException("the sealed value names critical header parameters "
                    + header.getCriticalParams() + ", which this service does not understand");
        }
        if (!Sealer.ALGORITHM.equals(header.getAlgorithm()) || !Sealer.ENCRYPTION.equals(header.getEncryptionMethod())) {
            throw new UnopenableSealException("the value is sealed with " + header.getAlgorithm() + "/"
                    + header.getEncryptionMethod() + ", not " + Sealer.ALGORITHM + "/" + Sealer.ENCRYPTION);
        }
        if (header.getKeyID() != null && !header.getKeyID().equals(ownSealer.keyId())) {
            throw new UnopenableSealException("the value is sealed to another key (key id " + header.getKeyID()
                    + "), not to this service's (key id " + ownSealer.keyId() + ")");
        }
        try {
            jwe.decrypt(new KeepingDecrypter());
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

    /** How many content keys this opener has unwrapped with its private key (the RSA operations it did). */
    long unwraps() {
        synchronized (unwrapped) {
            return unwraps;
        }
    }

    /** The content key a value was sealed with: kept from an earlier value, or unwrapped with the private key. */
    private final class KeepingDecrypter implements JWEDecrypter {

        @Override
        public byte[] decrypt(JWEHeader header, Base64URL encryptedKey, Base64URL iv, Base64URL cipherText,
                              Base64URL authTag, byte[] aad) throws JOSEException {
            if (encryptedKey == null || iv == null || authTag == null) {
                throw new JOSEException("a part of the JWE is missing");
            }
            String wrapped = encryptedKey.toString();
            SecretKey kept;
            synchronized (unwrapped) {
                kept = unwrapped.get(wrapped);
            }
            if (kept != null) {
                return ContentCryptoProvider.decrypt(header, aad, encryptedKey, iv, cipherText, authTag, kept, context);
            }
            SecretKey cek = RSA_OAEP_SHA2.decryptCEK(privateKey, encryptedKey.decode(), OAEP_SHA_BITS,
                    CipherMode.ENCRYPT_DECRYPT, context.getKeyEncryptionProvider());
            // throws unless the value is intact under this key: only then is the key kept
            byte[] clearText = ContentCryptoProvider.decrypt(header, aad, encryptedKey, iv, cipherText, authTag, cek,
                    context);
            synchronized (unwrapped) {
                unwrapped.put(wrapped, cek);
                unwraps++;
            }
            return clearText;
        }

        @Override
        public Set<JWEAlgorithm> supportedJWEAlgorithms() {
            return Set.of(Sealer.ALGORITHM);
        }

        @Override
        public Set<EncryptionMethod> supportedEncryptionMethods() {
            return Set.of(Sealer.ENCRYPTION);
        }

        @Override
        public JWEJCAContext getJCAContext() {
            return context;
        }
    }
}

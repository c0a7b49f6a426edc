package com.invoicedelivery.kit.seal;

import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.SecretKey;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWECryptoParts;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.impl.AAD;
import com.nimbusds.jose.crypto.impl.ContentCryptoProvider;
import com.nimbusds.jose.jca.JWEJCAContext;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;

/**
 * Seals a few named texts to one service's public key: the compact JWE, RSA-OAEP-256 + A256GCM. The header names
 * the key (its RFC 7638 thumbprint as {@code kid}), so a value sealed to another key is refused with that reason
 * rather than as "cannot decrypt". Thread-safe.
 *
 * <p>A content key serves many seals: it is made and wrapped with RSA-OAEP once, then each seal encrypts with it
 * under a fresh random IV, until {@link #MAX_SEALS_PER_KEY} seals or {@link #MAX_KEY_AGE} have passed. The values
 * are standard JWEs all the same (any JOSE library opens them one by one); what it buys is that the receiver,
 * which keeps the keys it has unwrapped ({@link Opener}), does its RSA private-key operation once per content key
 * instead of once per value: that operation was half of mail-dispatch's CPU per link-mode invoice
 * (docs/PERFORMANCE.md). What it costs: whoever learns one content key (from this process's or the receiver's
 * memory, which hold the links in clear anyway) can open the values sealed with it, within that window; the RSA
 * private key still guards everything else. The bounds keep AES-GCM with random 96-bit IVs far inside its limit
 * (NIST SP 800-38D: 2³² messages per key).
 */
public final class Sealer {

    static final JWEAlgorithm ALGORITHM = JWEAlgorithm.RSA_OAEP_256;
    static final EncryptionMethod ENCRYPTION = EncryptionMethod.A256GCM;

    /** How many values one content key seals at most. */
    static final long MAX_SEALS_PER_KEY = 100_000;

    /** How long one content key seals at most. */
    static final Duration MAX_KEY_AGE = Duration.ofMinutes(10);

    private final RSAPublicKey publicKey;
    private final String keyId;
    private final JWEHeader header;
    private final Clock clock;
    private final long maxSealsPerKey;
    private final SecureRandom random = new SecureRandom();
    /** Content encryption draws its IVs from {@link #random} (Nimbus would make a new generator per value). */
    private final JWEJCAContext context = new JWEJCAContext(null, null, null, null, random);
    private final AtomicReference<ContentKey> current = new AtomicReference<>();

    private Sealer(RSAPublicKey publicKey, Clock clock, long maxSealsPerKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.keyId = keyIdOf(publicKey);
        this.header = new JWEHeader.Builder(ALGORITHM, ENCRYPTION).keyID(keyId).build();
        this.clock = clock;
        this.maxSealsPerKey = maxSealsPerKey;
    }

    /** Seals to the holder of {@code publicKey}'s private half. */
    public static Sealer to(RSAPublicKey publicKey) {
        return new Sealer(publicKey, Clock.systemUTC(), MAX_SEALS_PER_KEY);
    }

    /** As {@link #to(RSAPublicKey)}; a content key serves {@code maxSealsPerKey} seals, its age read on the clock. */
    static Sealer to(RSAPublicKey publicKey, Clock clock, long maxSealsPerKey) {
        return new Sealer(publicKey, clock, maxSealsPerKey);
    }

    /** The compact JWE of {@code fields} (a JSON object of texts); every call encrypts afresh (a new IV). */
    public String seal(Map<String, String> fields) {
        JWEObject jwe = new JWEObject(header, new Payload(new LinkedHashMap<String, Object>(fields)));
        try {
            jwe.encrypt(new WithContentKey(contentKey()));
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

    /** The content key for the next seal: the current one while it is within its bounds, else a new one. */
    private ContentKey contentKey() throws JOSEException {
        ContentKey key = current.get();
        if (key != null && key.serves(clock.instant())) {
            return key;
        }
        synchronized (current) {
            key = current.get();
            if (key == null || !key.serves(clock.instant())) {
                key = newContentKey();
                current.set(key);
            }
            return key;
        }
    }

    /** A new random content key, wrapped to the public key by Nimbus's own RSA-OAEP-256 encrypter. */
    private ContentKey newContentKey() throws JOSEException {
        SecretKey cek = ContentCryptoProvider.generateCEK(ENCRYPTION, random);
        JWECryptoParts wrapped = new RSAEncrypter(publicKey, cek).encrypt(header, new byte[0], AAD.compute(header));
        // the seal it is made for is its first
        return new ContentKey(cek, wrapped.getEncryptedKey(), clock.instant(), maxSealsPerKey, new AtomicLong(1));
    }

    /** The wrapped form is the same in every value the key seals; that is how the receiver recognises it. */
    private record ContentKey(SecretKey cek, Base64URL wrapped, Instant madeAt, long maxSeals, AtomicLong seals) {

        /** Counts the seal it is taken for. */
        boolean serves(Instant now) {
            return now.isBefore(madeAt.plus(MAX_KEY_AGE)) && seals.incrementAndGet() <= maxSeals;
        }
    }

    /** Encrypts the content with a content key already wrapped, under a fresh IV (Nimbus's content encryption). */
    private final class WithContentKey implements JWEEncrypter {

        private final ContentKey key;

        WithContentKey(ContentKey key) {
            this.key = key;
        }

        @Override
        public JWECryptoParts encrypt(JWEHeader header, byte[] clearText, byte[] aad) throws JOSEException {
            return ContentCryptoProvider.encrypt(header, clearText, aad, key.cek(), key.wrapped(), context);
        }

        @Override
        public Set<JWEAlgorithm> supportedJWEAlgorithms() {
            return Set.of(ALGORITHM);
        }

        @Override
        public Set<EncryptionMethod> supportedEncryptionMethods() {
            return Set.of(ENCRYPTION);
        }

        @Override
        public JWEJCAContext getJCAContext() {
            return context;
        }
    }
}

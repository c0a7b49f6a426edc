package com.invoicedelivery.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * The provider's RSA signing key, kept in a PKCS#8 PEM file so that tokens it issued stay valid across a restart.
 * Its {@code kid} is the key's JWK thumbprint: the same file always publishes the same key id.
 */
public final class SigningKey {

    private SigningKey() {
    }

    /** A new 2048-bit RSA private key as PKCS#8 PEM text, for the caller to store (owner-only). */
    public static String newPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
            return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** Reads the PEM file (Spring Security's converter) and derives the public half and the key id. */
    public static RSAKey read(Path pemFile) throws IOException {
        RSAPrivateKey privateKey;
        try (InputStream in = Files.newInputStream(pemFile)) {
            privateKey = RsaKeyConverters.pkcs8().convert(in);
        } catch (IllegalArgumentException e) {
            throw new IOException(pemFile + " is not a PKCS#8 PEM RSA private key", e);
        }
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IOException(pemFile + " lacks the CRT parameters its public key is derived from");
        }
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new RSAKey.Builder(publicKey).privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint()
                    .build();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IOException("cannot derive the public key of " + pemFile, e);
        }
    }
}

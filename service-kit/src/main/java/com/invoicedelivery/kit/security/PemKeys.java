package com.invoicedelivery.kit.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * RSA keys in PEM files (DKIM signing keys, the local run's keys). Bearer tokens are not signed with them: the
 * services validate tokens against the identity provider's published keys only.
 */
public final class PemKeys {

    private static final String PRIVATE_HEADER = "-----BEGIN PRIVATE KEY-----";
    private static final String PRIVATE_FOOTER = "-----END PRIVATE KEY-----";
    private static final String PUBLIC_HEADER = "-----BEGIN PUBLIC KEY-----";
    private static final String PUBLIC_FOOTER = "-----END PUBLIC KEY-----";

    private PemKeys() {
    }

    public static KeyPair generateRsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** Writes the private key (PKCS#8) and the public key (X.509) as PEM files; the private one owner-only. */
    public static void write(KeyPair keys, Path privateKeyFile, Path publicKeyFile) throws IOException {
        Files.createDirectories(privateKeyFile.toAbsolutePath().getParent());
        Files.writeString(privateKeyFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        restrictToOwner(privateKeyFile);
        Files.writeString(publicKeyFile, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
    }

    /** Reads a PKCS#8 PEM private key and derives its public half. */
    public static KeyPair readRsa(Path privateKeyFile) throws IOException {
        String pem = Files.readString(privateKeyFile, StandardCharsets.US_ASCII);
        int start = pem.indexOf(PRIVATE_HEADER);
        int end = pem.indexOf(PRIVATE_FOOTER);
        if (start < 0 || end < start) {
            throw new IOException(privateKeyFile + " is not a PKCS#8 PEM private key");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + PRIVATE_HEADER.length(), end));
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException(privateKeyFile + " does not hold an RSA private key", e);
        }
    }

    /** Reads an X.509 ({@code PUBLIC KEY}) PEM RSA public key. */
    public static RSAPublicKey readRsaPublicKey(Path publicKeyFile) throws IOException {
        String pem = Files.readString(publicKeyFile, StandardCharsets.US_ASCII);
        int start = pem.indexOf(PUBLIC_HEADER);
        int end = pem.indexOf(PUBLIC_FOOTER);
        if (start < 0 || end < start) {
            throw new IOException(publicKeyFile + " is not an X.509 PEM public key");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + PUBLIC_HEADER.length(), end));
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException(publicKeyFile + " does not hold an RSA public key", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the file keeps the default permissions
        }
    }
}

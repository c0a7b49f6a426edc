package com.invoicedelivery.kit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

import com.invoicedelivery.kit.security.PemKeys;
import com.invoicedelivery.kit.security.Roles;
import com.invoicedelivery.kit.security.TokenMinter;

/**
 * Bearer tokens for tests, signed with one RSA key per test JVM whose public half every service under test
 * trusts (see {@link EmbeddedInfrastructure}).
 */
public final class TestTokens {

    private static final KeyPair KEYS = PemKeys.generateRsa();
    private static final TokenMinter MINTER = new TokenMinter(KEYS, "invoice-delivery-test");
    private static final Path DIRECTORY;
    private static final Path PRIVATE_KEY;
    private static final Path PUBLIC_KEY;

    static {
        try {
            DIRECTORY = Files.createTempDirectory("test-keys");
            PRIVATE_KEY = DIRECTORY.resolve("jwt-private.pem");
            PUBLIC_KEY = DIRECTORY.resolve("jwt-public.pem");
            PemKeys.write(KEYS, PRIVATE_KEY, PUBLIC_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestTokens() {
    }

    public static String user(String tenantId) {
        return token("user@" + tenantId, tenantId, Roles.TENANT_USER);
    }

    public static String admin(String tenantId) {
        return token("admin@" + tenantId, tenantId, Roles.TENANT_ADMIN);
    }

    public static String operations() {
        return token("operator", null, Roles.OPERATIONS);
    }

    public static String service() {
        return token("some-service", null, Roles.SERVICE);
    }

    public static String token(String subject, String tenantId, String... roles) {
        return MINTER.mint(subject, tenantId, List.of(roles), Duration.ofMinutes(30));
    }

    /** A token signed with another key: every service must refuse it. */
    public static String forged(String tenantId) {
        return new TokenMinter(PemKeys.generateRsa(), "forger")
                .mint("forger", tenantId, List.of(Roles.TENANT_ADMIN), Duration.ofMinutes(30));
    }

    public static Path publicKeyFile() {
        return PUBLIC_KEY;
    }

    public static Path privateKeyFile() {
        return PRIVATE_KEY;
    }
}

package com.invoicedelivery.kit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SealedLinkContent;
import com.invoicedelivery.kit.security.PemKeys;
import com.invoicedelivery.kit.seal.Opener;
import com.invoicedelivery.kit.seal.Sealer;

/**
 * The key pair personal links are sealed to in tests (mail-dispatch-service's, in production): invoice-service's tests
 * seal to its public half and open what they published with the private half, to prove the token is there, sealed;
 * mail-dispatch's tests open with it. {@link EmbeddedInfrastructure} gives both files to every service under test.
 */
public final class TestLinkSeal {

    private static final KeyPair KEYS = PemKeys.generateRsa();
    private static final Path PRIVATE_KEY;
    private static final Path PUBLIC_KEY;

    static {
        try {
            Path directory = Files.createTempDirectory("test-link-seal");
            PRIVATE_KEY = directory.resolve("link-seal-private.pem");
            PUBLIC_KEY = directory.resolve("link-seal-public.pem");
            PemKeys.write(KEYS, PRIVATE_KEY, PUBLIC_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestLinkSeal() {
    }

    public static Path privateKeyFile() {
        return PRIVATE_KEY;
    }

    public static Path publicKeyFile() {
        return PUBLIC_KEY;
    }

    public static Sealer sealer() {
        return Sealer.to((RSAPublicKey) KEYS.getPublic());
    }

    /** Opens with the private half, as mail-dispatch-service does. */
    public static Opener opener() {
        return Opener.with(KEYS);
    }

    public static Map<String, String> open(String sealed) {
        return opener().open(sealed);
    }

    /** What a recipient's sealed link holds. */
    public static SealedLinkContent openLink(String sealedLink) {
        return SealedLinkContent.of(open(sealedLink));
    }

    /** The token inside a recipient's sealed link (the last segment of {@code <base>/l/<token>}). */
    public static String tokenOf(Recipient recipient) {
        String url = openLink(recipient.sealedLink()).linkUrl();
        return url.substring(url.lastIndexOf("/l/") + 3);
    }
}

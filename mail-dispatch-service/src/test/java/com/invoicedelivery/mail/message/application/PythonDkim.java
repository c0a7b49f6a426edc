package com.invoicedelivery.mail.message.application;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DKIM verification by an implementation that owes nothing to this repository: dkimpy (Debian's python3-dkim),
 * through {@code src/test/resources/dkim/verify.py}, with the test's public key as the selector's TXT record.
 * Where python3 with the {@code dkim} module is missing, tests using it are skipped, except on CI
 * ({@code CI=true}), where they fail: there the verifier is installed and its absence is a broken build.
 */
final class PythonDkim {

    private static final List<String> PYTHONS = List.of("/usr/bin/python3", "python3");
    private static final Path SCRIPT = Path.of("src/test/resources/dkim/verify.py");
    private static final String PYTHON = findPython();

    private PythonDkim() {
    }

    /** Skips the calling test where dkimpy is missing, fails it there on CI. */
    static void require() {
        if (PYTHON == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but no python3 with the dkim module (Debian: python3-dkim) was found; tried " + PYTHONS);
        }
        assumeTrue(PYTHON != null, "no python3 with the dkim module (Debian: python3-dkim)");
    }

    /** Whether dkimpy verifies the topmost DKIM-Signature of {@code message} with {@code key}. */
    static boolean verifies(byte[] message, PublicKey key) {
        require();
        String publicKey = Base64.getEncoder().encodeToString(key.getEncoded());
        Result result = run(message, PYTHON, SCRIPT.toString(), publicKey);
        if (result.exitCode() != 0 && result.exitCode() != 1) {
            fail("dkimpy could not run the verification (exit " + result.exitCode() + "): " + result.output());
        }
        return result.exitCode() == 0;
    }

    private static String findPython() {
        for (String python : PYTHONS) {
            try {
                if (run(new byte[0], python, "-c", "import dkim").exitCode() == 0) {
                    return python;
                }
            } catch (UncheckedIOException notThere) {
                // the next candidate
            }
        }
        return null;
    }

    private static Result run(byte[] input, String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(input);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("dkimpy did not finish within 30 s");
            }
            return new Result(process.exitValue(), output.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Result(int exitCode, String output) {
    }
}

package com.invoicedelivery.deploy.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.PlatformSettings;
import com.invoicedelivery.kit.testing.PrivatePostfix;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the whole platform once for all end-to-end test classes of the run (free ports, data in memory) and
 * stops it when the run ends. Test methods and constructors receive it as a {@link LocalPlatform} parameter.
 */
public class PlatformExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPlatform.class;
    }

    @Override
    public LocalPlatform resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(RunningPlatform.class, key -> RunningPlatform.start(), RunningPlatform.class)
                .platform();
    }

    /** Closed by JUnit when the root context (the whole run) closes. */
    record RunningPlatform(LocalPlatform platform) implements AutoCloseable {

        static RunningPlatform start() {
            Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
            try {
                Path data = Files.createDirectories(root.resolve("deploy/target/e2e-data"));
                // a short lease: the crash test waits for the jobs the killed mail-dispatch left SENDING, and short
                // SMTP timeouts to match (mail-dispatch refuses a lease a stalled exchange could outlast); gauges
                // refreshed sooner (platform.metrics.*): MetricsIT sees the dead letters' gauge a minute earlier
                PlatformSettings settings = PlatformSettings.isolated(root, data)
                        .withServiceEnvironment(Map.of("MAIL_DISPATCH_LEASE", "20s", "MAIL_SMTP_CONNECTTIMEOUT", "3s",
                                "MAIL_SMTP_READTIMEOUT", "8s", "MAIL_SMTP_WRITETIMEOUT", "8s",
                                // a known port for mail-dispatch's bounce receiver: BounceIT's Postfix delivers to it
                                "BOUNCE_SMTP_PORT", String.valueOf(PrivatePostfix.freePort()),
                                "PLATFORM_METRICS_REFRESHINTERVAL", "2s",
                                "PLATFORM_METRICS_DEADLETTERINTERVAL", "10s"));
                LocalPlatform platform = LocalPlatform.start(settings,
                        message -> System.out.println("[e2e] " + message));
                DocumentedAnswers.checkEveryAnswerOf(platform);
                return new RunningPlatform(platform);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            DocumentedAnswers.writeCoverage();
            platform.close();
        }
    }
}

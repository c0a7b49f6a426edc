package com.invoicedelivery.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import com.invoicedelivery.deploy.demo.DemoTenant;
import com.invoicedelivery.deploy.services.PlatformService;

/**
 * {@code ./run-local}: starts the whole platform on embedded infrastructure with a demo tenant, says where to
 * look, and stops everything cleanly on Ctrl-C.
 */
public final class LocalPlatformMain {

    private LocalPlatformMain() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        PlatformSettings settings = PlatformSettings.localRun(root);
        LocalPlatform platform = LocalPlatform.prepare(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        // wired before anything starts: Ctrl-C while the services are still starting stops them too
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the platform…");
            platform.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "platform-stop"));
        try {
            platform.startAll(message -> System.out.println("• " + message));
        } catch (RuntimeException e) {
            System.err.println("\nThe platform did not start: " + e.getMessage());
            System.exit(1);
            return;
        }

        System.out.println("• creating the demo tenant");
        String token = DemoTenant.token(platform.identity());
        String operationsToken = DemoTenant.operationsToken(platform.identity());
        boolean created = new DemoTenant(platform.url(PlatformService.INVOICE), operationsToken, token)
                .seedIfAbsent();
        Path tokenFile = settings.dataDirectory().resolve("demo-token.txt");
        Files.writeString(tokenFile, token + "\n");

        System.out.println(banner(platform, created, token, operationsToken, tokenFile,
                Duration.ofNanos(System.nanoTime() - started)));
        stopped.await();
    }

    private static String banner(LocalPlatform platform, boolean created, String token, String operationsToken,
                                 Path tokenFile, Duration startup) throws IOException {
        PlatformSettings settings = platform.settings();
        return """

                Invoice delivery platform is up (started in %d s).

                  identity provider      %s   OAuth 2 / OIDC, /.well-known/openid-configuration
                  invoice-service        %s   REST API /api, OpenAPI /v3/api-docs
                  pdf-service            %s
                  mail-dispatch-service  %s
                  tracking-service       %s   client links /l/<token>
                  Kafka (KRaft)          %s
                  MongoDB (wire)         mongodb://localhost:%d   %s
                  Sent mail              http://localhost:%d   (IMAP localhost:%d, user and password = the address)
                  Logs                   %s

                Demo tenant "%s" (%s). Its administrator's token from the identity provider, valid %d h,
                is also in %s:

                  export TOKEN=%s

                Operations' token (tenants, cross-tenant views), as long valid:

                  export OPERATIONS_TOKEN=%s

                Try: curl -s -H "Authorization: Bearer $TOKEN" %s/api/invoices
                The README walks through sending an invoice and accepting it. Ctrl-C stops everything.
                """.formatted(startup.toSeconds(),
                platform.identity().issuer(), platform.url(PlatformService.INVOICE), platform.url(PlatformService.PDF),
                platform.url(PlatformService.MAIL_DISPATCH), platform.url(PlatformService.TRACKING),
                platform.kafkaBootstrapServers(), settings.mongoPort(),
                "data: " + settings.documentStoreFile(),
                settings.inboxWebPort(), settings.imapPort(), settings.logsDirectory(),
                DemoTenant.TENANT_ID, created ? "created now" : "kept from the last run",
                DemoTenant.TOKEN_VALIDITY.toHours(), tokenFile, token, operationsToken,
                platform.url(PlatformService.INVOICE));
    }
}

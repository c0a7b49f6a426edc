package com.invoicedelivery.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import com.invoicedelivery.deploy.demo.DemoTenant;
import com.invoicedelivery.deploy.services.PlatformService;

/**
 * {@code ./run-local}: starts the whole platform on embedded infrastructure with a demo tenant, says where to
 * look, and stops everything cleanly on Ctrl-C. {@code ./run-local --replicas 2 --brokers 3} starts the scale-out
 * shape: two instances of every service (the second 10 ports above the first) and a three-broker Kafka cluster.
 * {@code --long-run} compiles the services for hours of volume rather than for a quick start
 * ({@link PlatformSettings#LONG_RUN_JVM_OPTIONS}).
 */
public final class LocalPlatformMain {

    private LocalPlatformMain() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        PlatformSettings settings;
        try {
            settings = settings(root, args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
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
        // the memory a run takes goes back to the system once the launcher rests (its options: launcher.jvm-options)
        RestCollection.start();

        System.out.println("• creating the demo tenant");
        String token = DemoTenant.token(platform.identity());
        String operationsToken = DemoTenant.operationsToken(platform.identity());
        boolean created = new DemoTenant(platform.gatewayUrl(), operationsToken, token)
                .seedIfAbsent();
        Path tokenFile = settings.dataDirectory().resolve("demo-token.txt");
        Files.writeString(tokenFile, token + "\n");

        System.out.println(banner(platform, created, token, operationsToken, tokenFile,
                Duration.ofNanos(System.nanoTime() - started)));
        stopped.await();
    }

    static final String USAGE = "usage: ./run-local [--replicas N (1 to 5, instances of each service)]"
            + " [--brokers N (1 to 5, Kafka brokers)]"
            + " [--long-run (the services compiled for hours of volume: slower start, more memory)]";

    /** The documented settings, scaled as the options ask. */
    static PlatformSettings settings(Path root, String[] args) {
        int replicas = 1;
        int brokers = 1;
        boolean longRun = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--long-run")) {
                longRun = true;
                continue;
            }
            if (!option.equals("--replicas") && !option.equals("--brokers")) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a number");
            }
            int value;
            try {
                value = Integer.parseInt(args[++i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, not " + args[i]);
            }
            // 5: the second instance's ports are 10 above the first, and 8090 is the identity provider's
            if (value < 1 || value > 5) {
                throw new IllegalArgumentException(option + " takes 1 to 5, not " + value);
            }
            if (option.equals("--replicas")) {
                replicas = value;
            } else {
                brokers = value;
            }
        }
        return PlatformSettings.localRun(root, replicas, brokers,
                longRun ? PlatformSettings.LONG_RUN_JVM_OPTIONS : PlatformSettings.DEFAULT_JVM_OPTIONS);
    }

    /** The ports of a service's other instances, when it has any. */
    private static String others(PlatformSettings settings, PlatformService service) {
        List<Integer> ports = settings.ports(service);
        return ports.size() == 1 ? "" : "   (more instances: "
                + ports.subList(1, ports.size()).stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    private static String banner(LocalPlatform platform, boolean created, String token, String operationsToken,
                                 Path tokenFile, Duration startup) throws IOException {
        PlatformSettings settings = platform.settings();
        return """

                Invoice delivery platform is up (started in %d s).

                  open %s   the API (/api/...), the Swagger UI (/swagger-ui.html), client links (/l/<token>)

                  identity provider      %s   OAuth 2 / OIDC, /.well-known/openid-configuration
                  gateway                %s   one entry point; combined OpenAPI /v3/api-docs/combined
                  invoice-service        %s   OpenAPI /v3/api-docs%s
                  pdf-service            %s%s
                  mail-dispatch-service  %s%s
                  tracking-service       %s%s
                  Kafka (KRaft)          %s
                  MongoDB (wire)         mongodb://localhost:%d   %s
                  Sent mail              http://localhost:%d   (IMAP localhost:%d, user and password = the address)
                  Logs                   %s
                  Actuator               each process's port + 1000: health, info, /actuator/prometheus (%s)

                Demo tenant "%s" (%s). Its administrator's token from the identity provider, valid %d h,
                is also in %s:

                  export TOKEN=%s

                Operations' token (tenants, cross-tenant views), as long valid:

                  export OPERATIONS_TOKEN=%s

                Try: curl -s -H "Authorization: Bearer $TOKEN" %s/api/invoices
                The README walks through sending an invoice and accepting it. Ctrl-C stops everything.
                """.formatted(startup.toSeconds(),
                platform.gatewayUrl(),
                platform.identity().issuer(),
                platform.gatewayUrl(),
                platform.url(PlatformService.INVOICE), others(settings, PlatformService.INVOICE),
                platform.url(PlatformService.PDF), others(settings, PlatformService.PDF),
                platform.url(PlatformService.MAIL_DISPATCH), others(settings, PlatformService.MAIL_DISPATCH),
                platform.url(PlatformService.TRACKING), others(settings, PlatformService.TRACKING),
                platform.kafkaBootstrapServers(), settings.mongoPort(),
                "data: " + settings.documentStoreFile(),
                settings.inboxWebPort(), settings.imapPort(), settings.logsDirectory(),
                platform.managementUrl(PlatformService.INVOICE) + "/actuator/info",
                DemoTenant.TENANT_ID, created ? "created now" : "kept from the last run",
                DemoTenant.TOKEN_VALIDITY.toHours(), tokenFile, token, operationsToken,
                platform.gatewayUrl());
    }
}

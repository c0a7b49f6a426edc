package com.invoicedelivery.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.invoicedelivery.deploy.infra.BusPermissions;
import com.invoicedelivery.deploy.infra.DocumentStore;
import com.invoicedelivery.deploy.infra.InboxWebView;
import com.invoicedelivery.deploy.infra.KafkaBroker;
import com.invoicedelivery.deploy.infra.LocalIdentity;
import com.invoicedelivery.deploy.infra.MailInbox;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.deploy.services.ServiceProcess;
import com.invoicedelivery.kit.security.PemKeys;
import com.invoicedelivery.identity.SigningKey;

/**
 * The whole platform on one machine with embedded infrastructure: an OAuth 2 identity provider (Spring
 * Authorization Server), a real KRaft Kafka broker, a MongoDB-wire document store, a GreenMail SMTP/IMAP inbox,
 * and the four services as separate processes pointed at them through the same environment variables a real
 * deployment sets, with the gateway in front of them as a fifth process: the one port of the API and the link pages.
 * Scaled out ({@link PlatformSettings#replicas()}, {@link PlatformSettings#brokers()}), each service
 * runs as several processes on their own ports sharing the store's databases and the bus's consumer groups, and the
 * bus is a cluster of brokers.
 */
public final class LocalPlatform implements AutoCloseable {

    public static final String PLATFORM_DOMAIN = "invoicedelivery.local";
    /**
     * How long the services may take to say they are ready; a long suite on a loaded machine (the fault suite) sets
     * a longer one with the system property {@code platform.readyTimeoutSeconds}.
     */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("platform.readyTimeoutSeconds", 180));

    private final PlatformSettings settings;
    // guarded by "this": a Ctrl-C may close the platform from another thread while it is still starting
    private final List<AutoCloseable> infrastructure = new ArrayList<>();
    private final Map<PlatformService, List<ServiceProcess>> services = new EnumMap<>(PlatformService.class);
    private ServiceProcess gateway;
    private boolean closed;
    private LocalIdentity identity;
    private KafkaBroker kafka;
    private MailInbox inbox;
    private DocumentStore store;
    private Map<PlatformService, String> clientSecrets;

    private LocalPlatform(PlatformSettings settings) {
        this.settings = settings;
    }

    /** Starts everything and returns once every service reports ready; stops what it started if that fails. */
    public static LocalPlatform start(PlatformSettings settings, Consumer<String> progress) {
        LocalPlatform platform = prepare(settings);
        try {
            platform.startAll(progress);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** A platform not started yet: {@link #close()} may be wired to a shutdown hook before {@link #startAll}. */
    public static LocalPlatform prepare(PlatformSettings settings) {
        return new LocalPlatform(settings);
    }

    /** Starts everything and returns once every service reports ready. */
    public void startAll(Consumer<String> progress) {
        requireFreePorts();

        // first: the services validate tokens by its discovery document and those that call others need a token
        progress.accept("starting the identity provider on http://localhost:" + settings.identityProviderPort());
        identity = remember(LocalIdentity.start(settings.identityProviderPort(), identityProviderKey()));
        clientSecrets = registerServiceClients(identity);

        progress.accept("starting Kafka (KRaft" + (settings.brokers() > 1 ? ", " + settings.brokers() + " brokers" : "")
                + ")");
        kafka = remember(KafkaBroker.start(settings.brokers()));
        progress.accept("starting the MongoDB-wire document store on port " + settings.mongoPort()
                + (settings.persistentData() ? " (data: " + settings.documentStoreFile() + ")" : " (in memory)"));
        store = remember(DocumentStore.start(settings.mongoPort(),
                settings.persistentData() ? settings.documentStoreFile() : null));
        progress.accept("starting the mail inbox: SMTP " + settings.smtpPort() + ", IMAP " + settings.imapPort());
        inbox = remember(MailInbox.start(settings.smtpPort(), settings.imapPort()));
        try {
            remember(InboxWebView.start(settings.inboxWebPort(), inbox));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the inbox web view", e);
        }

        for (PlatformService service : PlatformService.values()) {
            List<ServiceProcess> replicas = new ArrayList<>();
            List<Integer> ports = settings.ports(service);
            for (int replica = 0; replica < ports.size(); replica++) {
                replicas.add(new ServiceProcess(service, service.executableJar(settings.projectRoot()),
                        ports.get(replica), environment(service, store, clientSecrets.get(service)),
                        settings.serviceJvmOptions(), settings.logsDirectory().resolve(logName(service, replica))));
            }
            synchronized (this) {
                requireOpen();
                services.put(service, List.copyOf(replicas));
            }
        }
        ServiceProcess entryPoint = ServiceProcess.gateway(
                PlatformService.executableJar(settings.projectRoot(), PlatformService.GATEWAY_MODULE),
                settings.gatewayPort(), gatewayEnvironment(), settings.serviceJvmOptions(),
                settings.logsDirectory().resolve(PlatformService.GATEWAY_MODULE + ".log"));
        synchronized (this) {
            requireOpen();
            gateway = entryPoint;
        }
        List<ServiceProcess> processes = allProcesses();
        progress.accept("starting " + (processes.size() - 1) + " service processes and the gateway on "
                + gatewayUrl() + " (logs in " + settings.logsDirectory() + ")");
        processes.forEach(ServiceProcess::start);
        processes.stream()
                .map(process -> CompletableFuture.runAsync(() -> process.awaitReady(READY_TIMEOUT)))
                .toList()
                .forEach(CompletableFuture::join);
    }

    /**
     * Starts one more instance of {@code service} beside the platform's, on {@code port} (and its management port),
     * with the environment the platform gives that service plus {@code extraEnvironment}, and waits until it is
     * ready. The fault suite's clock-skew scenario starts a second mail-dispatch whose clock is ahead this way. Not
     * one of {@link #replicas}; it stops with the platform (or earlier, by {@link ServiceProcess#stop()}).
     */
    public ServiceProcess startAnotherInstance(PlatformService service, int port, Map<String, String> extraEnvironment,
                                               String logName) {
        return startAnotherInstance(service, port, extraEnvironment, logName, List.of());
    }

    /**
     * As above, the process started through {@code commandPrefix}: the fault suite's network-cut scenario runs a
     * service in a network namespace with {@code ip netns exec <namespace>}.
     */
    public ServiceProcess startAnotherInstance(PlatformService service, int port, Map<String, String> extraEnvironment,
                                               String logName, List<String> commandPrefix) {
        requireOpen();
        Map<String, String> environment = new HashMap<>(environment(service, store, clientSecrets.get(service)));
        environment.putAll(extraEnvironment);
        ServiceProcess process = remember(new ServiceProcess(service, service.executableJar(settings.projectRoot()),
                port, environment, settings.serviceJvmOptions(), settings.logsDirectory().resolve(logName),
                commandPrefix));
        process.start();
        process.awaitReady(READY_TIMEOUT);
        return process;
    }

    /** {@code invoice-service.log} alone; {@code invoice-service-1.log}, {@code -2.log}, … scaled out. */
    private String logName(PlatformService service, int replica) {
        return settings.replicas() == 1 ? service.module() + ".log" : service.module() + "-" + (replica + 1) + ".log";
    }

    /** The services' processes, then the gateway's (once made). */
    private synchronized List<ServiceProcess> allProcesses() {
        List<ServiceProcess> all = new ArrayList<>(services.values().stream().flatMap(List::stream).toList());
        if (gateway != null) {
            all.add(gateway);
        }
        return all;
    }

    /**
     * The gateway routes to each service's first instance: the one the other services call too (a replica behind a
     * load balancer is a cluster's matter, deploy/kubernetes).
     */
    private Map<String, String> gatewayEnvironment() {
        return Map.of("INVOICE_SERVICE_URL", url(PlatformService.INVOICE),
                "PDF_SERVICE_URL", url(PlatformService.PDF),
                "MAIL_DISPATCH_SERVICE_URL", url(PlatformService.MAIL_DISPATCH),
                "TRACKING_SERVICE_URL", url(PlatformService.TRACKING));
    }

    private Map<String, String> environment(PlatformService service, DocumentStore store, String clientSecret) {
        Map<String, String> environment = new HashMap<>();
        environment.putAll(kafkaEnvironment(kafka.bootstrapServers(), service.module(), kafka.password(service.module())));
        environment.put("MONGODB_URI", store.uri(service.database()));
        environment.putAll(identityFor(service, identity.issuer(), identity.tokenUri(), clientSecret));
        environment.put("SMTP_HOST", "localhost");
        environment.put("SMTP_PORT", String.valueOf(settings.smtpPort()));
        environment.put("PLATFORM_DOMAIN", PLATFORM_DOMAIN);
        environment.put("PDF_SERVICE_URL", url(PlatformService.PDF));
        // the clients' link pages are on the platform's one public host, the gateway's, like the API
        environment.put("LINK_BASE_URL", gatewayUrl());
        environment.putAll(secretsFor(service, this::secretsKey));
        environment.putAll(linkSealKeysFor(service, linkSealKeys()));
        // tenants' SMTP servers in a local run are GreenMail or smtp-sink on this machine, on any port
        environment.put("MAIL_TENANT_SMTP_ALLOW_LOOPBACK", "true");
        environment.put("MAIL_TENANT_SMTP_ALLOW_ANY_PORT", "true");
        environment.put("MAIL_TENANT_SMTP_ALLOW_PLATFORM_SERVER", "true");
        // mail-dispatch's bounce receiver: GreenMail never bounces, so no MX points at it in a local run; any free
        // loopback port, so that replicas and parallel runs do not collide
        environment.put("BOUNCE_SMTP_PORT", "0");
        environment.putAll(settings.serviceEnvironment());
        return environment;
    }

    /** How a service reaches the bus: as its own principal ({@link BusPermissions}), with this run's password. */
    static Map<String, String> kafkaEnvironment(String brokers, String principal, String password) {
        return Map.of("KAFKA_BROKERS", brokers,
                "KAFKA_SECURITY_PROTOCOL", KafkaBroker.PROTOCOL.name,
                "KAFKA_SASL_MECHANISM", KafkaBroker.MECHANISM,
                "KAFKA_USERNAME", principal,
                "KAFKA_PASSWORD", password);
    }

    /**
     * One client per service that calls others, allowed to ask for tokens to exactly those (TOKEN-CONTRACT: the
     * scopes are the target services' names), each with a secret made now: the provider keeps its clients in
     * memory, and a service started again by this launcher keeps the environment it was given.
     *
     * @return the secret of each registered service
     */
    static Map<PlatformService, String> registerServiceClients(LocalIdentity identity) {
        Map<PlatformService, String> secrets = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            if (!service.calls().isEmpty()) {
                secrets.put(service, identity.registerService(service.module(),
                        service.calls().stream().map(PlatformService::module).collect(Collectors.toSet())));
            }
        }
        return secrets;
    }

    /**
     * Every service validates tokens by the provider's issuer (docs/ARCHITECTURE.md, Security); a service that
     * calls others also gets its own client credentials to ask for tokens with, and no other service gets them.
     */
    static Map<String, String> identityFor(PlatformService service, String issuer, String tokenUri,
                                           String clientSecret) {
        if (service.calls().isEmpty()) {
            return Map.of("JWT_ISSUER_URI", issuer);
        }
        if (clientSecret == null) {
            throw new IllegalStateException(service.module() + " calls others but was not registered as a client");
        }
        return Map.of("JWT_ISSUER_URI", issuer, "OAUTH_CLIENT_ID", service.module(),
                "OAUTH_CLIENT_SECRET", clientSecret, "OAUTH_TOKEN_URI", tokenUri);
    }

    /**
     * The SMTP-password key goes to mail-dispatch only, the one service that encrypts and reads those passwords:
     * any other service that leaks its environment must not leak the key with it.
     */
    static Map<String, String> secretsFor(PlatformService service, Supplier<String> secretsKey) {
        if (service != PlatformService.MAIL_DISPATCH) {
            return Map.of();
        }
        return Map.of("MAIL_SECRETS_KEY_ID", "local-1", "MAIL_SECRETS_KEY", secretsKey.get());
    }

    /**
     * Personal links travel sealed to mail-dispatch's key pair: invoice-service is given the public half to seal
     * them, mail-dispatch alone the private half to open them; no other service gets either.
     *
     * @param keys the private key file, then the public key file
     */
    static Map<String, String> linkSealKeysFor(PlatformService service, List<Path> keys) {
        return switch (service) {
            case INVOICE -> Map.of("LINK_SEAL_PUBLIC_KEY", keys.get(1).toAbsolutePath().toString());
            case MAIL_DISPATCH -> Map.of("LINK_SEAL_PRIVATE_KEY", keys.get(0).toAbsolutePath().toString());
            default -> Map.of();
        };
    }

    /** The link-seal key pair: made on the first run, kept owner-only in the keys directory afterwards. */
    private List<Path> linkSealKeys() {
        Path privateKey = settings.keysDirectory().resolve("link-seal-private.pem");
        Path publicKey = settings.keysDirectory().resolve("link-seal-public.pem");
        try {
            OwnerOnlyKeys.restrict(settings.keysDirectory());
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                PemKeys.write(PemKeys.generateRsa(), privateKey, publicKey);
                OwnerOnlyKeys.restrict(settings.keysDirectory());
            }
            return List.of(privateKey, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the link-seal keys in " + settings.keysDirectory(), e);
        }
    }

    /**
     * The key mail-dispatch encrypts tenants' SMTP passwords with: made on the first run, kept with the data it
     * encrypts (a key lost is every stored password lost).
     */
    private String secretsKey() {
        Path file = settings.keysDirectory().resolve("mail-secrets.key");
        try {
            OwnerOnlyKeys.restrict(settings.keysDirectory());
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                OwnerOnlyKeys.writeNew(file, Base64.getEncoder().encodeToString(key));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the secrets key in " + settings.keysDirectory(), e);
        }
    }

    /**
     * The identity provider's signing key: made on the first run, kept in the data directory afterwards, so the
     * printed tokens stay valid when the platform is started again.
     */
    private Path identityProviderKey() {
        Path file = settings.identityProviderKeyFile();
        try {
            OwnerOnlyKeys.restrict(settings.keysDirectory());
            if (!Files.exists(file)) {
                OwnerOnlyKeys.writeNew(file, SigningKey.newPem());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the identity provider's key in "
                    + settings.keysDirectory(), e);
        }
    }

    private void requireFreePorts() {
        List<Integer> ports = new ArrayList<>(List.of(settings.identityProviderPort(), settings.mongoPort(),
                settings.smtpPort(), settings.imapPort(), settings.inboxWebPort(), settings.gatewayPort(),
                PlatformService.managementPort(settings.gatewayPort())));
        settings.replicaPorts().values().forEach(ports::addAll);
        settings.replicaPorts().values().forEach(list -> list.forEach(port -> ports.add(PlatformService.managementPort(port))));
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " is in use: is the platform (or another Kafka, "
                        + "MongoDB, mail server or identity provider) already running? Stop it and start again.");
            }
        }
    }

    private <T extends AutoCloseable> T remember(T resource) {
        synchronized (this) {
            if (closed) {
                closeQuietly(resource);
                throw new IllegalStateException("the platform is stopping");
            }
            infrastructure.add(resource);
        }
        return resource;
    }

    /** The service's own port (its first instance): for what a test means to ask that one service directly. */
    public String url(PlatformService service) {
        return "http://localhost:" + settings.port(service);
    }

    /** The gateway: the one entry point for the API ({@code /api/...}), the Swagger UI and the link pages. */
    public String gatewayUrl() {
        return "http://localhost:" + settings.gatewayPort();
    }

    /** The gateway's process. */
    public synchronized ServiceProcess gateway() {
        return gateway;
    }

    /** The first instance's actuator: health, info, metrics, on the API port + 1000. */
    public String managementUrl(PlatformService service) {
        return "http://localhost:" + PlatformService.managementPort(settings.port(service));
    }

    /** The first instance of the service: the one the other services call. */
    public ServiceProcess service(PlatformService service) {
        return services.get(service).get(0);
    }

    /** Every instance of the service, the first first. */
    public List<ServiceProcess> replicas(PlatformService service) {
        return services.get(service);
    }

    /** The identity provider: registers clients and gets their tokens over HTTP (the e2e tests' users). */
    public LocalIdentity identity() {
        return identity;
    }

    public MailInbox inbox() {
        return inbox;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The document store, to stop and restart it (with its data in a file). */
    public DocumentStore documentStore() {
        return store;
    }

    /** The bus, to stop one of its brokers. */
    public KafkaBroker kafka() {
        return kafka;
    }

    /**
     * The client properties (brokers, security protocol, SASL login) to reach the bus as {@code principal}: one of
     * {@link BusPermissions}, e.g. {@link BusPermissions#IMPORTER} to publish import batches, or
     * {@link BusPermissions#TEST_READER} to read any topic with a consumer group named {@code e2e-*}.
     */
    public Map<String, Object> kafkaClientProperties(String principal) {
        return kafka.clientProperties(principal);
    }

    public PlatformSettings settings() {
        return settings;
    }

    /** Stops the services gracefully (together), then the infrastructure in reverse order. */
    @Override
    public void close() {
        List<ServiceProcess> processes;
        List<AutoCloseable> resources;
        synchronized (this) {
            closed = true;
            processes = allProcesses();
            resources = List.copyOf(infrastructure);
            infrastructure.clear();
        }
        processes.stream()
                .map(process -> CompletableFuture.runAsync(process::stop))
                .toList()
                .forEach(CompletableFuture::join);
        for (int i = resources.size() - 1; i >= 0; i--) {
            closeQuietly(resources.get(i));
        }
    }

    private synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the platform is stopping");
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("could not stop " + resource.getClass().getSimpleName() + ": " + e);
        }
    }
}

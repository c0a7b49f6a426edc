package com.invoicedelivery.deploy.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.RestCollection;
import com.invoicedelivery.deploy.PlatformSettings;
import com.invoicedelivery.deploy.demo.ApiClient;
import com.invoicedelivery.deploy.infra.BusPermissions;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.security.Roles;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-to-end delivery benchmark (issue 12): the whole platform as {@code ./run-local} starts it (embedded
 * Kafka, store with a file, identity provider, the four services as processes with their production JVM options)
 * on a fresh store, with Postfix's {@code smtp-sink} as the platform's SMTP server and as a PAID tenant's own
 * server. In one run it measures start-up, idle CPU and RSS of every process before and after, bulk send and bulk
 * import-then-send of N invoices in attachment and link mode (several runs in a row on the same store), per-request
 * POST time and per-invoice latency from the request to SENT, the raw render rate of the same invoices with the
 * same JVM options, single-send latency, and the store's growth per send. Everything goes to 127.0.0.1; every wait
 * is bounded. Results: {@code e2e-benchmark.json} and {@code e2e-benchmark.md} in {@code bench.output}.
 */
public final class EndToEndBenchmark {

    static final String TENANT = "bench";
    private static final String DOMAIN = "@bench-client.example";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TOKEN_VALIDITY = Duration.ofHours(12);
    private static final Duration SINGLE_SEND_TIMEOUT = Duration.ofSeconds(60);
    private static final int SETUP_THREADS = 4;

    /** What the run is asked to do, from system properties (the Maven profile passes its own). */
    record Config(Path root, Path output, int invoices, int runs, int batch, int clients, int singles,
                  Duration idle, Duration settle, int renders, List<String> extraServiceJvmOptions,
                  boolean flightRecordings, boolean storeInFile) {

        static Config fromSystemProperties() {
            Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
            Path output = Path.of(System.getProperty("bench.output", root.resolve("deploy/target").toString()));
            Config config = new Config(root, output, Integer.getInteger("bench.invoices", 2000),
                    Integer.getInteger("bench.runs", 3), Integer.getInteger("bench.batch", 200),
                    Integer.getInteger("bench.clients", 200), Integer.getInteger("bench.singles", 100),
                    Duration.ofSeconds(Integer.getInteger("bench.idleSeconds", 30)),
                    Duration.ofSeconds(Integer.getInteger("bench.settleSeconds", 60)),
                    Integer.getInteger("bench.renders", 2000),
                    words(System.getProperty("bench.serviceJvmOptions", "")),
                    Boolean.getBoolean("bench.jfr"), storeInFile(System.getProperty("bench.store", "file")));
            if (config.invoices < 1 || config.runs < 1 || config.batch < 1 || config.batch > 200
                    || config.clients < 1 || config.singles < 0 || config.renders < 1 || config.settle.isNegative()) {
                throw new IllegalArgumentException("invoices, runs, clients and renders ≥ 1, batch 1 to 200 (the"
                        + " bulk send's limit), singles and settleSeconds ≥ 0: " + config);
            }
            return config;
        }

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("invoices", invoices);
            map.put("runs", runs);
            map.put("batch", batch);
            map.put("clients", Math.min(clients, invoices));
            map.put("recipientsPerInvoice", 1);
            map.put("singleSends", singles);
            map.put("idleWindowSeconds", idle.toSeconds());
            map.put("settleSecondsBeforeIdle", settle.toSeconds());
            map.put("rawRenders", renders);
            map.put("extraServiceJvmOptions", extraServiceJvmOptions);
            map.put("flightRecordings", flightRecordings);
            map.put("store", storeInFile ? "file (H2)" : "memory (nothing survives a restart)");
            return map;
        }

        /** {@code file}: the local run's store (H2 file); {@code memory}: the same store without a file, for comparison. */
        private static boolean storeInFile(String store) {
            return switch (store) {
                case "file" -> true;
                case "memory" -> false;
                default -> throw new IllegalArgumentException("bench.store is file or memory, not " + store);
            };
        }

        private static List<String> words(String text) {
            return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
        }

        /** The JVM options of the services and of the raw renders: the production ones, then those asked for. */
        List<String> jvmOptions() {
            List<String> options = new ArrayList<>(PlatformSettings.DEFAULT_JVM_OPTIONS);
            options.addAll(extraServiceJvmOptions);
            return options;
        }

        /** The services' JVM options, with a flight recording if asked for (never the raw renders'). */
        List<String> serviceJvmOptions(Path data) {
            List<String> options = jvmOptions();
            if (flightRecordings) {
                options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                        + data.resolve("jfr"));
            }
            return options;
        }
    }

    private final Config config;
    private final LocalPlatform platform;
    private final DiscardingSink tenantSink;
    private final ApiClient api;
    private final ApiClient mail;
    private final ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
    private long storedSends;
    /** The platform's processes (name → pid), known once it has started. */
    private Map<String, Long> processes = Map.of();
    /** The tenant's clients, made by the set-up; invoices go to them in turn. */
    private List<String> clientIds = List.of();

    private EndToEndBenchmark(Config config, LocalPlatform platform, DiscardingSink tenantSink) {
        this.config = config;
        this.platform = platform;
        this.tenantSink = tenantSink;
        String token = platform.identity().tokenFor("admin@" + TENANT, TENANT, List.of(Roles.TENANT_ADMIN),
                TOKEN_VALIDITY);
        this.api = new ApiClient(platform.url(PlatformService.INVOICE), token);
        this.mail = new ApiClient(platform.url(PlatformService.MAIL_DISPATCH), token);
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.fromSystemProperties();
        if (!DiscardingSink.installed()) {
            throw new IllegalStateException("Postfix's smtp-sink is needed at " + DiscardingSink.EXECUTABLE
                    + " (Debian package postfix)");
        }
        Files.createDirectories(config.output());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "end-to-end delivery (issue 12)");
        result.put("startedAt", Instant.now().toString());
        result.put("config", config.asMap());
        result.put("machine", Machine.describe(config.root()));
        result.put("loadAverageBefore", Machine.loadAverage());
        Path data = Files.createTempDirectory(config.output(), "e2e-benchmark-data-");
        log("fresh data directory " + data);

        try (DiscardingSink platformSink = DiscardingSink.start(); DiscardingSink tenantSink = DiscardingSink.start()) {
            log("smtp-sink for the platform on 127.0.0.1:" + platformSink.port() + ", for the tenant on 127.0.0.1:"
                    + tenantSink.port());
            PlatformSettings settings = settings(config, data, platformSink.port());
            Recording launcherRecording = config.flightRecordings() ? launcherRecording(data) : null;
            LocalPlatform platform = LocalPlatform.prepare(settings);
            Thread stop = new Thread(platform::close, "benchmark-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                long started = System.nanoTime();
                platform.startAll(message -> log(message));
                result.put("startupSeconds", seconds(System.nanoTime() - started));
                // as ./run-local does: this JVM is the launcher
                try (RestCollection ignored = RestCollection.start()) {
                    new EndToEndBenchmark(config, platform, tenantSink).run(result, settings);
                }
            } finally {
                if (launcherRecording != null) {
                    launcherRecording.stop();
                }
                platform.close();
                Runtime.getRuntime().removeShutdownHook(stop);
            }
        }
        result.put("loadAverageAfter", Machine.loadAverage());
        result.put("finishedAt", Instant.now().toString());

        Path jsonFile = config.output().resolve("e2e-benchmark.json");
        Files.writeString(jsonFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
        String markdown = Report.markdown(JSON.readTree(Files.readString(jsonFile)));
        Files.writeString(config.output().resolve("e2e-benchmark.md"), markdown);
        System.out.println(markdown);
        log("wrote " + jsonFile + " and e2e-benchmark.md");
        System.exit(0); // the embedded infrastructure leaves non-daemon threads behind
    }

    /**
     * With {@code bench.jfr}, the launcher's JVM (Kafka, store, identity provider: this one) records too, as the
     * services do; every recording lands in {@code <data>/jfr}, the services' named by their pid (see
     * {@code processes} in the JSON document).
     */
    private static Recording launcherRecording(Path data) throws IOException, java.text.ParseException {
        Files.createDirectories(data.resolve("jfr"));
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setDestination(data.resolve("jfr").resolve("launcher.jfr"));
        recording.setDumpOnExit(true);
        recording.start();
        return recording;
    }

    /** Free ports, the store in a file (to measure its growth) unless asked otherwise, the platform's SMTP server a sink. */
    private static PlatformSettings settings(Config config, Path data, int platformSmtpPort) {
        Path root = config.root();
        Map<PlatformService, Integer> ports = new java.util.EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, DiscardingSink.freePort());
        }
        return new PlatformSettings(root, data, config.storeInFile(), DiscardingSink.freePort(), DiscardingSink.freePort(),
                DiscardingSink.freePort(), DiscardingSink.freePort(), DiscardingSink.freePort(), ports,
                config.serviceJvmOptions(data),
                Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(platformSmtpPort)));
    }

    private void run(Map<String, Object> result, PlatformSettings settings) throws Exception {
        try {
            processes = processes();
            result.put("processes", processes);
            log("settling " + config.settle().toSeconds() + " s, then " + config.idle().toSeconds() + " s of idle measurement");
            Pause.of(config.settle());
            Map<String, Object> requestsAtRest = new LinkedHashMap<>();
            result.put("idleBefore", idle(requestsAtRest, "before"));
            Map<String, Object> store = new LinkedHashMap<>();
            store.put("bytesAfterStart", storeBytes(settings));

            List<String> invoiceIds = setUp();
            store.put("bytesAfterSetup", storeBytes(settings));

            List<Map<String, Object>> passes = new ArrayList<>();
            Path samples = null;
            for (String mode : List.of("ATTACHMENT", "LINK")) {
                chooseMode(mode);
                for (int run = 1; run <= config.runs(); run++) {
                    passes.add(bulkSend(mode, run, invoiceIds));
                    if (samples == null) {
                        samples = renderSamples(settings.dataDirectory(), invoiceIds.size());
                    }
                }
                for (int run = 1; run <= config.runs(); run++) {
                    passes.add(importThenSend(mode, run));
                }
            }
            result.put("passes", passes);

            result.put("rawRender", RawRender.measure(config.root(), samples, settings.dataDirectory(),
                    config.renders(), config.jvmOptions()));

            chooseMode("ATTACHMENT");
            Pause.of(Duration.ofSeconds(5));
            result.put("singleSend", singleSends(invoiceIds));

            log("settling " + config.settle().toSeconds() + " s, then measuring idle again");
            Pause.of(config.settle());
            result.put("idleAfter", idle(requestsAtRest, "after"));
            result.put("brokerRequestsPerSecondAtRest", requestsAtRest);
            store.put("bytesAfterRuns", storeBytes(settings));
            store.put("sendsDuringRuns", storedSends);
            long grown = (long) store.get("bytesAfterRuns") - (long) store.get("bytesAfterSetup");
            store.put("bytesPerSend", storedSends == 0 ? 0 : grown / storedSends);
            store.put("file", settings.documentStoreFile().getFileName().toString());
            result.put("store", store);
            result.put("targets", Targets.of(result));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The launcher (this JVM: broker, store, identity provider), each service's JVM and the gateway's. */
    private Map<String, Long> processes() {
        Map<String, Long> processes = new LinkedHashMap<>();
        processes.put("launcher", ProcessHandle.current().pid());
        for (PlatformService service : PlatformService.values()) {
            processes.put(service.module(), childRunningFrom(service.module()));
        }
        processes.put("gateway", childRunningFrom("gateway"));
        return processes;
    }

    private static long childRunningFrom(String module) {
        String jarDirectory = "/" + module + "/target/";
        return ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains(jarDirectory))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("no process of " + module));
    }

    /** A PAID tenant on its own SMTP server (the sink), its clients, and N issued invoices: not measured. */
    private List<String> setUp() throws Exception {
        log("creating the tenant, its SMTP server, " + Math.min(config.clients(), config.invoices()) + " clients and "
                + config.invoices() + " invoices");
        ApiClient operations = new ApiClient(platform.url(PlatformService.INVOICE), platform.identity().tokenFor(
                "bench-operator", null, List.of(Roles.OPERATIONS), TOKEN_VALIDITY));
        Map<String, Object> company = Map.of("name", "Бенчмарк Доставки ООД", "address", "ул. „Тестова“ 1",
                "city", "София", "country", "България", "uic", "201234567", "vatNumber", "BG201234567",
                "responsiblePerson", "Тест Тестов", "email", "office@bench.example",
                "bank", Map.of("bankName", "Тест Банк", "iban", "BG80BNBG96611020345678", "bic", "BNBGBGSD"));
        operations.put("/api/operations/tenants/" + TENANT, Map.of("name", "Бенчмарк Доставки ООД",
                "subdomain", TENANT, "plan", "PAID", "attachInvoices", true, "company", company)).expect(200);
        mail.put("/api/smtp-settings", Map.of("host", "127.0.0.1", "port", tenantSink.port(), "security", "NONE",
                "fromAddress", "invoices@bench.example")).expect(200);
        JsonNode check = mail.post("/api/smtp-settings/test", Map.of()).expect(200);
        if (!check.get("ok").asBoolean()) {
            throw new IllegalStateException("the tenant's SMTP server (smtp-sink) fails the connection test: " + check);
        }

        int clientCount = Math.min(config.clients(), config.invoices());
        List<Future<String>> created = new ArrayList<>();
        for (int i = 0; i < clientCount; i++) {
            int number = i;
            created.add(pool.submit(() -> api.post("/api/clients", Map.of("name", "Клиент " + number + " ООД",
                    "address", "ул. „Клиентска“ 7", "city", "Варна", "country", "България", "uic", "103456789",
                    "vatNumber", "BG103456789", "responsiblePerson", "Петя Иванова",
                    "emails", List.of("client-" + number + DOMAIN), "language", number % 2 == 0 ? "BG" : "EN"))
                    .expect(201).get("id").asText()));
        }
        List<String> clientIds = new ArrayList<>();
        for (Future<String> client : created) {
            clientIds.add(client.get());
        }
        this.clientIds = clientIds;

        List<String> invoiceIds = new ArrayList<>();
        for (int from = 0; from < config.invoices(); from += config.batch()) {
            int to = Math.min(config.invoices(), from + config.batch());
            JsonNode rows = importBatch("setup-" + UUID.randomUUID(), "setup", from, to, false).get("rows");
            for (JsonNode row : rows) {
                requireImported(row);
                invoiceIds.add(row.get("invoiceId").asText());
            }
        }
        return invoiceIds;
    }

    /** Rows {@code from} to {@code to}: two lines at 20 %, to the clients in turn, references unique per tenant. */
    private JsonNode importBatch(String batchId, String prefix, int from, int to, boolean send) {
        LocalDate today = LocalDate.now();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            rows.add(Map.of("externalRef", prefix + "-" + i, "clientId", clientIds.get(i % clientIds.size()),
                    "kind", "INVOICE", "issueDate", today.toString(), "taxEventDate", today.toString(),
                    "dueDate", today.plusDays(14).toString(), "currency", "EUR", "paymentMethod", "Банков превод",
                    "lines", List.of(
                            Map.of("description", "Абонамент за счетоводен софтуер", "quantity", BigDecimal.ONE,
                                    "unit", "бр.", "unitPrice", new BigDecimal("120.00"), "vatRate", new BigDecimal("20")),
                            Map.of("description", "Консултантски услуги", "quantity", new BigDecimal("2.5"),
                                    "unit", "ч.", "unitPrice", new BigDecimal("80.00"), "vatRate", new BigDecimal("20")))));
        }
        return api.post("/api/imports", Map.of("batchId", batchId, "sendAfterImport", send, "invoices", rows))
                .expect(200);
    }

    private static void requireImported(JsonNode row) {
        if (!"IMPORTED".equals(row.get("status").asText())) {
            throw new IllegalStateException("an import row was not imported: " + row);
        }
    }

    private void chooseMode(String mode) {
        api.put("/api/settings/email", Map.of("attachInvoices", mode.equals("ATTACHMENT"))).expect(200);
    }

    /** N invoices already issued, sent again in requests of {@code batch}. */
    private Map<String, Object> bulkSend(String mode, int run, List<String> invoiceIds) {
        return pass("bulk-send", mode, run, (from) -> {
            int to = Math.min(invoiceIds.size(), from + config.batch());
            List<Map<String, Object>> items = invoiceIds.subList(from, to).stream()
                    .map(id -> Map.<String, Object>of("invoiceId", id)).toList();
            List<String> sendIds = new ArrayList<>();
            api.post("/api/sends", Map.of("invoices", items)).expect(202).get("sends")
                    .forEach(send -> sendIds.add(send.get("sendId").asText()));
            return sendIds;
        });
    }

    /** N new invoices imported through REST with the send right after, in requests of {@code batch}. */
    private Map<String, Object> importThenSend(String mode, int run) {
        String prefix = "import-" + mode.toLowerCase() + "-" + run;
        return pass("import-then-send", mode, run, (from) -> {
            int to = Math.min(config.invoices(), from + config.batch());
            List<String> sendIds = new ArrayList<>();
            for (JsonNode row : importBatch(prefix + "-" + from, prefix, from, to, true).get("rows")) {
                requireImported(row);
                sendIds.add(row.get("sendId").asText());
            }
            return sendIds;
        });
    }

    /**
     * One measured pass of N invoices: the requests one after the other (as a tenant's UI or importer makes them),
     * then each send's SENT time from its timeline (the platform's clock, which is this machine's), read until every
     * send is SENT or the pass's time (60 s + 1 s per invoice) is up.
     *
     * @param post from the index of a batch's first invoice, posts the batch and answers its send ids
     */
    private Map<String, Object> pass(String kind, String mode, int run, Function<Integer, List<String>> post) {
        log(kind + " " + mode + " run " + run + ": " + config.invoices() + " invoices (" + storedSends
                + " sends stored before)");
        Map<String, Instant> requestedAt = new LinkedHashMap<>();
        List<Double> postMillis = new ArrayList<>();
        Map<String, Double> cpuMillisPerInvoice;
        Map<String, Double> brokerRequestsPerInvoice;
        Map<String, Instant> sentAt;
        double postingSeconds;
        double completeSeconds;
        long started;
        Instant firstRequest;
        try (DeliveryWatch watch = new DeliveryWatch(readerProperties())) {
            Map<String, Long> cpuBefore = ProcessUsage.cpuTicks(processes);
            Map<String, Long> requestsBefore = BrokerRequests.counts();
            firstRequest = Instant.now();
            started = System.nanoTime();
            for (int from = 0; from < config.invoices(); from += config.batch()) {
                Instant at = Instant.now();
                long posted = System.nanoTime();
                List<String> sendIds = post.apply(from);
                postMillis.add((System.nanoTime() - posted) / 1e6);
                sendIds.forEach(id -> requestedAt.put(id, at));
            }
            postingSeconds = seconds(System.nanoTime() - started);

            // done when every send has its outcome (or the pass's time is up): smtp-sink's counter cannot tell, it
            // reaches its pipe only when its output buffer fills or a session ends, and mail-dispatch keeps its
            // connections open
            long deadline = started + Duration.ofSeconds(60 + requestedAt.size()).toNanos();
            watch.awaitOutcomes(TENANT, requestedAt.keySet(), deadline);
            completeSeconds = seconds(System.nanoTime() - started);
            // the launcher's figure includes this benchmark's own requests and its reading of the bus (same JVM)
            cpuMillisPerInvoice = ProcessUsage.cpuMillisPer(processes, cpuBefore, requestedAt.size());
            brokerRequestsPerInvoice = BrokerRequests.perInvoice(requestsBefore, requestedAt.size());
            // each send's SENT time as invoice-service recorded it (read once; waited for where it is not there yet)
            sentAt = sentTimes(requestedAt.keySet(), deadline);
        }
        long expected = requestedAt.size();
        List<Double> latencies = new ArrayList<>();
        Instant lastSent = firstRequest;
        for (Map.Entry<String, Instant> sent : sentAt.entrySet()) {
            latencies.add(Duration.between(requestedAt.get(sent.getKey()), sent.getValue()).toNanos() / 1e6);
            lastSent = sent.getValue().isAfter(lastSent) ? sent.getValue() : lastSent;
        }
        storedSends += expected;

        Map<String, Object> pass = new LinkedHashMap<>();
        pass.put("kind", kind);
        pass.put("mode", mode);
        pass.put("run", run);
        pass.put("invoices", expected);
        pass.put("sendsStoredBefore", storedSends - expected);
        pass.put("requests", postMillis.size());
        pass.put("postMs", Latencies.summary(postMillis));
        pass.put("postingSeconds", round3(postingSeconds));
        pass.put("sent", sentAt.size());
        pass.put("timedOut", sentAt.size() < expected);
        double platformSeconds = Duration.between(firstRequest, lastSent).toNanos() / 1e9;
        pass.put("firstRequestToLastSentSeconds", round3(platformSeconds));
        pass.put("invoicesPerSecond", platformSeconds <= 0 ? null : round3(sentAt.size() / platformSeconds));
        pass.put("outcomesOnBusSeconds", completeSeconds);
        pass.put("latencyToSentMs", Latencies.summary(latencies));
        pass.put("cpuMillisPerInvoice", cpuMillisPerInvoice);
        // the benchmark's own reading of the bus is in these too (a fetch every 200 ms or sooner)
        pass.put("brokerRequestsPerInvoice", brokerRequestsPerInvoice);
        log(kind + " " + mode + " run " + run + ": " + sentAt.size() + "/" + expected + " SENT, "
                + pass.get("invoicesPerSecond") + " invoices/s, POST p50 "
                + Latencies.summary(postMillis).get("p50Ms") + " ms, to SENT p50/p99 "
                + Latencies.summary(latencies).get("p50Ms") + "/" + Latencies.summary(latencies).get("p99Ms") + " ms");
        return pass;
    }

    /** Each send's SENT time from its timeline, read in parallel and bounded in time; sends never SENT are left out. */
    private Map<String, Instant> sentTimes(java.util.Collection<String> sendIds, long deadline) {
        Map<String, Future<Instant>> pending = new LinkedHashMap<>();
        for (String sendId : sendIds) {
            pending.put(sendId, pool.submit(() -> awaitSent(sendId, deadline, Duration.ofMillis(250))));
        }
        Map<String, Instant> sent = new LinkedHashMap<>();
        pending.forEach((sendId, future) -> {
            try {
                Instant at = future.get();
                if (at != null) {
                    sent.put(sendId, at);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot read send " + sendId, e.getCause());
            }
        });
        return sent;
    }

    /** The SENT entry's time of the send's timeline, polled until the deadline; null if it never came (or failed). */
    private Instant awaitSent(String sendId, long deadline, Duration interval) {
        while (true) {
            JsonNode send = api.get("/api/sends/" + sendId).expect(200);
            for (JsonNode entry : send.get("timeline")) {
                if ("SENT".equals(entry.get("step").asText())) {
                    return Instant.parse(entry.get("at").asText());
                }
            }
            if ("FAILED".equals(send.get("status").asText()) || System.nanoTime() > deadline) {
                return null;
            }
            Pause.of(interval);
        }
    }

    /** A Kafka client's settings as the tests' reader of the bus (read-only, every topic). */
    private Properties readerProperties() {
        Properties properties = new Properties();
        properties.putAll(platform.kafkaClientProperties(BusPermissions.TEST_READER));
        return properties;
    }

    /**
     * The invoices as the platform rendered them: the snapshots in the send requests on the bus (read as the tests'
     * reader), one per invoice, with the send's language; written one JSON object per line for {@link RawRender}.
     */
    private Path renderSamples(Path dataDirectory, int wanted) throws IOException {
        Properties properties = readerProperties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, BusPermissions.TEST_READER_GROUP_PREFIX + "bench-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, String> lines = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.SEND_REQUESTED));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (lines.size() < wanted && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = JSON.readTree(record.value());
                    JsonNode send = event.path("send");
                    if (TENANT.equals(event.path("tenantId").asText()) && send.has("invoice")) {
                        Map<String, Object> sample = new LinkedHashMap<>();
                        sample.put("language", send.get("language").asText());
                        sample.put("invoice", send.get("invoice"));
                        lines.putIfAbsent(send.get("invoiceId").asText(), JSON.writeValueAsString(sample));
                    }
                }
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("no send request of tenant " + TENANT + " on " + Topics.SEND_REQUESTED);
        }
        Path file = dataDirectory.resolve("render-samples.jsonl");
        Files.write(file, lines.values());
        log(lines.size() + " invoices as sent, for the raw render rate: " + file);
        return file;
    }

    /** Every process's idle CPU and RSS over the idle window, and the broker's requests per second meanwhile. */
    private Map<String, ProcessUsage.Idle> idle(Map<String, Object> requestsAtRest, String window) {
        Map<String, Long> requestsBefore = BrokerRequests.counts();
        long started = System.nanoTime();
        Map<String, ProcessUsage.Idle> idle = ProcessUsage.idle(processes, config.idle());
        requestsAtRest.put(window, BrokerRequests.perSecond(requestsBefore, (System.nanoTime() - started) / 1e9));
        return idle;
    }

    /** Single sends one after the other on the idle platform, each waited for until SENT. */
    private Map<String, Object> singleSends(List<String> invoiceIds) {
        log(config.singles() + " single sends, one at a time");
        List<Double> toSent = new ArrayList<>();
        List<Double> observed = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < config.singles(); i++) {
            String invoiceId = invoiceIds.get(i % invoiceIds.size());
            Instant at = Instant.now();
            long started = System.nanoTime();
            String sendId = api.post("/api/invoices/" + invoiceId + "/send", Map.of()).expect(202)
                    .get("sendId").asText();
            Instant sent = awaitSent(sendId, started + SINGLE_SEND_TIMEOUT.toNanos(), Duration.ofMillis(10));
            if (sent == null) {
                failed++;
                continue;
            }
            observed.add((System.nanoTime() - started) / 1e6);
            toSent.add(Duration.between(at, sent).toNanos() / 1e6);
        }
        storedSends += config.singles();
        Map<String, Object> single = new LinkedHashMap<>();
        single.put("mode", "ATTACHMENT");
        single.put("sends", config.singles());
        single.put("notSent", failed);
        single.put("latencyToSentMs", Latencies.summary(toSent));
        single.put("observedByPollingMs", Latencies.summary(observed));
        return single;
    }

    private static long storeBytes(PlatformSettings settings) throws IOException {
        Path file = settings.documentStoreFile();
        return Files.exists(file) ? Files.size(file) : 0;
    }

    static double seconds(long nanos) {
        return round3(nanos / 1e9);
    }

    static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static void log(String message) {
        System.out.println("[e2e-bench " + Instant.now() + "] " + message);
    }
}

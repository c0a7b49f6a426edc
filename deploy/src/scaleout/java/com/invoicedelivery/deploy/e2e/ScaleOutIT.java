package com.invoicedelivery.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.PlatformSettings;
import com.invoicedelivery.deploy.demo.ApiClient;
import com.invoicedelivery.deploy.infra.BusPermissions;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.deploy.services.ServiceProcess;
import com.invoicedelivery.kit.messaging.CloudEventHeaders;
import com.invoicedelivery.kit.security.Roles;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The scale-out suite (issue 13), in its own Maven profile {@code scale-out}: two instances of every service on the
 * same store and consumer groups, a three-broker KRaft cluster, a bulk send of N invoices (system property
 * {@code scaleout.invoices}) for four tenants, attachment and link mode, two of them on their own SMTP servers with a
 * cap on connections. While the mail goes out, one broker stops, the second mail-dispatch instance is killed
 * (SIGKILL) and the second instance of each other service is stopped (SIGTERM). Checked together (every failure is
 * reported, not only the first): each recipient gets its message exactly once, or twice with the same Message-ID
 * when the kill made the outcome unknown (counted); every send is SENT with the Message-ID that arrived; each tenant's
 * mode shows in its messages; no tenant server ever had more connections open at once than the cap, counted by the
 * server across both instances; no record on any topic was published twice (same topic, same CloudEvents id).
 *
 * <p>The first instance of each service keeps running: the URLs the services call each other by (and this test's
 * reads) point at it, as a production Service would point at whichever instances are up. Bulk sends are spread over
 * both invoice-service instances, so both write outbox entries and either may relay them.
 */
class ScaleOutIT {

    private static final int INVOICES = Integer.getInteger("scaleout.invoices", 60);
    /** This module's build directory: the services' data and logs, and the result. */
    private static final Path OUTPUT = Path.of(System.getProperty("scaleout.output", "target")).toAbsolutePath();
    private static final int CAP = 2;
    private static final int REPLICAS = 2;
    private static final int BROKERS = 3;
    private static final int PER_REQUEST = 50;
    private static final Duration TOKEN_VALIDITY = Duration.ofHours(3);

    /** One tenant of the run: its plan, its mode, whether it sends through a server of its own. */
    private record Tenant(String id, String name, String plan, boolean attach, boolean ownServer) {

        String domain() {
            return "@clients-" + id + ".example";
        }
    }

    private static final List<Tenant> TENANTS = List.of(
            new Tenant("so-attach-own", "Скейл Прикачени ООД", "PAID", true, true),
            new Tenant("so-link-own", "Скейл Линкове ООД", "PAID", false, true),
            new Tenant("so-attach-platform", "Скейл Платформа ООД", "PAID", true, false),
            new Tenant("so-link-trial", "Скейл Пробен ЕТ", "TRIAL", false, false));

    /** One invoice's send to one recipient. */
    private record Expected(Tenant tenant, String address, String sendId) {
    }

    @Test
    void twoInstancesOfEveryServiceOnThreeBrokersDeliverEveryInvoiceOnceThroughStopsAndKeepTheCaps() throws Exception {
        assertThat(INVOICES).as("scaleout.invoices").isGreaterThanOrEqualTo(TENANTS.size() * 2);
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        Path data = Files.createDirectories(OUTPUT.resolve("scale-out-data"));
        PlatformSettings settings = PlatformSettings.isolated(root, data, REPLICAS, BROKERS)
                .withServiceEnvironment(Map.of(
                        // the killed instance's SENDING jobs are taken over this soon by the other one; SMTP
                        // timeouts short enough for it (mail-dispatch refuses a lease they could outlast)
                        "MAIL_DISPATCH_LEASE", "20s", "MAIL_SMTP_CONNECTTIMEOUT", "3s", "MAIL_SMTP_READTIMEOUT", "8s",
                        "MAIL_SMTP_WRITETIMEOUT", "8s",
                        "MAIL_TENANT_SERVER_CONNECTIONS", String.valueOf(CAP)));
        Instant started = Instant.now();
        try (LocalPlatform platform = LocalPlatform.start(settings, message -> log(message));
             CountingRelay attachServer = CountingRelay.start(platform.inbox().smtpPort());
             CountingRelay linkServer = CountingRelay.start(platform.inbox().smtpPort())) {
            log("started in " + Duration.between(started, Instant.now()).toSeconds() + " s");
            Map<String, CountingRelay> servers = Map.of(TENANTS.get(0).id(), attachServer,
                    TENANTS.get(1).id(), linkServer);
            new Run(platform, servers).run(started);
        }
    }

    /** One run against a started platform. */
    private static final class Run {

        private final LocalPlatform platform;
        private final Map<String, CountingRelay> servers;
        private final ExecutorService pool = Executors.newFixedThreadPool(4);

        Run(LocalPlatform platform, Map<String, CountingRelay> servers) {
            this.platform = platform;
            this.servers = servers;
        }

        void run(Instant started) throws Exception {
            List<Expected> expected;
            try {
                expected = setUpAndSend();
            } finally {
                pool.shutdown();
            }
            int total = expected.size();
            Instant sent = Instant.now();

            int beforeStops = Waiting.until("the first messages", this::deliveredCount,
                    count -> count >= Math.max(8, total / 6), Duration.ofMinutes(5));
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("deliveredWhenStopsBegan", beforeStops);
            stopOneOfEach();
            int afterStops = deliveredCount();
            figures.put("deliveredWhenStopsEnded", afterStops);

            Duration deliveryTimeout = Duration.ofSeconds(180 + 2L * total);
            Map<String, List<MimeMessage>> received = Waiting.until("every recipient to have its message",
                    this::delivered, byAddress -> byAddress.size() >= total, deliveryTimeout);
            Instant allDelivered = Instant.now();
            Waiting.pause(Duration.ofSeconds(5)); // a late repeat would arrive now
            received = delivered();

            SoftAssertions checks = new SoftAssertions();
            checks.assertThat(beforeStops).as("the stops came in the middle of the run").isLessThan(total);
            Deliveries deliveries = checkDeliveries(checks, expected, received);
            Map<String, Integer> mostOpen = new LinkedHashMap<>();
            servers.forEach((tenant, server) -> mostOpen.put(tenant, server.mostOpenAtOnce()));
            Map<String, Integer> accepted = new LinkedHashMap<>();
            servers.forEach((tenant, server) -> accepted.put(tenant, server.connectionsAccepted()));
            Outbox outbox = readEveryTopic();

            figures.put("invoices", total);
            figures.put("servicesBuiltIn", platform.settings().projectRoot());
            figures.put("sendsThroughOutcomeUnknown", deliveries.outcomeUnknown());
            figures.put("repeatedWithSameMessageId", deliveries.repeated());
            figures.put("mostConnectionsOpenAtOncePerTenantServer", mostOpen);
            figures.put("connectionsAcceptedPerTenantServer", accepted);
            figures.put("recordsOnTopics", outbox.records());
            figures.put("recordsWithoutEventId", outbox.withoutId());
            figures.put("eventIdsPublishedTwice", outbox.duplicates().size());
            figures.put("secondsFromSendToAllDelivered", Duration.between(sent, allDelivered).toSeconds());
            figures.put("secondsInAll", Duration.between(started, Instant.now()).toSeconds());
            report(figures);

            checks.assertThat(outbox.duplicates()).as("records published twice (topic, CloudEvents id → copies)")
                    .isEmpty();
            checks.assertThat(outbox.records()).as("records on the topics").isPositive();
            // mail-dispatch keeps its connection slots in the store (StoredConnectionSlots), so the cap holds for
            // both instances together; with per-process caps two instances could hold 2 × CAP and this fails
            mostOpen.forEach((tenant, most) -> checks.assertThat(most)
                    .as("connections open at once to " + tenant + "'s server, both instances together (cap " + CAP
                            + ")").isBetween(1, CAP));
            checks.assertAll();
        }

        /**
         * The tenants, their clients and invoices; then every invoice sent, in bulk requests to both instances in
         * turn, so that the whole backlog is in the pipeline before the stops.
         */
        private List<Expected> setUpAndSend() throws Exception {
            Map<Tenant, List<String>> invoices = new LinkedHashMap<>();
            for (int t = 0; t < TENANTS.size(); t++) {
                Tenant tenant = TENANTS.get(t);
                int count = INVOICES / TENANTS.size() + (t < INVOICES % TENANTS.size() ? 1 : 0);
                invoices.put(tenant, setUp(tenant, count));
            }
            log("sending " + INVOICES + " invoices in requests of " + PER_REQUEST);
            List<Expected> expected = new ArrayList<>();
            for (Map.Entry<Tenant, List<String>> tenant : invoices.entrySet()) {
                expected.addAll(send(tenant.getKey(), tenant.getValue()));
            }
            return expected;
        }

        private String token(Tenant tenant) {
            return platform.identity().tokenFor("user@" + tenant.id(), tenant.id(), List.of(Roles.TENANT_ADMIN),
                    TOKEN_VALIDITY);
        }

        /** @return the tenant's issued invoices */
        private List<String> setUp(Tenant tenant, int count) throws Exception {
            log("tenant " + tenant.id() + ": " + count + " invoices, " + (tenant.attach() ? "attached" : "linked")
                    + ", " + (tenant.ownServer() ? "its own server (cap " + CAP + ")" : "the platform's server"));
            TenantFixture fixture = TenantFixture.create(platform, tenant.id(), tenant.name(), tenant.plan(),
                    tenant.attach());
            String token = token(tenant);
            if (tenant.attach()) {
                fixture.api().put("/api/settings/email", Map.of("attachInvoices", true)).expect(200);
            }
            if (tenant.ownServer()) {
                ApiClient mail = new ApiClient(platform.url(PlatformService.MAIL_DISPATCH), token);
                mail.put("/api/smtp-settings", Map.of("host", "127.0.0.1", "port", servers.get(tenant.id()).port(),
                        "security", "NONE", "fromAddress", "invoices@" + tenant.id() + ".example")).expect(200);
            }
            List<String> clients = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                clients.add(fixture.createClient("Клиент " + i + " на " + tenant.name(),
                        List.of("client-" + i + tenant.domain()), i % 2 == 0 ? "BG" : "EN"));
            }
            List<Future<String>> issued = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String clientId = clients.get(i % clients.size());
                issued.add(pool.submit(() -> fixture.issueInvoice(clientId, "1", "12.34").get("id").asText()));
            }
            List<String> invoiceIds = new ArrayList<>();
            for (Future<String> invoice : issued) {
                invoiceIds.add(invoice.get());
            }
            return invoiceIds;
        }

        private List<Expected> send(Tenant tenant, List<String> invoiceIds) {
            String token = token(tenant);
            int count = invoiceIds.size();

            // each invoice to an address of its own, so that every copy delivered can be told apart
            List<Expected> expected = new ArrayList<>();
            List<ServiceProcess> invoiceInstances = platform.replicas(PlatformService.INVOICE);
            for (int from = 0, request = 0; from < count; from += PER_REQUEST, request++) {
                List<Map<String, Object>> items = new ArrayList<>();
                Map<String, String> addressByInvoice = new HashMap<>();
                for (int i = from; i < Math.min(count, from + PER_REQUEST); i++) {
                    String address = "inv-%04d%s".formatted(i, tenant.domain());
                    addressByInvoice.put(invoiceIds.get(i), address);
                    items.add(Map.of("invoiceId", invoiceIds.get(i), "recipients", List.of(address)));
                }
                String instance = invoiceInstances.get(request % invoiceInstances.size()).baseUrl();
                ApiOperations.Answer answer = ApiOperations.call("POST", instance + "/api/sends", token,
                        "application/json", ApiOperations.JSON.writeValueAsString(Map.of("invoices", items)),
                        Map.of("Idempotency-Key", "scale-out-" + tenant.id() + "-" + request));
                assertThat(answer.status()).as(answer.body()).isEqualTo(202);
                JsonNode sends = answer.json().get("sends");
                assertThat(sends).hasSize(items.size());
                sends.forEach(send -> expected.add(new Expected(tenant,
                        addressByInvoice.get(send.get("invoiceId").asText()), send.get("sendId").asText())));
            }
            return expected;
        }

        /**
         * The second mail-dispatch killed in the middle of its work (first, while it surely has some), one broker
         * stopped, then the second instance of every other service stopped.
         */
        private void stopOneOfEach() {
            log("killing the second mail-dispatch-service");
            platform.replicas(PlatformService.MAIL_DISPATCH).get(1).kill();
            List<Integer> brokers = platform.kafka().brokerIds();
            int broker = brokers.get(brokers.size() - 1);
            log("stopping Kafka broker " + broker + " of " + brokers);
            platform.kafka().stopBroker(broker);
            log("stopping the second invoice-, pdf- and tracking-service");
            List<CompletableFuture<Void>> stops = new ArrayList<>();
            for (PlatformService service : List.of(PlatformService.INVOICE, PlatformService.PDF,
                    PlatformService.TRACKING)) {
                ServiceProcess second = platform.replicas(service).get(1);
                stops.add(CompletableFuture.runAsync(second::stop));
            }
            stops.forEach(CompletableFuture::join);
            log("stops done");
        }

        /**
         * Each recipient once, or twice with the same Message-ID and OUTCOME_UNKNOWN in its send's timeline; each
         * send SENT with the Message-ID that arrived; each tenant's mode in its messages; nothing to anyone else.
         *
         * @return how many sends went through OUTCOME_UNKNOWN (the killed instance's, taken over), how many
         *         recipients got a repeat
         */
        private Deliveries checkDeliveries(SoftAssertions checks, List<Expected> expected,
                                    Map<String, List<MimeMessage>> received) {
            Map<String, ApiClient> apis = new HashMap<>();
            for (Tenant tenant : TENANTS) {
                apis.put(tenant.id(), new ApiClient(platform.url(PlatformService.INVOICE), platform.identity()
                        .tokenFor("user@" + tenant.id(), tenant.id(), List.of(Roles.TENANT_ADMIN), TOKEN_VALIDITY)));
            }
            int repeated = 0;
            int outcomeUnknown = 0;
            for (Expected send : expected) {
                List<MimeMessage> copies = received.getOrDefault(send.address(), List.of());
                JsonNode status = Waiting.until("send " + send.sendId() + " to settle",
                        () -> apis.get(send.tenant().id()).get("/api/sends/" + send.sendId()).expect(200),
                        body -> !body.get("status").asText().matches("REQUESTED|RENDERED|DEFERRED|OUTCOME_UNKNOWN"),
                        Duration.ofSeconds(90));
                checks.assertThat(status.get("status").asText()).as("status of the send to " + send.address())
                        .isEqualTo("SENT");
                String messageId = status.get("recipients").get(0).path("messageId").asText();
                checks.assertThat(copies).as("copies delivered to " + send.address()).hasSizeBetween(1, 2);
                for (MimeMessage copy : copies) {
                    checks.assertThat(messageId(copy)).as("Message-ID delivered to " + send.address())
                            .isEqualTo(messageId);
                    checks.assertThat(contentType(copy)).as("the mode of " + send.tenant().id() + "'s messages")
                            .startsWith(send.tenant().attach() ? "multipart/mixed" : "multipart/alternative");
                }
                if (Timeline.steps(status).contains("OUTCOME_UNKNOWN")) {
                    outcomeUnknown++;
                }
                if (copies.size() == 2) {
                    repeated++;
                    checks.assertThat(Timeline.steps(status)).as("the timeline of a repeated message's send")
                            .contains("OUTCOME_UNKNOWN");
                }
            }
            checks.assertThat(received.keySet()).as("addresses that received mail")
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(Expected::address).toList());
            return new Deliveries(outcomeUnknown, repeated);
        }

        /** Every record on every topic, from the start, counted by topic and CloudEvents id. */
        private Outbox readEveryTopic() throws Exception {
            Properties properties = new Properties();
            properties.putAll(platform.kafkaClientProperties(BusPermissions.TEST_READER));
            List<String> topics;
            try (Admin admin = Admin.create(properties)) {
                topics = List.copyOf(admin.listTopics().names().get());
            }
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, BusPermissions.TEST_READER_GROUP_PREFIX + "scale-out-"
                    + UUID.randomUUID());
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            Map<String, Integer> copies = new HashMap<>();
            long records = 0;
            long withoutId = 0;
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : topics) {
                    consumer.partitionsFor(topic).forEach(info -> partitions.add(
                            new TopicPartition(info.topic(), info.partition())));
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("could not read every topic to its end within 2 min");
                    }
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        records++;
                        Header id = record.headers().lastHeader(CloudEventHeaders.ID);
                        if (id == null) {
                            withoutId++;
                        } else {
                            copies.merge(record.topic() + " " + new String(id.value(), StandardCharsets.UTF_8),
                                    1, Integer::sum);
                        }
                    }
                }
            }
            Map<String, Integer> duplicates = copies.entrySet().stream().filter(entry -> entry.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            return new Outbox(records, withoutId, duplicates);
        }

        private Map<String, List<MimeMessage>> delivered() {
            return platform.inbox().messages().stream()
                    .filter(message -> Mails.recipient(message).startsWith("inv-"))
                    .collect(Collectors.groupingBy(Mails::recipient));
        }

        private int deliveredCount() {
            return delivered().values().stream().mapToInt(List::size).sum();
        }
    }

    /** Sends whose outcome a stop made unknown, and recipients who got their message twice (same Message-ID). */
    private record Deliveries(int outcomeUnknown, int repeated) {
    }

    /** What the topics hold at the end. */
    private record Outbox(long records, long withoutId, Map<String, Integer> duplicates) {
    }

    /** The figures of this run: printed, and kept in deploy/target/scale-out-result.txt for docs/PERFORMANCE.md. */
    private static void report(Map<String, Object> figures) throws Exception {
        String text = figures.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining("\n"));
        log("result\n" + text);
        Files.writeString(OUTPUT.resolve("scale-out-result.txt"), text + "\n");
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String contentType(MimeMessage message) {
        try {
            return message.getContentType();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void log(String message) {
        System.out.println("[scale-out " + Instant.now() + "] " + message);
    }
}

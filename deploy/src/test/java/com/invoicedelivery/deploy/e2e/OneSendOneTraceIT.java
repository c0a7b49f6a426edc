package com.invoicedelivery.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.infra.BusPermissions;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What operations see of one send: one trace from the tenant's REST request through the four services (W3C
 * traceparent on every Kafka record of the send, kept across the outboxes and the dispatch queue), log lines in each
 * service that carry that trace and the send's ids but not the client's address nor the caller's token; and each
 * service's version, build time and commit on /actuator/info.
 */
@ExtendWith(PlatformExtension.class)
class OneSendOneTraceIT {

    private static final Duration PIPELINE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalPlatform platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    OneSendOneTraceIT(LocalPlatform platform) {
        this.platform = platform;
    }

    @Test
    void oneSendIsOneTraceFromTheRestRequestToItsDeliveryStatusAndItsLogLinesNameIdsNotPeople() throws Exception {
        TenantFixture tenant = TenantFixture.create(platform, "e2e-trace", "Следа ООД");
        String address = "trace.client." + UUID.randomUUID().toString().substring(0, 8) + "@trace.example";
        String clientId = tenant.createClient("Клиент на следата ООД", List.of(address), "BG");
        String invoiceId = tenant.issueInvoice(clientId, "1", "12.00").get("id").asText();

        String traceId = UUID.randomUUID().toString().replace("-", "");
        String token = tenant.api().bearerToken();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(
                        platform.gatewayUrl() + "/api/invoices/" + invoiceId + "/send"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String sendId = JSON.readTree(accepted.body()).get("sendId").asText();
        Waiting.until("the send to be delivered", () -> tenant.api().get("/api/sends/" + sendId).expect(200),
                body -> body.get("status").asText().equals("SENT"), PIPELINE);

        // invoice-service's outbox, pdf-service's, mail-dispatch's (from its dispatch queue): the same trace
        for (String topic : List.of(Topics.SEND_REQUESTED, Topics.DOCUMENT_READY, Topics.DELIVERY_STATUS)) {
            List<String> traceparents = traceparentsOf(topic, sendId);
            assertThat(traceparents).as(topic + " records of the send").isNotEmpty()
                    .allMatch(traceparent -> traceparent != null && traceparent.startsWith("00-" + traceId + "-"));
        }

        Map<PlatformService, List<String>> traced = Waiting.until("each service's log lines of the trace",
                () -> linesContaining(traceId), lines -> lines.values().stream().noneMatch(List::isEmpty),
                Duration.ofSeconds(10));
        assertThat(traced.get(PlatformService.INVOICE)).as("invoice-service: the request")
                .anyMatch(line -> line.contains("send " + sendId) && line.contains("[e2e-trace,"));
        assertThat(traced.get(PlatformService.PDF)).as("pdf-service: the rendering")
                .anyMatch(line -> line.contains("[e2e-trace," + sendId + ","));
        assertThat(traced.get(PlatformService.TRACKING)).as("tracking-service: the links")
                .anyMatch(line -> line.contains("[e2e-trace," + sendId + ","));
        assertThat(traced.get(PlatformService.MAIL_DISPATCH)).as("mail-dispatch-service: the e-mail, per recipient")
                .anyMatch(line -> line.contains("sent") && line.matches(".*\\[e2e-trace," + sendId + ",[^,\\]]+\\].*"));

        Map<PlatformService, List<String>> personal = linesContaining(address);
        personal.putAll(withToken(token));
        assertThat(personal.values()).as("log lines naming the client's address or the caller's token")
                .allMatch(List::isEmpty);
    }

    @Test
    void eachServiceShowsItsVersionCommitAndBuildTime() throws Exception {
        for (PlatformService service : PlatformService.values()) {
            // on actuator's own port, open like health; the API port serves no actuator path
            HttpResponse<String> info = get(platform.managementUrl(service) + "/actuator/info", null);
            assertThat(get(platform.url(service) + "/actuator/info", null).statusCode()).as(service + "'s API port")
                    .isEqualTo(404);
            assertThat(info.statusCode()).as(service + ": " + info.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(info.body());
            assertThat(body.at("/build/artifact").asText()).as(service.toString()).isEqualTo(service.module());
            assertThat(body.at("/build/version").asText()).as(service.toString()).isNotBlank();
            assertThat(body.at("/build/time").asText()).as(service.toString()).isNotBlank();
            assertThat(body.at("/git/commit/id").asText()).as(service + ": the commit it was built from")
                    .matches("[0-9a-f]{7,40}");
        }
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The traceparent header of each record of {@code topic} keyed {@code sendId} (null where a record has none). */
    private List<String> traceparentsOf(String topic, String sendId) {
        Properties properties = new Properties();
        properties.putAll(platform.kafkaClientProperties(BusPermissions.TEST_READER));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, BusPermissions.TEST_READER_GROUP_PREFIX + "trace-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int emptyPolls = 0;
            for (int poll = 0; poll < 60 && emptyPolls < 4; poll++) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, String> record : records) {
                    if (sendId.equals(record.key())) {
                        Header header = record.headers().lastHeader("traceparent");
                        found.add(header == null ? null : new String(header.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return found;
    }

    private Map<PlatformService, List<String>> linesContaining(String text) {
        Map<PlatformService, List<String>> found = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            try {
                found.put(service, Files.readAllLines(platform.service(service).logFile(), StandardCharsets.UTF_8)
                        .stream().filter(line -> line.contains(text)).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private Map<PlatformService, List<String>> withToken(String token) {
        Map<PlatformService, List<String>> found = linesContaining(token);
        found.replaceAll((service, lines) -> lines.isEmpty() ? lines : List.of(lines.size() + " line(s) with the token"));
        return found;
    }
}

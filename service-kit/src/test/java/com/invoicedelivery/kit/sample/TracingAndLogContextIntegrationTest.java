package com.invoicedelivery.kit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.invoicedelivery.events.DeliveryStatus;
import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.kit.messaging.IncomingEvents;
import com.invoicedelivery.kit.messaging.OutboxDocuments;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.kit.observability.LogContext;
import com.invoicedelivery.kit.observability.Traces;
import com.invoicedelivery.kit.security.Caller;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.kit.testing.TestTokens;
import com.invoicedelivery.kit.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.messaging.Message;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One piece of work is one trace across the kit's hops, and its log lines say which tenant, send and recipient they
 * are about without naming the person: an HTTP request writes an event to the outbox, the relay publishes it, a
 * consumer reads it, all in the trace the caller started, each line with the ids and none with the address or the
 * caller's token.
 */
@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@org.springframework.test.context.TestPropertySource(properties = {
        "spring.application.name=kit-sample",
        // as the cluster profile writes them: one JSON object (ECS) a line, the logging context as fields
        "logging.structured.format.console=ecs",
        "spring.cloud.function.definition=sampleStatus",
        "spring.cloud.stream.bindings.sampleStatus-in-0.destination=kit.sample-status",
        "spring.cloud.stream.bindings.sampleStatus-in-0.group=kit-sample",
        "spring.cloud.stream.kafka.bindings.sampleStatus-in-0.consumer.dlq-name=kit.sample-status.kit-sample.dlq"})
class TracingAndLogContextIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(TracingAndLogContextIntegrationTest.class);
    private static final String ADDRESS = "mila.petrova@client.example";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the sample consumer saw while it handled a record: its trace and its logging context. */
    record Seen(String sendId, String traceparent, Map<String, String> logContext) {
    }

    @TestConfiguration
    static class TracedSample {

        @Bean
        List<Seen> seen() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        Consumer<Message<byte[]>> sampleStatus(IncomingEvents events, Traces traces, List<Seen> seen) {
            return events.consumer(EmailDeliveryStatusChanged.class, event -> {
                log.info("sample status {} received", event.status());
                seen.add(new Seen(event.sendId(), traces.currentTraceparent(), MDC.getCopyOfContextMap()));
            });
        }

        @Bean
        StatusController statusController(MongoTemplate mongo, OutboxEntries outbox, OutboxRelay relay) {
            return new StatusController(mongo, outbox, relay);
        }
    }

    @RestController
    static class StatusController {

        private final MongoTemplate mongo;
        private final OutboxEntries outbox;
        private final OutboxRelay relay;

        StatusController(MongoTemplate mongo, OutboxEntries outbox, OutboxRelay relay) {
            this.mongo = mongo;
            this.outbox = outbox;
            this.relay = relay;
        }

        /** As a service's write: the state and its event in one document, then a kick of the relay. */
        @PostMapping("/api/sample-sends/{sendId}")
        Map<String, String> sent(@PathVariable String sendId, Caller caller) {
            EmailDeliveryStatusChanged event = new EmailDeliveryStatusChanged(UUID.randomUUID().toString(),
                    Instant.now(), caller.requireTenant(), EmailDeliveryStatusChanged.SCHEMA_VERSION, sendId, "inv-1",
                    "r-1", ADDRESS, DeliveryStatus.SENT, "<m1@platform.example>", "250 OK", 1, null, null);
            log.info("sample send {} written", sendId);
            OutboxEntry entry = outbox.of(event, "kit.sample-status");
            Document document = new Document("_id", sendId);
            mongo.getConverter().write(new ServiceKitIntegrationTest.Holder(List.of(entry)), document);
            OutboxDocuments.insertIfAbsent(mongo, document, "samples");
            relay.kick("samples", sendId);
            return Map.of("sendId", sendId);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    List<Seen> seen;

    @Test
    void aRequestsTraceGoesThroughTheOutboxAndKafkaToTheConsumerAndItsLogLinesCarryIdsButNoAddressOrToken(
            CapturedOutput output) throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String sendId = "send-" + UUID.randomUUID();
        String token = TestTokens.user("acme");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sample-sends/" + sendId))
                .header("Authorization", "Bearer " + token)
                // not sampled (flags 00), as most traces are (management.tracing.sampling.probability): the trace
                // id travels all the same
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-00")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> seen.stream().anyMatch(s -> s.sendId().equals(sendId)));
        Seen consumed = seen.stream().filter(s -> s.sendId().equals(sendId)).findFirst().orElseThrow();
        assertThat(consumed.traceparent()).as("the consumer continues the caller's trace").contains(traceId);
        assertThat(consumed.logContext()).containsEntry("traceId", traceId)
                .containsEntry(LogContext.TENANT, "acme")
                .containsEntry(LogContext.SEND, sendId)
                .containsEntry(LogContext.RECIPIENT, "r-1")
                .containsEntry(LogContext.EVENT_TYPE, "EmailDeliveryStatusChanged")
                .containsKey(LogContext.EVENT);

        try (TopicProbe probe = new TopicProbe(kafka.getBrokersAsString(), "kit.sample-status")) {
            ConsumerRecord<String, String> record = probe.await(r -> sendId.equals(r.key()), Duration.ofSeconds(20));
            assertThat(TopicProbe.header(record, Traces.TRACEPARENT)).as("the record's W3C trace context")
                    .startsWith("00-" + traceId + "-");
        }

        List<JsonNode> lines = output.getOut().lines().filter(line -> line.contains(traceId))
                .map(JSON::readTree).toList();
        assertThat(lines).as("the request's and the consumer's lines, in the caller's trace")
                .anySatisfy(line -> {
                    assertThat(line.path("message").asString()).isEqualTo("sample send " + sendId + " written");
                    assertThat(line.path(LogContext.TENANT).asString()).isEqualTo("acme");
                    assertThat(line.path(LogContext.SEND).asString()).as("from the path").isEqualTo(sendId);
                })
                .anySatisfy(line -> {
                    assertThat(line.path("message").asString()).isEqualTo("sample status SENT received");
                    assertThat(line.path(LogContext.TENANT).asString()).isEqualTo("acme");
                    assertThat(line.path(LogContext.SEND).asString()).isEqualTo(sendId);
                    assertThat(line.path(LogContext.RECIPIENT).asString()).isEqualTo("r-1");
                    assertThat(line.path(LogContext.EVENT_TYPE).asString()).isEqualTo("EmailDeliveryStatusChanged");
                });
        assertThat(output.getAll()).doesNotContain(ADDRESS).doesNotContain(token);
    }
}

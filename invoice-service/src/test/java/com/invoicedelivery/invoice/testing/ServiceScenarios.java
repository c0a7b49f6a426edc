package com.invoicedelivery.invoice.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.invoicedelivery.events.IntegrationEvent;
import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.testing.EventContractCheck;
import com.invoicedelivery.kit.testing.TestTokens;
import com.invoicedelivery.kit.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service driven from outside, as the web UI and the other services drive it: REST calls with tenant
 * tokens, events onto the topics, records read back from them. Subclasses choose the infrastructure (embedded or
 * containers); each test works in tenants of its own, so the tests share one service and its store.
 */
public abstract class ServiceScenarios {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    protected int port;
    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    protected String brokers;
    @Autowired
    protected JsonMapper json;
    @Autowired
    private MongoTemplate tenantStore;

    private KafkaProducer<String, String> producer;

    @AfterEach
    void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    protected RestCalls operations() {
        return new RestCalls("http://localhost:" + port, TestTokens.operations());
    }

    /** A tenant of the test, and the API as its administrator calls it. */
    protected record TestTenant(String id, RestCalls api) {
    }

    /** Registers a new PAID tenant whose company is named {@code name}. */
    protected TestTenant newTenant(String name) {
        return newTenant(name, "PAID", false);
    }

    /** Registers a new tenant on {@code plan}, with the setting "Invoices as attached files" as given. */
    /**
     * A Trial tenant as one may be stored from before operations were held to the Trial plan's rule (or after a
     * downgrade done in the store): the setting "Invoices as attached files" on, which the plan does not honour.
     */
    protected void storeAttachmentsOnAsBeforeTheRule(TestTenant tenant) {
        tenantStore.updateFirst(Query.query(Criteria.where("_id").is(tenant.id())),
                new Update().set("attachInvoices", true), "tenants");
    }

    protected TestTenant newTenant(String name, String plan, boolean attachInvoices) {
        String tenantId = "t-" + UUID.randomUUID().toString().substring(0, 8);
        operations().put("/api/operations/tenants/" + tenantId, Requests.tenant(tenantId, name, plan, attachInvoices))
                .expect(200);
        return new TestTenant(tenantId, operations().as(TestTokens.admin(tenantId)));
    }

    protected static String newClient(RestCalls tenant, List<String> emails, String language) {
        return tenant.post("/api/clients", Requests.client("Клиент Едно ООД", emails, language)).expect(201)
                .get("id").asString();
    }

    /** An issued invoice of 2 × 100.50 at 20 % VAT (241.20 in all). */
    protected static JsonNode issuedInvoice(RestCalls tenant, String clientId) {
        JsonNode invoice = tenant.post("/api/invoices", Requests.invoice(clientId, "2", "100.50")).expect(201);
        return tenant.post("/api/invoices/" + invoice.get("id").asString() + "/issue", Map.of()).expect(200);
    }

    /** Sends the invoice with {@code body} and returns the event the service published for it. */
    protected InvoiceSendRequested send(RestCalls tenant, String invoiceId, Object body) {
        String sendId = tenant.post("/api/invoices/" + invoiceId + "/send", body).expect(202).get("sendId").asString();
        return json.readValue(published(Topics.SEND_REQUESTED, sendId).value(), InvoiceSendRequested.class);
    }

    /** The record the service published on {@code topic} with {@code key}, checked against docs/api/asyncapi.yaml. */
    protected ConsumerRecord<String, String> published(String topic, String key) {
        try (TopicProbe probe = new TopicProbe(brokers, topic)) {
            return EventContractCheck.documented(probe.await(record -> key.equals(record.key()), PATIENCE));
        }
    }

    /** Publishes {@code event} as its producer would: JSON, keyed by its send. */
    protected void publish(String topic, IntegrationEvent event) {
        publish(topic, event.key(), json.writeValueAsString(event));
    }

    protected void publish(String topic, String key, String value) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                    new StringSerializer(), new StringSerializer());
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    /** Polls the send until {@code condition} holds; fails after {@link #PATIENCE}. */
    protected static JsonNode awaitSend(RestCalls tenant, String sendId, Predicate<JsonNode> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> tenant.get("/api/sends/" + sendId).expect(200), condition::test);
    }

    protected static List<String> steps(JsonNode send) {
        return send.get("timeline").valueStream().map(entry -> entry.get("step").asString()).toList();
    }

    protected static void assertProblem(RestCalls.Response response, int status, String field) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        if (field != null) {
            assertThat(response.firstErrorField()).isEqualTo(field);
        }
    }
}

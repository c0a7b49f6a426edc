package com.invoicedelivery.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.events.IntegrationEvent;
import com.invoicedelivery.events.InvoiceImportRequested;
import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.events.contract.EventSamples;
import com.invoicedelivery.kit.testing.EventContractCheck;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The check of a record against docs/api/asyncapi.yaml finds what is not as documented, and nothing else. */
class EventContractCheckTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final EventContractCheck contract = EventContractCheck.committed();

    @Test
    void aRecordAsTheRelayWritesItIsAsDocumented() {
        ConsumerRecord<String, String> record = record(sample(EmailDeliveryStatusChanged.class), Topics.DELIVERY_STATUS,
                "mail-dispatch-service");

        assertThat(contract.violations(record)).isEmpty();
    }

    @Test
    void aMissingRequiredFieldOrANullOneIsFound() {
        ConsumerRecord<String, String> record = record(sample(EmailDeliveryStatusChanged.class), Topics.DELIVERY_STATUS,
                "mail-dispatch-service");
        ObjectNode value = (ObjectNode) JSON.readTree(record.value());
        value.remove("messageId");
        value.putNull("status");

        assertThat(contract.violations(withValue(record, value.toString())))
                .anySatisfy(violation -> assertThat(violation).contains("messageId"))
                .anySatisfy(violation -> assertThat(violation).contains("status"));
    }

    @Test
    void anotherTypeSourceOrKeyIsFound() {
        IntegrationEvent event = sample(InvoiceSendRequested.class);
        ConsumerRecord<String, String> onTheWrongTopic = record(event, Topics.DOCUMENT_READY, "pdf-service");
        ConsumerRecord<String, String> fromTheWrongService = record(event, Topics.SEND_REQUESTED, "pdf-service");
        ConsumerRecord<String, String> sent = record(event, Topics.SEND_REQUESTED, "invoice-service");
        ConsumerRecord<String, String> otherKey = new ConsumerRecord<>(sent.topic(), 0, 0, 0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, "another-send", sent.value(),
                sent.headers(), java.util.Optional.empty());

        assertThat(contract.violations(sent)).isEmpty();
        assertThat(contract.violations(onTheWrongTopic)).anySatisfy(v -> assertThat(v).contains("ce_type"));
        assertThat(contract.violations(fromTheWrongService)).anySatisfy(v -> assertThat(v).contains("ce_source"));
        assertThat(contract.violations(otherKey)).anySatisfy(v -> assertThat(v).contains("key another-send"));
        assertThat(contract.violations(record(event, "invoice.unknown", "invoice-service")))
                .containsExactly("invoice.unknown is no channel of docs/api/asyncapi.yaml");
    }

    @Test
    void anUnknownFieldPassesInAnInternalEventButNotOnTheImportTopic() {
        ConsumerRecord<String, String> internal = record(sample(InvoiceSendRequested.class), Topics.SEND_REQUESTED,
                "invoice-service");
        ConsumerRecord<String, String> imported = record(sample(InvoiceImportRequested.class), Topics.IMPORT_REQUESTED,
                "importer");

        assertThat(contract.violations(withValue(internal, withField(internal.value())))).isEmpty();
        assertThat(contract.violations(withValue(imported, withField(imported.value()))))
                .anySatisfy(violation -> assertThat(violation).contains("addedByANewerVersion"));
    }

    private static IntegrationEvent sample(Class<? extends IntegrationEvent> type) {
        return EventSamples.sample(type, EventSamples.Fill.ALL);
    }

    private static String withField(String value) {
        ObjectNode tree = (ObjectNode) JSON.readTree(value);
        tree.put("addedByANewerVersion", "x");
        return tree.toString();
    }

    /** The record the relay would send: the kit's entry, its CloudEvents headers, as Kafka carries them. */
    private static ConsumerRecord<String, String> record(IntegrationEvent event, String topic, String service) {
        OutboxEntry entry = new OutboxEntries(JSON).of(event, topic);
        Message<byte[]> message = CloudEventHeaders.message(entry, "/invoice-delivery/" + service);
        RecordHeaders headers = new RecordHeaders();
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            if (header.getKey().startsWith("ce_") || header.getKey().equals(CloudEventHeaders.CONTENT_TYPE)) {
                headers.add(header.getKey(), header.getValue().toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return new ConsumerRecord<>(topic, 0, 0, 0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0,
                entry.key(), entry.payload(), headers, java.util.Optional.empty());
    }

    private static ConsumerRecord<String, String> withValue(ConsumerRecord<String, String> record, String value) {
        return new ConsumerRecord<>(record.topic(), 0, 0, 0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                0, 0, record.key(), value, record.headers(), java.util.Optional.empty());
    }
}

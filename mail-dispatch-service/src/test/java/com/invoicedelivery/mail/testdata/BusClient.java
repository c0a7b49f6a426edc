package com.invoicedelivery.mail.testdata;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.events.DeliveryStatus;
import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.events.ClientActivityRecorded;
import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.testing.EventContractCheck;
import com.invoicedelivery.kit.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's side of the bus as its neighbours see it: document-ready records in, delivery statuses out (read
 * from the beginning of {@code mail.delivery-status}, as any Kafka tool would).
 */
public final class BusClient implements AutoCloseable {

    private final JsonMapper json;
    private final KafkaProducer<String, String> producer;
    private final TopicProbe statuses;

    public BusClient(String brokers, JsonMapper json) {
        this.json = json;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new StringSerializer());
        this.statuses = new TopicProbe(brokers, Topics.DELIVERY_STATUS);
    }

    public void publish(InvoiceDocumentReady event) throws Exception {
        publish(event.key(), json.writeValueAsString(event));
    }

    /** A client's step, as tracking-service announces it on {@code tracking.events}. */
    public void publish(ClientActivityRecorded event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.TRACKING_EVENTS, event.key(), json.writeValueAsString(event))).get();
    }

    public void publish(String key, String value) throws Exception {
        publish(Topics.DOCUMENT_READY, key, value);
    }

    public void publish(String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    /** The first record announcing {@code status} for the recipient; fails after {@code timeout}. */
    public ConsumerRecord<String, String> awaitStatusRecord(String recipientId, DeliveryStatus status,
                                                            Duration timeout) {
        return statuses.await(record -> {
            EmailDeliveryStatusChanged event = event(record);
            return recipientId.equals(event.recipientId()) && event.status() == status;
        }, timeout);
    }

    public EmailDeliveryStatusChanged awaitStatus(String recipientId, DeliveryStatus status, Duration timeout) {
        return event(awaitStatusRecord(recipientId, status, timeout));
    }

    /** The first report that someone asked for the recipient's e-mail to be retried now. */
    public EmailDeliveryStatusChanged awaitRetryRequest(String recipientId, Duration timeout) {
        return event(statuses.await(record -> {
            EmailDeliveryStatusChanged event = event(record);
            return recipientId.equals(event.recipientId()) && event.reportsRetryRequest();
        }, timeout));
    }

    /** Every status of the recipient seen so far, after listening for {@code quietPeriod} more. */
    public List<EmailDeliveryStatusChanged> statusesOf(String recipientId, Duration quietPeriod) {
        return statuses.drain(quietPeriod).stream().map(this::event)
                .filter(event -> recipientId.equals(event.recipientId())).toList();
    }

    /** The status a record announces, once the record is shown to be as docs/api/asyncapi.yaml says. */
    public EmailDeliveryStatusChanged event(ConsumerRecord<String, String> record) {
        return json.readValue(EventContractCheck.documented(record).value(), EmailDeliveryStatusChanged.class);
    }

    @Override
    public void close() {
        producer.close();
        statuses.close();
    }
}

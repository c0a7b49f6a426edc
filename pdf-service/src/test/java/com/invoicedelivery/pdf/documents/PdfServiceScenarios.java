package com.invoicedelivery.pdf.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.InvoiceRenderFailed;
import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.messaging.CloudEventHeaders;
import com.invoicedelivery.kit.messaging.MalformedRecordException;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.testing.ConsumerGroups;
import com.invoicedelivery.kit.testing.EventContractCheck;
import com.invoicedelivery.kit.testing.TestTokens;
import com.invoicedelivery.kit.testing.EventEvolution;
import com.invoicedelivery.kit.testing.TopicProbe;
import com.invoicedelivery.pdf.documents.domain.StoredDocument;
import com.invoicedelivery.pdf.documents.persistence.DocumentRepository;
import com.invoicedelivery.pdf.rendering.application.PdfEngine;
import com.invoicedelivery.pdf.testdata.Invoices;
import com.invoicedelivery.pdf.testdata.PdfText;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as other services see it: records in, records out, bytes over the internal endpoint. Run against
 * the embedded infrastructure ({@link PdfServiceIntegrationTest}) and, where Docker exists, against real MongoDB
 * and Kafka ({@link PdfServiceContainersTest}).
 */
abstract class PdfServiceScenarios {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DLQ = Topics.SEND_REQUESTED + ".pdf-service" + Topics.DEAD_LETTER_SUFFIX;

    private static KafkaProducer<String, String> producer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    GridFsTemplate gridFs;
    @Autowired
    DocumentRepository documents;
    @Autowired
    OutboxEntries outbox;
    @Autowired
    BindingServiceProperties bindings;
    /** The real engine; one scenario makes it fail for one invoice. */
    @MockitoSpyBean
    PdfEngine engine;

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    @Test
    void aSendBecomesOneStoredPdfAnnouncedWithItsHash() throws Exception {
        InvoiceSendRequested request = Invoices.sendRequested("acme", Invoices.invoice(), Language.BG);
        String sendId = request.send().sendId();

        publish(sendId, json.writeValueAsString(request));

        ConsumerRecord<String, String> record;
        try (TopicProbe ready = new TopicProbe(brokers, Topics.DOCUMENT_READY)) {
            record = EventContractCheck.documented(ready.await(r -> sendId.equals(r.key()), WAIT));
        }
        InvoiceDocumentReady event = json.readValue(record.value(), InvoiceDocumentReady.class);
        assertThat(event.send()).isEqualTo(request.send());
        assertThat(event.tenantId()).isEqualTo("acme");
        assertThat(event.document().fileName()).isEqualTo("Фактура-0000000123.pdf");
        assertThat(TopicProbe.header(record, CloudEventHeaders.ID)).isEqualTo(event.eventId());
        assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("com.invoicedelivery.InvoiceDocumentReady");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/invoice-delivery/pdf-service");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(sendId);
        assertThat(TopicProbe.header(record, CloudEventHeaders.TENANT)).isEqualTo("acme");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(event.schemaVersion()).isEqualTo(InvoiceDocumentReady.SCHEMA_VERSION);
        assertThat(TopicProbe.header(record, CloudEventHeaders.DATA_SCHEMA_VERSION)).isEqualTo("2");
        assertThat(record.value()).as("the recipients' links pass through sealed; no token, no link in clear")
                .doesNotContain(Invoices.LINK_TOKEN).doesNotContain("/l/");

        HttpResponse<byte[]> download = get("/internal/documents/" + event.document().documentId(), TestTokens.service());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(Sha256.hex(download.body())).isEqualTo(event.document().sha256());
        assertThat(download.headers().firstValue("X-Content-SHA256")).hasValue(event.document().sha256());
        assertThat(download.body()).hasSize((int) event.document().sizeBytes());
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;").contains("filename*=UTF-8''%D0%A4");
        // the figures are the snapshot's (1 334,56 + 246,91 = 1 581,47), as invoice-service computed them once
        assertThat(PdfText.text(download.body())).contains("ФАКТУРА", "№ 0000000123", "Бета Трейд ЕООД", "ОРИГИНАЛ",
                "Данъчна основа 1 334,56 EUR", "Начислен ДДС 246,91 EUR", "Сума за плащане 1 581,47 EUR");

        HttpResponse<byte[]> metadata = get("/internal/documents?sendId=" + sendId, TestTokens.service());
        assertThat(metadata.statusCode()).isEqualTo(200);
        JsonNode stored = json.readTree(metadata.body());
        assertThat(stored.get("documentId").asString()).isEqualTo(event.document().documentId());
    }

    @Test
    void aRecordOfTheOldVersionWithLinksInClearIsAnnouncedAsTheOldVersionSoItsReadersKnowHowToReadIt()
            throws Exception {
        InvoiceSendRequested request = Invoices.clearLinkSendRequested("acme", Invoices.invoice(), Language.BG);
        String sendId = request.send().sendId();

        publish(sendId, json.writeValueAsString(request));

        ConsumerRecord<String, String> record;
        try (TopicProbe ready = new TopicProbe(brokers, Topics.DOCUMENT_READY)) {
            record = ready.await(r -> sendId.equals(r.key()), WAIT);
        }
        InvoiceDocumentReady event = json.readValue(record.value(), InvoiceDocumentReady.class);
        assertThat(event.schemaVersion()).isEqualTo(InvoiceDocumentReady.CLEAR_LINK_VERSION);
        assertThat(TopicProbe.header(record, CloudEventHeaders.DATA_SCHEMA_VERSION)).isEqualTo("1");
        assertThat(event.send()).isEqualTo(request.send());
    }

    @Test
    void aRedeliveredSendAddsNoDocumentAndNoEvent() throws Exception {
        InvoiceSendRequested request = Invoices.sendRequested("acme", Invoices.invoice(), Language.EN);
        String sendId = request.send().sendId();
        String record = json.writeValueAsString(request);

        try (TopicProbe ready = new TopicProbe(brokers, Topics.DOCUMENT_READY)) {
            publish(sendId, record);
            ready.await(r -> sendId.equals(r.key()), WAIT);
            publish(sendId, record);
            ConsumerGroups.awaitCaughtUp(brokers, "pdf-service", Topics.SEND_REQUESTED, WAIT);

            assertThat(ready.drain(Duration.ofSeconds(2))).filteredOn(r -> sendId.equals(r.key())).hasSize(1);
        }
        assertThat(mongo.count(query(where("sendId").is(sendId)), DocumentRepository.COLLECTION)).isEqualTo(1);
        assertThat(gridFs.find(query(where("metadata.sendId").is(sendId)))).hasSize(1);
    }

    @Test
    void anInvoiceWithoutLinesFailsOnceWithAReadableReasonAndNothingOnTheDeadLetterTopic() throws Exception {
        InvoiceSendRequested request = Invoices.sendRequested("acme",
                Invoices.withLines(Invoices.invoice(), List.of()), Language.BG);

        InvoiceRenderFailed failure = assertFailsOnceWithoutDeadLetter(request);

        assertThat(failure.reason()).isEqualTo("the invoice cannot be rendered: it has no lines");
    }

    @Test
    void anEngineFailureFailsTheSendOnceWithAReadableReasonAndTheConsumerMovesOn() throws Exception {
        String unprintable = "0000000666";
        doThrow(new IllegalStateException("the layout engine gave up"))
                .when(engine).render(argThat(page -> prints(page, unprintable)), any());
        InvoiceSendRequested request = Invoices.sendRequested("acme",
                Invoices.from(Invoices.invoice()).number(unprintable).build(), Language.EN);

        InvoiceRenderFailed failure = assertFailsOnceWithoutDeadLetter(request);

        assertThat(failure.reason()).isEqualTo(
                "the PDF could not be produced from this invoice (the error is logged for the operators)");
        InvoiceSendRequested next = Invoices.sendRequested("acme", Invoices.invoice(), Language.EN);
        try (TopicProbe ready = new TopicProbe(brokers, Topics.DOCUMENT_READY)) {
            publish(next.send().sendId(), json.writeValueAsString(next));
            ready.await(r -> next.send().sendId().equals(r.key()), WAIT);
        }
    }

    @Test
    void aSendOfANewerMinorVersionIsRenderedAndOneOfAnUnknownMajorVersionIsDeadLetteredSayingSo() throws Exception {
        InvoiceSendRequested newer = Invoices.sendRequested("acme", Invoices.invoice(), Language.BG);
        InvoiceSendRequested major = Invoices.sendRequested("acme", Invoices.invoice(), Language.BG);
        String newerRecord = EventEvolution.withNewerMinorFields(json.writeValueAsString(newer));
        String majorRecord = EventEvolution.asUnknownMajorVersion(json.writeValueAsString(major),
                InvoiceSendRequested.class);

        try (TopicProbe ready = new TopicProbe(brokers, Topics.DOCUMENT_READY);
             TopicProbe deadLetters = new TopicProbe(brokers, DLQ)) {
            publish(newer.send().sendId(), newerRecord);
            publish(major.send().sendId(), majorRecord);

            InvoiceDocumentReady event = json.readValue(ready.await(r -> newer.send().sendId().equals(r.key()), WAIT)
                    .value(), InvoiceDocumentReady.class);
            assertThat(event.send()).isEqualTo(newer.send());
            ConsumerRecord<String, String> dead = deadLetters.await(r -> major.send().sendId().equals(r.key()), WAIT);
            assertThat(TopicProbe.header(dead, "x-exception-message"))
                    .startsWith(EventEvolution.refusedMajorReason(InvoiceSendRequested.class));
            assertThat(deadLetters.drain(Duration.ofMillis(500))).noneMatch(r -> newer.send().sendId().equals(r.key()));
        }
        assertThat(documents.existsForSend(major.send().sendId())).isFalse();
    }

    @Test
    void aRecordThatNamesNoSendGoesStraightToTheDeadLetterTopic() throws Exception {
        String key = "broken-" + UUID.randomUUID();
        String record = json.writeValueAsString(Map.of("eventId", key, "occurredAt", Instant.now().toString(),
                "tenantId", "acme", "schemaVersion", 1));

        assertThat(bindings.getBindingProperties("renderDocument-in-0").getConsumer().getRetryableExceptions())
                .as("no retry can mend a record without a send").containsEntry(MalformedRecordException.class, false);
        try (TopicProbe deadLetters = new TopicProbe(brokers, DLQ)) {
            publish(key, record);
            ConsumerRecord<String, String> dead = deadLetters.await(r -> key.equals(r.key()), WAIT);
            assertThat(TopicProbe.header(dead, "x-exception-message")).contains("names no send");
        }
    }

    @Test
    void aSecondStoreOfTheSameSendKeepsTheFirstAndRemovesItsOwnBytes() throws Exception {
        String sendId = UUID.randomUUID().toString();
        InvoiceSendRequested request = Invoices.sendRequested("acme", Invoices.invoice(), Language.BG);
        byte[] pdf = "%PDF-1.4 first".getBytes();

        assertThat(documents.storeOnce(document(sendId, pdf), pdf, outbox.of(request, "pdf.test-events"))).isTrue();
        assertThat(documents.storeOnce(document(sendId, pdf), pdf, outbox.of(request, "pdf.test-events"))).isFalse();

        assertThat(mongo.count(query(where("sendId").is(sendId)), DocumentRepository.COLLECTION)).isEqualTo(1);
        assertThat(gridFs.find(query(where("metadata.sendId").is(sendId)))).hasSize(1);
    }

    @Test
    void anUnknownDocumentIsNotFound() throws Exception {
        HttpResponse<byte[]> response = get("/internal/documents/" + UUID.randomUUID(), TestTokens.service());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theInternalEndpointIsForServicesOnly() throws Exception {
        assertThat(get("/internal/documents/x", TestTokens.user("acme")).statusCode()).isEqualTo(403);
        assertThat(get("/internal/documents/x", null).statusCode()).isEqualTo(401);
    }

    /**
     * Publishes the request twice and checks the outcome: exactly one {@code InvoiceRenderFailed}, no document,
     * nothing on the dead-letter topic, every record consumed (no retry loop holds the partition).
     */
    private InvoiceRenderFailed assertFailsOnceWithoutDeadLetter(InvoiceSendRequested request) throws Exception {
        String sendId = request.send().sendId();
        String record = json.writeValueAsString(request);
        InvoiceRenderFailed event;
        try (TopicProbe failed = new TopicProbe(brokers, Topics.RENDER_FAILED);
             TopicProbe deadLetters = new TopicProbe(brokers, DLQ)) {
            publish(sendId, record);
            ConsumerRecord<String, String> failure =
                    EventContractCheck.documented(failed.await(r -> sendId.equals(r.key()), WAIT));
            event = json.readValue(failure.value(), InvoiceRenderFailed.class);
            assertThat(event.sendId()).isEqualTo(sendId);
            assertThat(event.invoiceId()).isEqualTo(request.send().invoiceId());
            assertThat(event.tenantId()).isEqualTo("acme");
            assertThat(TopicProbe.header(failure, CloudEventHeaders.TYPE))
                    .isEqualTo("com.invoicedelivery.InvoiceRenderFailed");

            publish(sendId, record);
            ConsumerGroups.awaitCaughtUp(brokers, "pdf-service", Topics.SEND_REQUESTED, WAIT);

            assertThat(failed.drain(Duration.ofSeconds(2))).filteredOn(r -> sendId.equals(r.key())).hasSize(1);
            assertThat(deadLetters.drain(Duration.ofMillis(500))).noneMatch(r -> sendId.equals(r.key()));
        }
        assertThat(documents.existsForSend(sendId)).isFalse();
        return event;
    }

    private static boolean prints(Document page, String text) {
        return page != null && page.getDocumentElement().getTextContent().contains(text);
    }

    private static StoredDocument document(String sendId, byte[] pdf) {
        return new StoredDocument(UUID.randomUUID().toString(), "acme", sendId, "inv-1", Sha256.hex(pdf), pdf.length,
                "Invoice-0000000001.pdf", Instant.now());
    }

    private void publish(String key, String value) throws Exception {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                    new StringSerializer(), new StringSerializer());
        }
        producer.send(new ProducerRecord<>(Topics.SEND_REQUESTED, key, value)).get();
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}

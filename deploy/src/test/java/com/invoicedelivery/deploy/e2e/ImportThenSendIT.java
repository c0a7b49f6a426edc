package com.invoicedelivery.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.infra.BusPermissions;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.ImportRowResult;
import com.invoicedelivery.events.ImportedClient;
import com.invoicedelivery.events.ImportedInvoice;
import com.invoicedelivery.events.ImportedLine;
import com.invoicedelivery.events.InvoiceImportCompleted;
import com.invoicedelivery.events.InvoiceImportRequested;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.SendOverrides;
import com.invoicedelivery.events.Topics;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bulk importer's batch on Kafka, as a separate system would publish it: good and bad rows, send right after
 * import; the per-row answer on {@code invoice.import-completed}; the mails of the good rows; a redelivered batch
 * that imports and sends nothing twice; an unreadable record parked on the dead-letter topic while the next batch
 * goes through.
 */
@ExtendWith(PlatformExtension.class)
class ImportThenSendIT {

    private static final String DOMAIN = "@import.example";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PIPELINE = Duration.ofSeconds(90);

    private final LocalPlatform platform;

    ImportThenSendIT(LocalPlatform platform) {
        this.platform = platform;
    }

    @Test
    void aBatchWithGoodAndBadRowsImportsAndSendsTheGoodOnesOnce() {
        TenantFixture tenant = TenantFixture.create(platform, "e2e-import", "Импорт Системи ЕАД");
        String existingClient = tenant.createClient("Съществуващ Клиент ООД", List.of("existing" + DOMAIN), "BG");
        String batchId = "batch-" + UUID.randomUUID();
        List<ImportedInvoice> rows = List.of(
                row("ext-0", existingClient, null, List.of(line("20")), null),
                row("ext-1", null, newClient("new-client" + DOMAIN), List.of(line("20")), null),
                row("ext-2", existingClient, null, List.of(), null),
                row("ext-3", existingClient, null, List.of(line("7")), null),
                row("ext-4", existingClient, null, List.of(line("9")),
                        new SendOverrides(List.of("override" + DOMAIN), "Внесена фактура", null, Language.EN)));

        try (KafkaProducer<String, String> producer = producer()) {
            publish(producer, batchId, rows);
            InvoiceImportCompleted first = awaitCompletion(batchId, row -> true);
            assertThat(statuses(first)).containsExactly(ImportRowResult.Status.IMPORTED, ImportRowResult.Status.IMPORTED,
                    ImportRowResult.Status.REFUSED, ImportRowResult.Status.REFUSED, ImportRowResult.Status.IMPORTED);
            assertThat(first.rows().get(2).errors()).extracting(ImportRowResult.ImportRowError::field).contains("lines");
            assertThat(first.rows().get(3).errors()).extracting(ImportRowResult.ImportRowError::field)
                    .contains("lines[0].vatRate");
            first.rows().stream().filter(result -> result.status() == ImportRowResult.Status.IMPORTED)
                    .forEach(result -> assertThat(result.sendId()).as("row " + result.row() + " was sent").isNotBlank());

            Waiting.until("the three good rows' mails", () -> delivered().size(), count -> count >= 3, PIPELINE);
            assertThat(delivered()).extracting(Mails::recipient)
                    .containsExactlyInAnyOrder("existing" + DOMAIN, "new-client" + DOMAIN, "override" + DOMAIN);
            MimeMessage overridden = delivered().stream()
                    .filter(message -> Mails.recipient(message).equals("override" + DOMAIN)).findFirst().orElseThrow();
            assertThat(Mails.subject(overridden)).isEqualTo("Внесена фактура");

            publish(producer, batchId, rows);
            InvoiceImportCompleted again = awaitCompletion(batchId,
                    completion -> !completion.eventId().equals(first.eventId()));
            for (int i : List.of(0, 1, 4)) {
                assertThat(again.rows().get(i).status()).isEqualTo(ImportRowResult.Status.ALREADY_IMPORTED);
                assertThat(again.rows().get(i).invoiceId()).isEqualTo(first.rows().get(i).invoiceId());
            }

            producer.send(new ProducerRecord<>(Topics.IMPORT_REQUESTED, "broken", "{\"batchId\": oops")).get();
            String nextBatch = "batch-" + UUID.randomUUID();
            publish(producer, nextBatch, List.of(row("ext-9", existingClient, null, List.of(line("20")), null)));
            assertThat(statuses(awaitCompletion(nextBatch, row -> true))).containsExactly(ImportRowResult.Status.IMPORTED);
            assertThat(awaitRecord(Topics.IMPORT_REQUESTED + ".invoice-service" + Topics.DEAD_LETTER_SUFFIX,
                    record -> "broken".equals(record.key())).value()).isEqualTo("{\"batchId\": oops");

            Waiting.until("the next batch's mail", () -> delivered().size(), count -> count >= 4, PIPELINE);
            Waiting.pause(Duration.ofSeconds(3));
            assertThat(delivered()).as("the redelivered batch sent nothing").hasSize(4);
            assertThat(tenant.api().get("/api/invoices").expect(200)).as("invoices of the tenant").hasSize(4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ImportedInvoice row(String externalRef, String clientId, ImportedClient client,
                                       List<ImportedLine> lines, SendOverrides send) {
        LocalDate today = LocalDate.now();
        return new ImportedInvoice(externalRef, clientId, client, null, DocumentKind.INVOICE, today, today,
                today.plusDays(14), "EUR", "Банков превод", lines, null, send);
    }

    private static ImportedLine line(String vatRate) {
        return new ImportedLine("Абонамент", new BigDecimal("1"), "бр.", new BigDecimal("99.90"),
                new BigDecimal(vatRate), vatRate.equals("0") ? "чл. 113, ал. 9 ЗДДС" : null);
    }

    private static ImportedClient newClient(String email) {
        return new ImportedClient("New Client Ltd", "1 Main Street", "London", "United Kingdom", "GB123456789",
                "GB123456789", "Jane Doe", List.of(email), Language.EN);
    }

    private void publish(KafkaProducer<String, String> producer, String batchId, List<ImportedInvoice> rows)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        InvoiceImportRequested request = new InvoiceImportRequested(UUID.randomUUID().toString(), Instant.now(),
                "e2e-import", InvoiceImportRequested.SCHEMA_VERSION, batchId, true, rows, null);
        producer.send(new ProducerRecord<>(Topics.IMPORT_REQUESTED, batchId, JSON.writeValueAsString(request))).get();
    }

    private InvoiceImportCompleted awaitCompletion(String batchId, Predicate<InvoiceImportCompleted> which) {
        ConsumerRecord<String, String> record = awaitRecord(Topics.IMPORT_COMPLETED, candidate ->
                batchId.equals(candidate.key()) && which.test(JSON.readValue(candidate.value(), InvoiceImportCompleted.class)));
        return JSON.readValue(record.value(), InvoiceImportCompleted.class);
    }

    /** Reads the topic from its beginning until a record matches. */
    private ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        Properties properties = new Properties();
        properties.putAll(platform.kafkaClientProperties(BusPermissions.TEST_READER));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, BusPermissions.TEST_READER_GROUP_PREFIX + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PIPELINE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + PIPELINE);
    }

    private KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        // as a bulk importer would: its principal may write import batches and nothing else
        properties.putAll(platform.kafkaClientProperties(BusPermissions.IMPORTER));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static List<ImportRowResult.Status> statuses(InvoiceImportCompleted completion) {
        List<ImportRowResult.Status> statuses = new ArrayList<>();
        completion.rows().forEach(row -> statuses.add(row.status()));
        return statuses;
    }

    private List<MimeMessage> delivered() {
        return platform.inbox().messages().stream()
                .filter(message -> Mails.recipient(message).endsWith(DOMAIN))
                .toList();
    }
}

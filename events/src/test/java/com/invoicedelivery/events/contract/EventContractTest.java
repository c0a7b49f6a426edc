package com.invoicedelivery.events.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.events.IntegrationEvent;
import com.invoicedelivery.events.InvoiceImportCompleted;
import com.invoicedelivery.events.InvoiceImportRequested;
import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.events.SchemaVersions;
import com.invoicedelivery.events.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The event contract in docs/api is what the records and the services' bindings say: the committed files are the
 * generated ones, and nothing the platform publishes is missing from them.
 */
class EventContractTest {

    /** Rewrites the committed files instead of comparing them: {@code -Devents.contract.write=true}. */
    static final String WRITE = "events.contract.write";
    static final String REGENERATE = "./mvnw -B -o -pl events verify -Dtest='com/invoicedelivery/events/contract/**' "
            + "-D" + WRITE + "=true";

    final Path root = EventContract.repositoryRoot();

    @Test
    void theCommittedAsyncApiDocumentAndSchemasAreTheGeneratedOnes() throws IOException {
        Map<String, String> generated = new AsyncApiDocument(root).generate().byPath();
        Set<String> stale = committedSchemas();
        stale.removeAll(generated.keySet());
        if (Boolean.getBoolean(WRITE)) {
            for (Map.Entry<String, String> file : generated.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            for (String gone : stale) {
                Files.delete(root.resolve(gone));
            }
        }
        List<String> differing = new ArrayList<>(stale);
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Path path = root.resolve(file.getKey());
            if (!Files.isRegularFile(path) || !Files.readString(path).equals(file.getValue())) {
                differing.add(file.getKey());
            }
        }
        if (!differing.isEmpty()) {
            fail("the event contract in docs/api is not what module events and the services' bindings say: "
                    + differing + ". Regenerate it and commit the result: " + REGENERATE);
        }
    }

    @Test
    void everyEventRecordIsARegisteredTypeOnAChannelOfItsOwn() throws IOException, URISyntaxException {
        Set<Class<?>> records = eventRecords();
        Set<Class<?>> onChannels = EventContract.CHANNELS.stream().map(EventContract.Channel::event)
                .collect(Collectors.toSet());

        assertThat(records).as("every IntegrationEvent of module events").isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(SchemaVersions.eventTypes())
                .containsExactlyInAnyOrderElementsOf(onChannels);
        assertThat(onChannels).hasSameSizeAs(EventContract.CHANNELS);
    }

    @Test
    void everyTopicNameIsAChannel() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("DEAD_LETTER_SUFFIX")) {
                topics.add((String) field.get(null));
            }
        }
        assertThat(EventContract.CHANNELS).extracting(EventContract.Channel::topic)
                .containsExactlyInAnyOrderElementsOf(topics);
    }

    @Test
    void everyConsumerBindingReadsAChannelWithItsOwnReplayAndDeadLetterTopics() {
        List<EventContract.Consumer> consumers = EventContract.consumers(root);
        Set<String> topics = EventContract.CHANNELS.stream().map(EventContract.Channel::topic)
                .collect(Collectors.toSet());

        assertThat(consumers).extracting(EventContract.Consumer::service).containsOnly(EventContract.INVOICE_SERVICE,
                EventContract.PDF_SERVICE, EventContract.MAIL_DISPATCH_SERVICE, EventContract.TRACKING_SERVICE);
        assertThat(consumers).hasSizeGreaterThanOrEqualTo(EventContract.CHANNELS.size() - 1);
        for (EventContract.Consumer consumer : consumers) {
            assertThat(topics).contains(consumer.topic());
            assertThat(consumer.group()).isEqualTo(consumer.service());
            assertThat(consumer.deadLetterTopic()).isEqualTo(consumer.topic() + "." + consumer.group() + ".dlq");
            assertThat(consumer.replayTopic()).isEqualTo(consumer.topic() + "." + consumer.group() + ".replay");
        }
    }

    @Test
    void theRecordKeyOfEveryEventIsOneOfItsTextFields() {
        for (EventContract.Channel channel : EventContract.CHANNELS) {
            assertThat(EventSamples.keyField(channel.event())).as(channel.event().getSimpleName())
                    .isIn("send.sendId", "sendId", "batchId");
        }
    }

    @Test
    void aSchemaRequiresEveryFieldButTheOptionalOnesWhichMayBeNull() {
        JsonNode schema = new EventSchemas().schemaOf(EmailDeliveryStatusChanged.class);

        assertThat(names(schema.get("required"))).contains("eventId", "occurredAt", "tenantId", "schemaVersion",
                "sendId", "status", "messageId", "attempt").doesNotContain("smtpReply", "nextAttemptAt", "reason",
                "retryRequestedBy");
        assertThat(names(schema.at("/properties/retryRequestedBy/type"))).containsExactlyInAnyOrder("string", "null");
        assertThat(schema.at("/properties/sendId/type").asString()).isEqualTo("string");
        assertThat(names(schema.at("/definitions/DeliveryStatus/enum")))
                .containsExactly("SENT", "DEFERRED", "FAILED", "OUTCOME_UNKNOWN");
        assertThat(schema.at("/properties/occurredAt/format").asString()).isEqualTo("date-time");
        assertThat(schema.at("/properties/eventId/format").asString()).isEqualTo("uuid");
        assertThat(schema.at("/properties/retryRequestedBy/description").asString()).contains("retried now");
        assertThat(schema.at("/properties/tenantId/description").asString()).contains("tenant");
    }

    @Test
    void theSchemaVersionListsTheMajorVersionsThisReleaseReads() {
        JsonNode schema = new EventSchemas().schemaOf(InvoiceSendRequested.class);

        assertThat(schema.at("/properties/schemaVersion/enum")).extracting(JsonNode::asInt).containsExactly(1, 2);
        assertThat(schema.at("/properties/schemaVersion/description").asString())
                .contains("Producers write 2", "[1, 2]");
    }

    @Test
    void internalEventsAllowFieldsTheyDoNotNameButTheImportTopicRefusesThem() {
        JsonNode internal = new EventSchemas().schemaOf(InvoiceSendRequested.class);
        JsonNode external = new EventSchemas().schemaOf(InvoiceImportRequested.class);

        assertThat(internal.has("additionalProperties")).isFalse();
        assertThat(internal.at("/definitions/SendDetails").has("additionalProperties")).isFalse();
        assertThat(external.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(external.at("/definitions/ImportedInvoice/additionalProperties").asBoolean(true)).isFalse();
        // an importer's event id is its own: any text
        assertThat(external.at("/properties/eventId").has("format")).isFalse();
        assertThat(names(external.get("required"))).contains("eventId", "tenantId", "batchId", "invoices")
                .doesNotContain("occurredAt", "sendAfterImport", "clientPolicy");
    }

    @Test
    void anImportAnswerWithoutATenantIsStillDocumented() {
        JsonNode schema = new EventSchemas().schemaOf(InvoiceImportCompleted.class);

        assertThat(names(schema.get("required"))).doesNotContain("tenantId").contains("batchId", "rows");
    }

    private Set<String> committedSchemas() throws IOException {
        Path dir = root.resolve(AsyncApiDocument.SCHEMAS);
        if (!Files.isDirectory(dir)) {
            return new TreeSet<>();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> AsyncApiDocument.SCHEMAS + file.getFileName())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Every concrete class of this module that is an {@link IntegrationEvent}, found among its compiled classes. */
    private static Set<Class<?>> eventRecords() throws IOException, URISyntaxException {
        Path classes = Path.of(IntegrationEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<Class<?>> found = new java.util.LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
                try {
                    Class<?> type = Class.forName(name, false, IntegrationEvent.class.getClassLoader());
                    if (IntegrationEvent.class.isAssignableFrom(type) && !type.isInterface()
                            && !Modifier.isAbstract(type.getModifiers())) {
                        found.add(type);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return found;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.asString()));
        return names;
    }
}

package com.invoicedelivery.events.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.invoicedelivery.events.ClientActivityRecorded;
import com.invoicedelivery.events.EmailBounced;
import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.events.IntegrationEvent;
import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.InvoiceImportCompleted;
import com.invoicedelivery.events.InvoiceImportRequested;
import com.invoicedelivery.events.InvoiceRenderFailed;
import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.events.LinkRenewalRequested;
import com.invoicedelivery.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What the event contract (docs/api) is made of besides the records: which event each topic carries and who writes
 * it, and who reads it, as each service binds it in its {@code application.yml} (binding, group, replay and
 * dead-letter topics). The producers are the services' outboxes; the table is checked against {@link Topics} and
 * {@link com.invoicedelivery.events.SchemaVersions} by {@code EventContractTest}, and deploy's {@code BusPermissions}
 * (the broker's ACLs) lists the same writers.
 */
public final class EventContract {

    public static final String INVOICE_SERVICE = "invoice-service";
    public static final String PDF_SERVICE = "pdf-service";
    public static final String MAIL_DISPATCH_SERVICE = "mail-dispatch-service";
    public static final String TRACKING_SERVICE = "tracking-service";
    /** Not a service of the platform: a tenant's bulk importer, which writes import batches and reads the answers. */
    public static final String IMPORTER = "importer";

    /** Not a service of the platform: whoever reads clients' answers for a tenant (an ERP, a bookkeeping system). */
    public static final String INTEGRATOR = "integrator";

    /**
     * A topic of the platform, the one event type it carries and its writer; {@code outsideReader} is who outside the
     * platform reads it with a consumer group of its own, or null.
     */
    public record Channel(String topic, Class<? extends IntegrationEvent> event, String producer,
                          String outsideReader) {

        Channel(String topic, Class<? extends IntegrationEvent> event, String producer) {
            this(topic, event, producer, null);
        }


        /** Written by someone outside the platform, and read strictly (an unknown field is refused). */
        public boolean externalInput() {
            return producer.equals(IMPORTER);
        }
    }

    /** One consumer binding of a service, exactly as its {@code application.yml} declares it. */
    public record Consumer(String service, String function, String topic, String replayTopic, String group,
                           String deadLetterTopic) {
    }

    public static final List<Channel> CHANNELS = List.of(
            new Channel(Topics.SEND_REQUESTED, InvoiceSendRequested.class, INVOICE_SERVICE),
            new Channel(Topics.DOCUMENT_READY, InvoiceDocumentReady.class, PDF_SERVICE),
            new Channel(Topics.RENDER_FAILED, InvoiceRenderFailed.class, PDF_SERVICE),
            new Channel(Topics.DELIVERY_STATUS, EmailDeliveryStatusChanged.class, MAIL_DISPATCH_SERVICE),
            new Channel(Topics.BOUNCES, EmailBounced.class, MAIL_DISPATCH_SERVICE),
            new Channel(Topics.TRACKING_EVENTS, ClientActivityRecorded.class, TRACKING_SERVICE, INTEGRATOR),
            new Channel(Topics.LINK_RENEWAL_REQUESTED, LinkRenewalRequested.class, TRACKING_SERVICE),
            new Channel(Topics.IMPORT_REQUESTED, InvoiceImportRequested.class, IMPORTER),
            new Channel(Topics.IMPORT_COMPLETED, InvoiceImportCompleted.class, INVOICE_SERVICE, IMPORTER));

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private EventContract() {
    }

    public static Channel channelOf(Class<?> event) {
        return CHANNELS.stream().filter(channel -> channel.event().equals(event)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(event.getSimpleName() + " is on no channel"));
    }

    /** The major version producers write now: the record's {@code SCHEMA_VERSION}. */
    public static int writtenVersion(Class<?> event) {
        try {
            Field field = event.getField("SCHEMA_VERSION");
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != int.class) {
                throw new IllegalStateException(event.getSimpleName() + ".SCHEMA_VERSION is no static int");
            }
            return field.getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(event.getSimpleName() + " declares no SCHEMA_VERSION", e);
        }
    }

    /** The value types reachable from {@code roots} (records and enums of this module, through lists too). */
    public static Set<Class<?>> reachable(Class<?>... roots) {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (Class<?> root : roots) {
            collect(root, found);
        }
        return found;
    }

    private static void collect(Type type, Set<Class<?>> found) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, found);
            }
            return;
        }
        if (type instanceof Class<?> raw && (raw.isRecord() || raw.isEnum()) && found.add(raw) && raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                collect(component.getGenericType(), found);
            }
        }
    }

    /** The checkout's root: the nearest directory above the working directory with docs/ARCHITECTURE.md. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("docs/ARCHITECTURE.md"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docs/ARCHITECTURE.md above " + dir);
    }

    /** Every consumer binding of every service under {@code root}, by service and then as declared. */
    public static List<Consumer> consumers(Path root) {
        List<Consumer> consumers = new ArrayList<>();
        for (Path file : applicationFiles(root)) {
            JsonNode spring;
            try {
                spring = YAML.readTree(Files.readString(file)).path("spring");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String service = spring.path("application").path("name").asString();
            JsonNode stream = spring.path("cloud").path("stream");
            for (Map.Entry<String, JsonNode> binding : stream.path("bindings").properties()) {
                String name = binding.getKey();
                if (!name.contains("-in-")) {
                    continue;
                }
                List<String> destinations = List.of(binding.getValue().path("destination").asString().split(","));
                String topic = destinations.get(0).strip();
                String replay = destinations.size() > 1 ? destinations.get(1).strip() : null;
                String dlq = stream.path("kafka").path("bindings").path(name).path("consumer").path("dlq-name")
                        .asString(null);
                consumers.add(new Consumer(service, name.substring(0, name.indexOf("-in-")), topic, replay,
                        binding.getValue().path("group").asString(), dlq));
            }
        }
        return consumers;
    }

    private static List<Path> applicationFiles(Path root) {
        try (Stream<Path> modules = Files.list(root)) {
            return modules.map(module -> module.resolve("src/main/resources/application.yml"))
                    .filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

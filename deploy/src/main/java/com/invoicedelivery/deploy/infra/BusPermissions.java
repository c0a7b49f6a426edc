package com.invoicedelivery.deploy.infra;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.invoicedelivery.events.Topics;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the bus: the one table the local broker's ACLs are made from, and the one docs/ARCHITECTURE.md
 * shows ({@link #markdownTable()}). A service writes the topics it owns and the dead-letter and replay topics of its
 * own consumers, and reads what it consumes with its own consumer groups; nothing else. Topics are made by the launcher
 * (as in production by the operator), so no principal may create one. Who produces what: the services' outboxes
 * ({@link Topics}); who consumes what: each service's {@code application.yml} bindings.
 */
public final class BusPermissions {

    public static final String INVOICE_SERVICE = "invoice-service";
    public static final String PDF_SERVICE = "pdf-service";
    public static final String MAIL_DISPATCH_SERVICE = "mail-dispatch-service";
    public static final String TRACKING_SERVICE = "tracking-service";
    /** A bulk importer: publishes import batches, and nothing else. */
    public static final String IMPORTER = "importer";
    /** The end-to-end tests' reader: reads every topic, with consumer groups named {@code e2e-*}; writes nothing. */
    public static final String TEST_READER = "e2e-reader";
    public static final String TEST_READER_GROUP_PREFIX = "e2e-";

    /**
     * A consumer binding: it reads {@code topic} as {@code group}, and its failures go to its own dead-letter topic
     * ({@code <topic>.<group>.dlq}), which it reads again, as {@code <group>.dlq-replay}, when operations replay it.
     * A replay publishes to the consumer's own replay topic ({@code <topic>.<group>.replay}, which the binding reads
     * too; kit DeadLetterBinding), never to {@code topic}: a consumer has no right to write what another service owns.
     */
    public record Consumption(String topic, String group) {

        public String deadLetterTopic() {
            return topic + "." + group + Topics.DEAD_LETTER_SUFFIX;
        }

        public String replayTopic() {
            return topic + "." + group + ".replay";
        }

        public String replayGroup() {
            return group + ".dlq-replay";
        }
    }

    /** One principal's rights: topics it writes (its own), bindings it consumes with. */
    public record Grant(String principal, List<String> produces, List<Consumption> consumes) {

        public Grant {
            produces = List.copyOf(produces);
            consumes = List.copyOf(consumes);
        }

        /** Its own topics, then the dead-letter and replay topics of its consumers. */
        public List<String> writes() {
            List<String> writes = new ArrayList<>(produces);
            consumes.forEach(consumption -> {
                writes.add(consumption.deadLetterTopic());
                writes.add(consumption.replayTopic());
            });
            return writes;
        }
    }

    private static final List<Grant> SERVICES = List.of(
            new Grant(INVOICE_SERVICE, List.of(Topics.SEND_REQUESTED, Topics.IMPORT_COMPLETED), List.of(
                    new Consumption(Topics.DOCUMENT_READY, INVOICE_SERVICE),
                    new Consumption(Topics.RENDER_FAILED, INVOICE_SERVICE),
                    new Consumption(Topics.DELIVERY_STATUS, INVOICE_SERVICE),
                    new Consumption(Topics.BOUNCES, INVOICE_SERVICE),
                    new Consumption(Topics.TRACKING_EVENTS, INVOICE_SERVICE),
                    new Consumption(Topics.LINK_RENEWAL_REQUESTED, INVOICE_SERVICE),
                    new Consumption(Topics.IMPORT_REQUESTED, INVOICE_SERVICE))),
            new Grant(PDF_SERVICE, List.of(Topics.DOCUMENT_READY, Topics.RENDER_FAILED), List.of(
                    new Consumption(Topics.SEND_REQUESTED, PDF_SERVICE))),
            new Grant(MAIL_DISPATCH_SERVICE, List.of(Topics.DELIVERY_STATUS, Topics.BOUNCES), List.of(
                    new Consumption(Topics.DOCUMENT_READY, MAIL_DISPATCH_SERVICE),
                    new Consumption(Topics.TRACKING_EVENTS, MAIL_DISPATCH_SERVICE))),
            new Grant(TRACKING_SERVICE, List.of(Topics.TRACKING_EVENTS, Topics.LINK_RENEWAL_REQUESTED), List.of(
                    new Consumption(Topics.SEND_REQUESTED, TRACKING_SERVICE),
                    new Consumption(Topics.DOCUMENT_READY, TRACKING_SERVICE))),
            new Grant(IMPORTER, List.of(Topics.IMPORT_REQUESTED), List.of()));

    private BusPermissions() {
    }

    /** The services and the importer, in the order of the table. */
    public static List<Grant> grants() {
        return SERVICES;
    }

    public static Grant of(String principal) {
        return SERVICES.stream().filter(grant -> grant.principal().equals(principal)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bus principal " + principal));
    }

    /** Every principal the local broker knows, the test reader last. */
    public static List<String> principals() {
        List<String> principals = new ArrayList<>(SERVICES.stream().map(Grant::principal).toList());
        principals.add(TEST_READER);
        return principals;
    }

    /** Every topic of the platform: what is produced, and every consumer's dead-letter topic. */
    public static Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        SERVICES.forEach(grant -> topics.addAll(grant.writes()));
        return topics;
    }

    /** The ACLs: allowed operations only (anything not listed is refused, allow.everyone.if.no.acl.found=false). */
    public static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        for (Grant grant : SERVICES) {
            String user = user(grant.principal());
            for (String topic : grant.writes()) {
                acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, user, AclOperation.WRITE));
                acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, user, AclOperation.DESCRIBE));
            }
            for (Consumption consumption : grant.consumes()) {
                for (String topic : List.of(consumption.topic(), consumption.deadLetterTopic(),
                        consumption.replayTopic())) {
                    acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, user, AclOperation.READ));
                    acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, user, AclOperation.DESCRIBE));
                }
                for (String group : List.of(consumption.group(), consumption.replayGroup())) {
                    acls.add(allow(ResourceType.GROUP, group, PatternType.LITERAL, user, AclOperation.READ));
                    acls.add(allow(ResourceType.GROUP, group, PatternType.LITERAL, user, AclOperation.DESCRIBE));
                }
            }
        }
        String reader = user(TEST_READER);
        for (String topic : topics()) {
            acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, reader, AclOperation.READ));
            acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, reader, AclOperation.DESCRIBE));
        }
        acls.add(allow(ResourceType.GROUP, TEST_READER_GROUP_PREFIX, PatternType.PREFIXED, reader, AclOperation.READ));
        return acls.stream().distinct().toList();
    }

    /**
     * The table of docs/ARCHITECTURE.md's "The bus" section, one row per principal. For each topic a service
     * consumes as group {@code g}, it may also write and read {@code <topic>.g.dlq} and {@code <topic>.g.replay},
     * and read as {@code g} and {@code g.dlq-replay}: the footnote under the table says so once.
     */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder()
                .append("| principal | writes (WRITE, DESCRIBE) | reads (READ, DESCRIBE) | as consumer group |\n")
                .append("|---|---|---|---|\n");
        for (Grant grant : SERVICES) {
            Set<String> groups = new LinkedHashSet<>();
            grant.consumes().forEach(consumption -> groups.add(consumption.group()));
            table.append("| `").append(grant.principal()).append("` | ").append(codes(grant.produces()))
                    .append(" | ").append(codes(grant.consumes().stream().map(Consumption::topic).toList()))
                    .append(" | ").append(codes(List.copyOf(groups))).append(" |\n");
        }
        table.append("| `").append(TEST_READER).append("` (end-to-end tests only) | — | every topic | `")
                .append(TEST_READER_GROUP_PREFIX).append("*` |\n");
        return table.toString();
    }

    private static String codes(List<String> names) {
        return names.isEmpty() ? "—" : names.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
    }

    private static String user(String principal) {
        return "User:" + principal;
    }

    private static AclBinding allow(ResourceType type, String name, PatternType pattern, String user,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(user, "*", operation, AclPermissionType.ALLOW));
    }
}

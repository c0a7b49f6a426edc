package com.invoicedelivery.deploy.infra;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.invoicedelivery.kit.config.KafkaSasl;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.metadata.UserScramCredentialRecord;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.ApiMessageAndVersion;

/**
 * A real Kafka cluster in KRaft mode (one node for {@code ./run-local}, several for the scale-out run and the fault
 * suite's cluster scenarios), run in this process from Kafka's own server jars (through Kafka's cluster test kit),
 * with authentication and authorization on as a production cluster has them: clients log in with SASL/SCRAM-SHA-512
 * (over SASL_PLAINTEXT: the broker listens on loopback only; production uses SASL_SSL or mTLS), and the
 * StandardAuthorizer lets each principal do only what {@link BusPermissions} grants it. Every principal gets a fresh
 * random password per run; the broker, its topics and its users live in a temporary directory and start empty on
 * every run. The kit picks the ports itself; the launcher prints them.
 *
 * <p>With several brokers every topic (the platform's and Kafka's own offsets and transaction logs) has a replica on
 * each, and a write needs two in sync ({@value #MIN_IN_SYNC_REPLICAS}), as a production cluster has it: one broker
 * may stop ({@link #stopBroker}) and the producers' acks=all writes go on without losing what was acknowledged.
 * From {@value #QUORUM} brokers on, {@value #QUORUM} of the nodes are KRaft controllers too: the metadata quorum
 * keeps a majority when one node stops, the quorum's leader included ({@link #stopNode}); the fault suite's
 * {@code KafkaClusterFaultIT} stops one of each while the mail goes out.
 *
 * <p>The launcher's own principal ({@value #ADMIN}) is the one super user: it exists from the first start (its
 * SCRAM credential is in the metadata the cluster is bootstrapped with), and makes the
 * topics, the other users and their ACLs through the Admin API. The controller listener, which only the node itself
 * uses, takes a PLAIN login with another random password (KRaft controllers do not take SCRAM).
 */
public final class KafkaBroker implements AutoCloseable {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final SecurityProtocol PROTOCOL = SecurityProtocol.SASL_PLAINTEXT;
    static final String ADMIN = "platform-admin";
    private static final String CONTROLLER = "controller";
    private static final int SCRAM_ITERATIONS = 8192;
    private static final int PARTITIONS = 3;
    private static final long ADMIN_TIMEOUT_SECONDS = 30;
    static final int MIN_IN_SYNC_REPLICAS = 2;
    /** The KRaft quorum of a cluster of this many brokers or more: it keeps a majority with one controller gone. */
    static final int QUORUM = 3;

    private final KafkaClusterTestKit cluster;
    private final Map<String, String> passwords;

    private KafkaBroker(KafkaClusterTestKit cluster, Map<String, String> passwords) {
        this.cluster = cluster;
        this.passwords = passwords;
    }

    /** A broker with every principal of {@link BusPermissions}, its ACLs, and every topic made. */
    public static KafkaBroker start() {
        return start(1);
    }

    /**
     * A cluster of {@code brokers} nodes with every principal, ACL and topic made; from {@value #QUORUM} brokers on,
     * a KRaft quorum of {@value #QUORUM} controllers (the metadata survives one of them stopping, its leader
     * included), below that one controller (a quorum of two would stop with either of them).
     */
    public static KafkaBroker start(int brokers) {
        return start(brokers, brokers >= QUORUM ? QUORUM : 1);
    }

    /**
     * A cluster of {@code brokers} nodes, the first {@code controllers} of them also KRaft controllers (combined
     * nodes, as small production clusters run them; the others are brokers only), with every principal, ACL and
     * topic made.
     */
    public static KafkaBroker start(int brokers, int controllers) {
        if (brokers < 1) {
            throw new IllegalArgumentException("at least one broker: " + brokers);
        }
        if (controllers < 1 || controllers > brokers) {
            throw new IllegalArgumentException("controllers are some of the brokers' nodes, at least one: "
                    + controllers + " controllers for " + brokers + " brokers");
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(ADMIN, newPassword());
        BusPermissions.principals().forEach(principal -> passwords.put(principal, newPassword()));
        String controllerPassword = newPassword();
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes.Builder nodesBuilder = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(brokers)
                    .setNumControllerNodes(controllers)
                    .setBrokerSecurityProtocol(PROTOCOL)
                    .setControllerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT);
            // the kit's own bootstrap metadata (its feature levels), and the super user's credential with it
            BootstrapMetadata kitDefaults = nodesBuilder.build().bootstrapMetadata();
            TestKitNodes nodes = nodesBuilder
                    .setBootstrapMetadata(withScramCredential(kitDefaults, ADMIN, passwords.get(ADMIN)))
                    .build();
            String broker = nodes.brokerListenerName().value().toLowerCase(Locale.ROOT);
            String controller = nodes.controllerListenerName().value().toLowerCase(Locale.ROOT);
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            Map<String, String> config = new LinkedHashMap<>();
            config.put("auto.create.topics.enable", "false");
            config.put("num.partitions", String.valueOf(PARTITIONS));
            config.put("group.initial.rebalance.delay.ms", "0");
            config.put("offsets.topic.num.partitions", "3");
            // the active controller writes a no-op record to the metadata log when it has written nothing else for
            // this long (Kafka's default: 0.5 s), so that brokers can tell a live controller from a stalled one; each
            // is an append, a commit and a new metadata image on every node. Ten seconds keeps the signal at a
            // twentieth of the cost at rest: brokers are fenced by their own heartbeats, not by these records
            config.put("metadata.max.idle.interval.ms", "10000");
            // threads sized for the few dozen clients of one platform on a small machine, not Kafka's defaults for a
            // shared cluster (8 request handlers, 3 network threads a listener): each idle one wakes every 300 ms
            config.put("num.io.threads", "2");
            config.put("num.network.threads", "1");
            // a replica on every broker, internal topics too; one node alone has one of each
            String replicas = String.valueOf(brokers);
            String inSync = String.valueOf(Math.min(brokers, MIN_IN_SYNC_REPLICAS));
            config.put("offsets.topic.replication.factor", replicas);
            config.put("transaction.state.log.replication.factor", replicas);
            config.put("transaction.state.log.min.isr", inSync);
            config.put("default.replication.factor", replicas);
            config.put("min.insync.replicas", inSync);
            config.put("sasl.enabled.mechanisms", MECHANISM);
            config.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
            config.put("listener.name." + broker + ".sasl.enabled.mechanisms", MECHANISM);
            config.put("listener.name." + broker + "." + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                    KafkaSasl.jaasConfig(MECHANISM, ADMIN, passwords.get(ADMIN)));
            config.put("listener.name." + controller + ".sasl.enabled.mechanisms", "PLAIN");
            config.put("sasl.mechanism.controller.protocol", "PLAIN");
            config.put("listener.name." + controller + ".plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + CONTROLLER
                            + "\" password=\"" + controllerPassword + "\" user_" + CONTROLLER + "=\""
                            + controllerPassword + "\";");
            config.put("authorizer.class.name", StandardAuthorizer.class.getName());
            config.put(StandardAuthorizer.ALLOW_EVERYONE_IF_NO_ACL_IS_FOUND_CONFIG, "false");
            config.put(StandardAuthorizer.SUPER_USERS_CONFIG, "User:" + ADMIN + ";User:" + CONTROLLER);
            config.forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            startControllersThenBrokers(cluster);
            cluster.waitForReadyBrokers();
            KafkaBroker started = new KafkaBroker(cluster, Map.copyOf(passwords));
            started.grantEveryone();
            return started;
        } catch (Exception e) {
            if (cluster != null) {
                try {
                    cluster.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new IllegalStateException("cannot start the Kafka broker", e);
        }
    }

    /**
     * The kit's own {@code startup()} starts controllers and brokers together. A combined node's broker may then start
     * the node's shared Raft client before its controller does, without the controller's endpoints; with one
     * controller that is harmless, but in a quorum such a follower asks the leader to record its (empty) endpoints,
     * the leader refuses the request as invalid, and the follower's Raft thread dies: two followers of three gone and
     * the quorum has no majority (found by KafkaQuorumTest). Kafka's own server starts the controller first, and so
     * does this: every controller (together, so that they can elect a leader), then every broker.
     */
    private static void startControllersThenBrokers(KafkaClusterTestKit cluster) throws Exception {
        // a thread per node: a controller's start-up may wait for the others (the common pool has one on two cores)
        ExecutorService starting = Executors.newFixedThreadPool(cluster.brokers().size() + cluster.controllers().size());
        try {
            List<Future<?>> controllers = cluster.controllers().values().stream()
                    .<Future<?>>map(controller -> starting.submit(controller::startup)).toList();
            for (Future<?> controller : controllers) {
                controller.get(ADMIN_TIMEOUT_SECONDS * 4, TimeUnit.SECONDS);
            }
            List<Future<?>> brokers = cluster.brokers().values().stream()
                    .<Future<?>>map(broker -> starting.submit(broker::startup)).toList();
            for (Future<?> broker : brokers) {
                broker.get(ADMIN_TIMEOUT_SECONDS * 4, TimeUnit.SECONDS);
            }
        } finally {
            starting.shutdownNow();
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The brokers' node ids, the controllers' (the first ones: combined nodes) included. */
    public List<Integer> brokerIds() {
        return cluster.brokers().keySet().stream().sorted().toList();
    }

    /** The KRaft controllers' node ids: each is also a broker's (combined nodes). */
    public List<Integer> controllerIds() {
        return cluster.controllers().keySet().stream().sorted().toList();
    }

    /**
     * The node whose controller leads the KRaft quorum now (the active controller), as the cluster itself answers
     * it ({@code Admin.describeMetadataQuorum}, asked through a broker).
     */
    public int quorumLeaderId() {
        try (Admin admin = Admin.create(clientProperties(bootstrapServers(), ADMIN, passwords.get(ADMIN)))) {
            return admin.describeMetadataQuorum().quorumInfo().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).leaderId();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for the quorum leader", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot find the KRaft quorum leader", e);
        }
    }

    /**
     * Stops a whole node, as a machine going away stops it: its broker, then its controller (combined nodes run both
     * in one process, sharing one Raft client). The controller alone is not stopped: in a combined node, stopping
     * it shuts the node's Raft client down (a leader gives up its leadership that way), so the broker left running
     * would serve on without its metadata ever changing again, a state no real failure leaves. The broker first,
     * as Kafka's own shutdown does: it hands its partitions' leadership over while the quorum is whole. Stays
     * stopped until the cluster closes.
     */
    public void stopNode(int id) {
        var broker = cluster.brokers().get(id);
        var controller = cluster.controllers().get(id);
        if (broker == null && controller == null) {
            throw new IllegalArgumentException("no node " + id + " in " + brokerIds());
        }
        if (broker != null) {
            broker.shutdown();
        }
        if (controller != null) {
            controller.shutdown();
        }
    }

    /**
     * Stops one broker as a failing machine would stop it, its data kept: its partitions' leadership moves to the
     * others, the clients reconnect to them. A broker stopped stays stopped until {@link #startBroker} or the
     * cluster closes. With one node, its controller (the metadata quorum) keeps running: the broker alone stops.
     */
    public void stopBroker(int id) {
        var broker = cluster.brokers().get(id);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + id + " in " + brokerIds());
        }
        broker.shutdown();
    }

    /**
     * Starts a stopped broker again, on the same ports (the kit binds its listeners' ports once, for the cluster's
     * life) and from the same log directories: what it had written is there again, and it catches up with the
     * others. The fault suite's scenario 5 stops the one broker for 30 s and starts it again this way.
     */
    public void startBroker(int id) {
        var broker = cluster.brokers().get(id);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + id + " in " + brokerIds());
        }
        broker.startup();
    }

    /**
     * Waits until every partition of every topic, Kafka's own included, has all its replicas in sync: a broker
     * started again ({@link #startBroker}) has caught up. Bounded by {@code bound}; fails naming a partition behind.
     */
    public void awaitReplicasInSync(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        try (Admin admin = Admin.create(clientProperties(bootstrapServers(), ADMIN, passwords.get(ADMIN)))) {
            while (true) {
                Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                        .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                Optional<String> behind = admin.describeTopics(topics).allTopicNames()
                        .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
                        .flatMap(topic -> topic.partitions().stream()
                                .filter(partition -> partition.isr().size() < partition.replicas().size())
                                .map(partition -> topic.name() + "-" + partition.partition() + " (in sync "
                                        + partition.isr() + " of " + partition.replicas() + ")"))
                        .findFirst();
                if (behind.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("replicas still out of sync after " + bound + ": " + behind.get());
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the replicas", e);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe the topics", e);
        }
    }

    /** The per-run password of a principal of {@link BusPermissions}. */
    public String password(String principal) {
        String password = passwords.get(principal);
        if (password == null || ADMIN.equals(principal)) {
            throw new IllegalArgumentException("no bus principal " + principal);
        }
        return password;
    }

    /** What a Kafka client needs to connect as {@code principal}: brokers, protocol, mechanism, login. */
    public Map<String, Object> clientProperties(String principal) {
        return clientProperties(bootstrapServers(), principal, password(principal));
    }

    public static Map<String, Object> clientProperties(String bootstrapServers, String principal, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, PROTOCOL.name);
        properties.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, KafkaSasl.jaasConfig(MECHANISM, principal, password));
        return properties;
    }

    /** The users, the topics and the ACLs, made by the super user. */
    private void grantEveryone() throws Exception {
        try (Admin admin = Admin.create(clientProperties(bootstrapServers(), ADMIN, passwords.get(ADMIN)))) {
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            for (String principal : BusPermissions.principals()) {
                users.add(new UserScramCredentialUpsertion(principal,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), passwords.get(principal)));
            }
            admin.alterUserScramCredentials(users).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            admin.createTopics(BusPermissions.topics().stream()
                            .map(topic -> new NewTopic(topic, Optional.of(PARTITIONS), Optional.empty()))
                            .toList())
                    .all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            admin.createAcls(BusPermissions.acls()).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            awaitAclsOnTheBroker(admin, BusPermissions.acls().size());
        }
    }

    /**
     * The controller has the ACLs once createAcls answers; the broker, which authorizes clients, a moment later. A
     * service started in that moment would be refused, so the launcher waits until the broker lists them all.
     */
    private static void awaitAclsOnTheBroker(Admin admin, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ADMIN_TIMEOUT_SECONDS);
        while (admin.describeAcls(AclBindingFilter.ANY).values().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).size()
                < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not load the bus ACLs within "
                        + ADMIN_TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(50);
        }
    }

    /**
     * The super user's SCRAM credential in the metadata the controller starts the cluster with: without it nobody
     * could log in to make the other users.
     */
    private static BootstrapMetadata withScramCredential(BootstrapMetadata bootstrap, String user, String password)
            throws GeneralSecurityException {
        org.apache.kafka.common.security.scram.internals.ScramMechanism sha512 =
                org.apache.kafka.common.security.scram.internals.ScramMechanism.SCRAM_SHA_512;
        ScramCredential credential = new ScramFormatter(sha512).generateCredential(password, SCRAM_ITERATIONS);
        List<ApiMessageAndVersion> records = new ArrayList<>(bootstrap.records());
        records.add(new ApiMessageAndVersion(new UserScramCredentialRecord()
                .setName(user)
                .setMechanism(sha512.type())
                .setSalt(credential.salt())
                .setStoredKey(credential.storedKey())
                .setServerKey(credential.serverKey())
                .setIterations(credential.iterations()), (short) 0));
        return BootstrapMetadata.fromRecords(records, "the local launcher");
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the Kafka broker", e);
        }
    }
}

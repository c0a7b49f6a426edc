package com.invoicedelivery.kit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.invoicedelivery.kit.security.PathRoles;
import com.invoicedelivery.kit.security.Roles;
import com.invoicedelivery.kit.testing.ConsumerGroups;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.kit.testing.TestTokens;
import com.invoicedelivery.kit.testing.TopicProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operations replay what a consumer gave up on, once it can read it: the sample consumer refuses a name for a
 * while (as a consumer with a bug would), the record goes to the dead-letter topic and waits there, and after
 * the "fix" a replay hands it to the consumer once.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {
        "spring.application.name=kit-sample",
        "spring.cloud.function.definition=receiveGreeting",
        "spring.cloud.stream.bindings.receiveGreeting-in-0.destination=kit.greetings",
        "spring.cloud.stream.bindings.receiveGreeting-in-0.group=kit-sample",
        // straight to the dead-letter topic: the test waits for no retries
        "spring.cloud.stream.bindings.receiveGreeting-in-0.consumer.max-attempts=1",
        "spring.cloud.stream.kafka.bindings.receiveGreeting-in-0.consumer.dlq-name=kit.greetings.kit-sample.dlq",
        // configured, but the sample has no such function: its dead-letter topic was never needed
        "spring.cloud.stream.bindings.receiveFarewell-in-0.destination=kit.farewells",
        "spring.cloud.stream.bindings.receiveFarewell-in-0.group=kit-sample",
        "spring.cloud.stream.kafka.bindings.receiveFarewell-in-0.consumer.dlq-name=kit.farewells.kit-sample.dlq"})
class DeadLetterReplayIntegrationTest {

    private static final String BINDING = "receiveGreeting-in-0";
    private static final String DEAD_LETTERS = "/api/operations/dead-letters";
    private static final String REPLAY = DEAD_LETTERS + "/" + BINDING + "/replay";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;
    @Autowired
    List<KitSampleApplication.Greeting> receivedGreetings;
    @Autowired
    KitSampleApplication.RefusedNames refusedNames;

    /** Like invoice-service: the rest of the API is for tenant users. The kit's rule must still decide first. */
    @TestConfiguration
    static class RestOfTheApiIsForTenantUsers {

        @Bean
        PathRoles restOfTheApiIsForTenantUsers() {
            return PathRoles.anyMethod("/api/**", Roles.TENANT_USER);
        }
    }

    @Test
    void aDeadLetterWaitsUntilReplayedAndTheConsumerThenReadsItOnce() throws Exception {
        refusedNames.refuse("Пенка");
        publish("p1", "Пенка", Map.of("traceparent", "trace-p1"));
        awaitWaiting(1);
        assertThat(queue(BINDING)).isEqualTo(JSON.readTree("""
                {"binding":"receiveGreeting-in-0","topic":"kit.greetings","group":"kit-sample",
                 "deadLetterTopic":"kit.greetings.kit-sample.dlq","waiting":1}"""));

        refusedNames.accept("Пенка");
        assertThat(replay(REPLAY)).isEqualTo(JSON.readTree("""
                {"binding":"receiveGreeting-in-0","replayed":1,"waiting":0}"""));

        ConsumerGroups.awaitCaughtUp(brokers, "kit-sample", "kit.greetings", PATIENCE);
        assertThat(received("Пенка")).isEqualTo(1);
        try (TopicProbe greetings = new TopicProbe(brokers, "kit.greetings")) {
            ConsumerRecord<String, String> replayed = greetings.await(record -> "p1".equals(record.key())
                    && TopicProbe.header(record, "x-replayed-from") != null, PATIENCE);
            assertThat(replayed.value()).isEqualTo(greeting("Пенка"));
            assertThat(TopicProbe.header(replayed, "traceparent")).isEqualTo("trace-p1");
            assertThat(TopicProbe.header(replayed, "x-replayed-from")).matches("kit\\.greetings\\.kit-sample\\.dlq-\\d+@\\d+");
            assertThat(headerNames(replayed)).noneMatch(name -> name.startsWith("x-exception-"))
                    .noneMatch(name -> name.startsWith("x-original-"));

            assertThat(replay(REPLAY)).isEqualTo(JSON.readTree("""
                    {"binding":"receiveGreeting-in-0","replayed":0,"waiting":0}"""));
            assertThat(greetings.drain(Duration.ofSeconds(1)))
                    .filteredOn(record -> "p1".equals(record.key()))
                    .as("the original and its one replay").hasSize(2);
        }
        ConsumerGroups.awaitCaughtUp(brokers, "kit-sample", "kit.greetings", PATIENCE);
        assertThat(received("Пенка")).isEqualTo(1);
    }

    @Test
    void aReplayedRecordThatStillFailsGoesToTheDeadLetterTopicAgainToWaitAnew() throws Exception {
        refusedNames.refuse("Стоян");
        publish("s1", "Стоян", Map.of());
        awaitWaiting(1);

        assertThat(replay(REPLAY).get("replayed").asInt()).isEqualTo(1);
        try (TopicProbe deadLetters = new TopicProbe(brokers, "kit.greetings.kit-sample.dlq")) {
            ConsumerRecord<String, String> again = deadLetters.await(record -> "s1".equals(record.key())
                    && TopicProbe.header(record, "x-replayed-from") != null, PATIENCE);
            assertThat(TopicProbe.header(again, "x-exception-message")).contains("refuses greetings for Стоян");
            assertThat(headerNames(again)).as("one reason, the latest").containsOnlyOnce("x-exception-message");
        }
        awaitWaiting(1);

        refusedNames.accept("Стоян");
        assertThat(replay(REPLAY).get("replayed").asInt()).isEqualTo(1);
        ConsumerGroups.awaitCaughtUp(brokers, "kit-sample", "kit.greetings", PATIENCE);
        assertThat(received("Стоян")).isEqualTo(1);
        assertThat(waiting(BINDING)).isZero();
    }

    @Test
    void aReplayTakesAtMostMaxDeadLetters() throws Exception {
        refusedNames.refuse("Ася");
        publish("a1", "Ася", Map.of());
        publish("a2", "Ася", Map.of());
        publish("a3", "Ася", Map.of());
        awaitWaiting(3);
        refusedNames.accept("Ася");

        assertThat(replay(REPLAY + "?max=2")).isEqualTo(JSON.readTree("""
                {"binding":"receiveGreeting-in-0","replayed":2,"waiting":1}"""));
        assertThat(replay(REPLAY + "?max=2")).isEqualTo(JSON.readTree("""
                {"binding":"receiveGreeting-in-0","replayed":1,"waiting":0}"""));

        ConsumerGroups.awaitCaughtUp(brokers, "kit-sample", "kit.greetings", PATIENCE);
        assertThat(received("Ася")).isEqualTo(3);
    }

    @Test
    void aBindingWhoseDeadLetterTopicWasNeverNeededHasNothingWaitingAndLookingDoesNotCreateIt() throws Exception {
        JsonNode queues = JSON.readTree(call("GET", DEAD_LETTERS, TestTokens.operations()).body());
        assertThat(queues.valueStream().map(queue -> queue.get("binding").asString()))
                .containsExactly("receiveFarewell-in-0", "receiveGreeting-in-0");
        assertThat(queue("receiveFarewell-in-0").get("waiting").asLong()).isZero();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            assertThat(admin.listTopics().names().get()).doesNotContain("kit.farewells.kit-sample.dlq");
        }
    }

    @Test
    void onlyOperationsMayLookAtOrReplayDeadLetters() throws Exception {
        for (String[] request : List.of(new String[] {"GET", DEAD_LETTERS}, new String[] {"POST", REPLAY})) {
            assertProblem(call(request[0], request[1], null), 401);
            assertProblem(call(request[0], request[1], TestTokens.user("acme")), 403);
            assertProblem(call(request[0], request[1], TestTokens.admin("acme")), 403);
            assertProblem(call(request[0], request[1], TestTokens.service()), 403);
        }
        assertThat(call("GET", DEAD_LETTERS, TestTokens.operations()).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownBindingIsNotFound() throws Exception {
        HttpResponse<String> response = call("POST", DEAD_LETTERS + "/sendGreeting-out-0/replay",
                TestTokens.operations());
        assertProblem(response, 404);
        assertThat(response.body()).contains("sendGreeting-out-0");
    }

    @Test
    void maxMustBeFromOneToAThousand() throws Exception {
        for (String max : List.of("0", "1001", "-1", "many")) {
            HttpResponse<String> response = call("POST", REPLAY + "?max=" + max, TestTokens.operations());
            assertProblem(response, 400);
            assertThat(response.body()).as("max=" + max).contains("\"field\":\"max\"");
        }
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() throws Exception {
        JsonNode paths = JSON.readTree(call("GET", "/v3/api-docs", null).body()).get("paths");
        assertThat(paths.get(DEAD_LETTERS).has("get")).isTrue();
        JsonNode replay = paths.get(DEAD_LETTERS + "/{binding}/replay").get("post");
        assertThat(replay.get("parameters").valueStream().map(parameter -> parameter.get("name").asString()))
                .containsExactly("binding", "max");
    }

    private void publish(String key, String name, Map<String, String> headers) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("kit.greetings", key, greeting(name));
            headers.forEach((header, value) -> record.headers().add(header, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }

    private static String greeting(String name) {
        return "{\"name\":\"" + name + "\"}";
    }

    private long received(String name) {
        return receivedGreetings.stream().filter(greeting -> greeting.name().equals(name)).count();
    }

    private void awaitWaiting(long expected) {
        await().atMost(PATIENCE).until(() -> waiting(BINDING) == expected);
    }

    private long waiting(String binding) throws Exception {
        return queue(binding).get("waiting").asLong();
    }

    private JsonNode queue(String binding) throws Exception {
        HttpResponse<String> response = call("GET", DEAD_LETTERS, TestTokens.operations());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).valueStream()
                .filter(queue -> binding.equals(queue.get("binding").asString()))
                .findFirst().orElseThrow(() -> new AssertionError(binding + " not in " + response.body()));
    }

    private JsonNode replay(String path) throws Exception {
        HttpResponse<String> response = call("POST", path, TestTokens.operations());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private static List<String> headerNames(ConsumerRecord<?, ?> record) {
        return StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).toList();
    }
}

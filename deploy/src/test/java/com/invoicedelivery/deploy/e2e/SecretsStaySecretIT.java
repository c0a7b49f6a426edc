package com.invoicedelivery.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.infra.BusPermissions;
import com.invoicedelivery.deploy.demo.ApiClient;
import com.invoicedelivery.deploy.services.PlatformService;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A full send through a tenant's own SMTP server that requires a password: the password appears in no log line, no
 * Kafka record, no API answer, and nowhere in the databases in plain text (nor base64, as SMTP AUTH would send it).
 */
@ExtendWith(PlatformExtension.class)
class SecretsStaySecretIT {

    private final LocalPlatform platform;

    SecretsStaySecretIT(LocalPlatform platform) {
        this.platform = platform;
    }

    @Test
    void aTenantsSmtpPasswordIsNeverShownStoredOrPublishedInPlainText() throws Exception {
        String password = "Pw-" + UUID.randomUUID();
        String login = "secret-tenant-login";
        platform.inbox().addAccount("mailer@secret-tenant.example", login, password);
        TenantFixture tenant = TenantFixture.create(platform, "e2e-secret", "Тайни Пароли ООД");
        ApiClient smtp = tenant.api(PlatformService.MAIL_DISPATCH);
        List<String> answers = new ArrayList<>();

        JsonNode saved = smtp.put("/api/smtp-settings", Map.of("host", "localhost",
                "port", platform.settings().smtpPort(), "security", "NONE", "username", login, "password", password,
                "fromAddress", "mailer@secret-tenant.example")).expect(200);
        answers.add(saved.toString());
        assertThat(saved.get("passwordSet").asBoolean()).isTrue();
        JsonNode check = smtp.post("/api/smtp-settings/test", Map.of()).expect(200);
        answers.add(check.toString());
        assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();
        answers.add(smtp.get("/api/smtp-settings").expect(200).toString());

        String address = "client@secret-client.example";
        String clientId = tenant.createClient("Клиент на тайната ООД", List.of(address), "BG");
        String invoiceId = tenant.issueInvoice(clientId, "1", "1.00").get("id").asText();
        String sendId = tenant.api().post("/api/invoices/" + invoiceId + "/send", Map.of()).expect(202)
                .get("sendId").asText();
        JsonNode send = Waiting.until("the send through the tenant's server",
                () -> tenant.api().get("/api/sends/" + sendId).expect(200),
                body -> body.get("status").asText().equals("SENT"), Duration.ofSeconds(60));
        answers.add(send.toString());
        MimeMessage mail = platform.inbox().messages().stream()
                .filter(message -> Mails.recipient(message).equals(address)).findFirst().orElseThrow();
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("mailer@secret-tenant.example");
        answers.add(smtp.get("/api/emails?sendId=" + sendId).expect(200).toString());

        List<String> forms = List.of(password, base64(password), base64("\0" + login + "\0" + password));
        for (String form : forms) {
            assertThat(answers).as("API answers").noneMatch(answer -> answer.contains(form));
            assertThat(logLinesContaining(form)).as("log lines").isEmpty();
            assertThat(kafkaRecordsContaining(form)).as("Kafka records").isEmpty();
            assertThat(documentsContaining(form)).as("stored documents").isEmpty();
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> logLinesContaining(String secret) {
        try (Stream<Path> logs = Files.list(platform.settings().logsDirectory())) {
            List<String> found = new ArrayList<>();
            for (Path log : logs.toList()) {
                Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.contains(secret))
                        .forEach(line -> found.add(log.getFileName() + ": " + line));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> kafkaRecordsContaining(String secret) throws Exception {
        Properties admin = new Properties();
        // the test reader may see and read every topic of the platform, and write none
        admin.putAll(platform.kafkaClientProperties(BusPermissions.TEST_READER));
        List<String> topics;
        try (Admin client = Admin.create(admin)) {
            topics = List.copyOf(client.listTopics().names().get());
        }
        Properties properties = new Properties();
        properties.putAll(platform.kafkaClientProperties(BusPermissions.TEST_READER));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, BusPermissions.TEST_READER_GROUP_PREFIX + "secrets-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            int emptyPolls = 0;
            while (emptyPolls < 6) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (contains(record.value(), secret) || contains(record.key(), secret)) {
                        found.add(record.topic() + "@" + record.offset());
                    }
                    for (Header header : record.headers()) {
                        if (contains(header.value(), secret)) {
                            found.add(record.topic() + "@" + record.offset() + " header " + header.key());
                        }
                    }
                }
            }
        }
        return found;
    }

    private List<String> documentsContaining(String secret) {
        List<String> found = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + platform.settings().mongoPort())) {
            for (String name : mongo.listDatabaseNames()) {
                MongoDatabase database = mongo.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    for (Document document : database.getCollection(collection).find()) {
                        if (document.toJson().contains(secret)) {
                            found.add(name + "." + collection + " " + document.get("_id"));
                        }
                    }
                }
            }
        }
        return found;
    }

    private static boolean contains(byte[] bytes, String secret) {
        return bytes != null && new String(bytes, StandardCharsets.UTF_8).contains(secret);
    }
}

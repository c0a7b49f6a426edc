package com.invoicedelivery.invoice.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.events.BounceKind;
import com.invoicedelivery.events.DeliveryStatus;
import com.invoicedelivery.events.EmailBounced;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.invoice.testing.Events;
import com.invoicedelivery.invoice.testing.ServiceScenarios;
import com.invoicedelivery.kit.testing.EventEvolution;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.kit.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * mail-dispatch's reports of e-mails that came back ({@code mail.bounces}) as invoice-service takes them: the
 * recipient BOUNCED with the remote reason, the timeline, the tenant's suppression list, and what the preview and
 * bulk sends do with a listed address.
 */
@ServiceIntegrationTest
// the configuration of every other integration test here: one context, one relay on the shared store (a second
// context's relay would take the others' outbox entries to its own broker)
@TestPropertySource(properties = "invoice.links.base-url=http://links.test")
class BouncesAndSuppressionIntegrationTest extends ServiceScenarios {

    private static final String REMOTE = "550 5.1.1 <gone@bounce.example>: Recipient address rejected: User unknown";

    @Test
    void aHardBounceMakesTheRecipientBouncedWithTheRemoteReasonAndListsTheAddress() {
        TestTenant tenant = newTenant("Отскок ООД");
        SendDetails send = newSend(tenant, List.of("gone@bounce.example", "fine@bounce.example"));
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(Topics.DELIVERY_STATUS, Events.delivery(tenant.id(), send, 0, DeliveryStatus.SENT, "<a@p>", null, t));
        publish(Topics.DELIVERY_STATUS, Events.delivery(tenant.id(), send, 1, DeliveryStatus.SENT, "<b@p>", null, t));

        Instant bouncedAt = t.plusSeconds(5);
        publish(Topics.BOUNCES, Events.bounced(tenant.id(), send, 0, BounceKind.HARD, "5.1.1", REMOTE, bouncedAt));

        JsonNode after = awaitSend(tenant.api(), send.sendId(),
                body -> body.get("recipients").get(0).get("status").asString().equals("BOUNCED"));
        JsonNode bounced = after.get("recipients").get(0);
        assertThat(bounced.get("failureReason").asString()).isEqualTo(REMOTE);
        assertThat(after.get("recipients").get(1).get("status").asString()).isEqualTo("SENT");
        assertThat(after.get("status").asString()).as("one recipient got it").isEqualTo("SENT");
        JsonNode entry = after.get("timeline").get(after.get("timeline").size() - 1);
        assertThat(entry.get("step").asString()).isEqualTo("BOUNCED");
        assertThat(entry.get("detail").asString()).isEqualTo("5.1.1: " + REMOTE + " (reported by mta.remote.test)");
        JsonNode listed = tenant.api().get("/api/suppressions").expect(200);
        assertThat(listed).singleElement().satisfies(address -> {
            assertThat(address.get("email").asString()).isEqualTo("gone@bounce.example");
            assertThat(address.get("kind").asString()).isEqualTo("HARD");
            // the bounce's day (the test's own start may be the day before)
            assertThat(address.get("note").asString())
                    .startsWith("bounced on " + bouncedAt.toString().substring(0, 10))
                    .endsWith(REMOTE);
        });
        assertThat(operations().get("/api/operations/sends?status=BOUNCED&limit=200").expect(200).valueStream()
                .map(row -> row.get("send").get("sendId").asString())).contains(send.sendId());
    }

    @Test
    void aSendWhoseOnlyRecipientBouncedIsBouncedAndSoIsItsInvoice() {
        TestTenant tenant = newTenant("Само Отскок ООД");
        SendDetails send = newSend(tenant, List.of("only@bounce.example"));

        publish(Topics.BOUNCES, Events.bounced(tenant.id(), send, 0, BounceKind.HARD, "5.1.10", REMOTE,
                Instant.now()));

        awaitSend(tenant.api(), send.sendId(), body -> body.get("status").asString().equals("BOUNCED"));
        assertThat(tenant.api().get("/api/invoices/" + send.invoiceId()).expect(200).get("sendStatus").asString())
                .isEqualTo("BOUNCED");
    }

    @Test
    void aSoftBounceOnlyGoesIntoTheTimelineAndAComplaintListsTheAddressWithoutChangingTheStatus() {
        TestTenant tenant = newTenant("Меко ООД");
        SendDetails send = newSend(tenant, List.of("slow@bounce.example", "angry@bounce.example"));
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(Topics.DELIVERY_STATUS, Events.delivery(tenant.id(), send, 0, DeliveryStatus.SENT, "<a@p>", null, t));
        publish(Topics.DELIVERY_STATUS, Events.delivery(tenant.id(), send, 1, DeliveryStatus.SENT, "<b@p>", null, t));

        publish(Topics.BOUNCES, Events.bounced(tenant.id(), send, 0, BounceKind.SOFT, "4.4.1",
                "connect to mx.bounce.example: Connection timed out", t.plusSeconds(1)));
        publish(Topics.BOUNCES, Events.bounced(tenant.id(), send, 1, BounceKind.COMPLAINT, null,
                "complaint (feedback type abuse)", t.plusSeconds(2)));

        JsonNode after = awaitSend(tenant.api(), send.sendId(),
                body -> steps(body).containsAll(List.of("SOFT_BOUNCE", "COMPLAINED")));
        assertThat(after.get("recipients").valueStream().map(recipient -> recipient.get("status").asString()))
                .containsExactly("SENT", "SENT");
        assertThat(tenant.api().get("/api/suppressions").expect(200).valueStream()
                .map(address -> address.get("email").asString() + " " + address.get("kind").asString()))
                .containsExactly("angry@bounce.example COMPLAINT");
    }

    @Test
    void thePreviewFlagsAListedAddressAndBulkSendsSkipItUnlessConfirmedUntilItIsCleared() {
        TestTenant tenant = newTenant("Списък ООД");
        SendDetails first = newSend(tenant, List.of("Gone@Bounce.example", "kept@bounce.example"));
        publish(Topics.BOUNCES, Events.bounced(tenant.id(), first, 0, BounceKind.HARD, "5.1.1", REMOTE,
                Instant.now()));
        await(tenant, "gone@bounce.example");
        String twoAddresses = newClient(tenant.api(), List.of("gone@bounce.example", "kept@bounce.example"), "BG");
        String onlyListed = newClient(tenant.api(), List.of("GONE@bounce.example"), "BG");
        String both = issuedInvoice(tenant.api(), twoAddresses).get("id").asString();
        String alone = issuedInvoice(tenant.api(), onlyListed).get("id").asString();

        JsonNode preview = tenant.api().post("/api/sends/preview", Map.of("invoiceIds", List.of(both, alone)))
                .expect(200).get("items");
        assertThat(preview.get(0).get("sendable").asBoolean()).isTrue();
        assertThat(preview.get(0).get("suppressed")).singleElement().satisfies(flag -> {
            assertThat(flag.get("email").asString()).isEqualTo("gone@bounce.example");
            assertThat(flag.get("note").asString()).startsWith("bounced on ").contains(REMOTE);
        });

        var refused = tenant.api().post("/api/sends", Map.of("invoices", List.of(Map.of("invoiceId", both),
                Map.of("invoiceId", alone))));
        assertProblem(refused, 409, "invoices[1].recipients");
        assertThat(refused.body().toString()).contains("bounced on");

        JsonNode sent = tenant.api().post("/api/sends", Map.of("invoices", List.of(Map.of("invoiceId", both),
                Map.of("invoiceId", alone, "confirmSuppressed", true)))).expect(202).get("sends");
        assertThat(recipients(tenant, sent.get(0).get("sendId").asString())).containsExactly("kept@bounce.example");
        assertThat(recipients(tenant, sent.get(1).get("sendId").asString())).containsExactly("GONE@bounce.example");

        tenant.api().delete("/api/suppressions/GONE@bounce.example").expect(204);
        assertThat(tenant.api().get("/api/suppressions").expect(200)).isEmpty();
        JsonNode again = tenant.api().post("/api/sends", Map.of("invoices", List.of(Map.of("invoiceId", both))))
                .expect(202).get("sends");
        assertThat(recipients(tenant, again.get(0).get("sendId").asString()))
                .containsExactly("gone@bounce.example", "kept@bounce.example");
    }

    @Test
    void anotherTenantCanNeitherSeeNorClearAListedAddress() {
        TestTenant owner = newTenant("Собственик ООД");
        TestTenant other = newTenant("Друг ООД");
        SendDetails send = newSend(owner, List.of("private@bounce.example"));
        publish(Topics.BOUNCES, Events.bounced(owner.id(), send, 0, BounceKind.HARD, "5.1.1", REMOTE, Instant.now()));
        await(owner, "private@bounce.example");

        assertThat(other.api().get("/api/suppressions").expect(200)).isEmpty();
        assertProblem(other.api().delete("/api/suppressions/private@bounce.example"), 404, "email");
        assertThat(owner.api().get("/api/suppressions").expect(200)).hasSize(1);
        assertProblem(owner.api().delete("/api/suppressions/never@bounce.example"), 404, "email");
    }

    @Test
    void aBounceReportOfANewerMinorVersionIsReadAndOneOfAnUnknownMajorVersionIsDeadLettered() {
        TestTenant tenant = newTenant("Еволюция Отскок ООД");
        SendDetails send = newSend(tenant, List.of("evolve@bounce.example"));
        EmailBounced newer = Events.bounced(tenant.id(), send, 0, BounceKind.HARD, "5.1.1", REMOTE, Instant.now());
        EmailBounced unknownMajor = Events.bounced(tenant.id(), send, 0, BounceKind.HARD, "5.1.1", "from the future",
                Instant.now());
        try (TopicProbe deadLetters = new TopicProbe(brokers, Topics.BOUNCES + ".invoice-service"
                + Topics.DEAD_LETTER_SUFFIX)) {
            publish(Topics.BOUNCES, unknownMajor.key(), EventEvolution.asUnknownMajorVersion(
                    json.writeValueAsString(unknownMajor), EmailBounced.class));
            publish(Topics.BOUNCES, newer.key(), EventEvolution.withNewerMinorFields(json.writeValueAsString(newer)));

            awaitSend(tenant.api(), send.sendId(), body -> body.get("status").asString().equals("BOUNCED"));
            ConsumerRecord<String, String> dead = deadLetters.await(
                    record -> record.value().contains(unknownMajor.eventId()), PATIENCE);
            assertThat(TopicProbe.header(dead, "x-exception-message"))
                    .startsWith(EventEvolution.refusedMajorReason(EmailBounced.class));
            assertThat(deadLetters.drain(Duration.ofMillis(300)))
                    .noneMatch(record -> record.value().contains(EventEvolution.ADDED_FIELD));
        }
        assertThat(tenant.api().get("/api/sends/" + send.sendId()).expect(200).get("recipients").get(0)
                .get("failureReason").asString()).isEqualTo(REMOTE);
    }

    private SendDetails newSend(TestTenant tenant, List<String> emails) {
        JsonNode invoice = issuedInvoice(tenant.api(), newClient(tenant.api(), emails, "BG"));
        return send(tenant.api(), invoice.get("id").asString(), Map.of()).send();
    }

    private static void await(TestTenant tenant, String listed) {
        org.awaitility.Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> tenant.api().get("/api/suppressions").expect(200).valueStream()
                        .anyMatch(address -> address.get("email").asString().equals(listed)));
    }

    private static List<String> recipients(TestTenant tenant, String sendId) {
        return tenant.api().get("/api/sends/" + sendId).expect(200).get("recipients").valueStream()
                .map(recipient -> recipient.get("email").asString()).toList();
    }
}

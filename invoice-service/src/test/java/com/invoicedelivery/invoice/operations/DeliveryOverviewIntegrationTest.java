package com.invoicedelivery.invoice.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.events.DeliveryStatus;
import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.invoice.testing.Events;
import com.invoicedelivery.invoice.testing.RestCalls;
import com.invoicedelivery.invoice.testing.ServiceScenarios;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The delivery overview against a scripted mix of outcomes (sent after known delays, deferred, failed, still
 * waiting to be rendered or sent), for a tenant's admin and for operations; and a "retry now" request as the
 * send's timeline records it.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "invoice.links.base-url=http://links.test")
class DeliveryOverviewIntegrationTest extends ServiceScenarios {

    private static final String BOUNCED = "the mail server mx.example:25 refused the message: 550 mailbox unavailable";
    private static final String GREYLISTED = "the mail server mx.example:25 deferred the message: 451 greylisted";

    @Test
    void theOverviewCountsAScriptedMixOfOutcomesWithTheirReasonsOldestWaitingItemsAndAcceptancePercentiles() {
        Instant start = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        TestTenant tenant = newTenant("Преглед ООД");
        List<SendDetails> sent = new ArrayList<>();
        List<Instant> requestedAt = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SendDetails send = sendTo(tenant, "sent-" + i + "@e2e.example");
            sent.add(send);
            requestedAt.add(Instant.parse(tenant.api().get("/api/sends/" + send.sendId()).expect(200)
                    .get("requestedAt").asString()));
        }
        SendDetails deferred = sendTo(tenant, "deferred@e2e.example");
        SendDetails bounced = sendTo(tenant, "bounced@e2e.example");
        SendDetails bouncedToo = sendTo(tenant, "bounced-too@e2e.example");
        SendDetails rendered = sendTo(tenant, "rendered@e2e.example");
        SendDetails requested = sendTo(tenant, "requested@e2e.example");
        long[] delaysMillis = {1_000, 2_000, 3_000, 10_000};
        for (int i = 0; i < 4; i++) {
            publish(Topics.DELIVERY_STATUS, Events.delivery(tenant.id(), sent.get(i), 0, DeliveryStatus.SENT,
                    "<m-" + i + "@x>", null, requestedAt.get(i).plusMillis(delaysMillis[i])));
        }
        publish(Topics.DELIVERY_STATUS, Events.delivery(tenant.id(), deferred, 0, DeliveryStatus.DEFERRED, null,
                GREYLISTED, Instant.now()));
        publish(Topics.DELIVERY_STATUS, Events.delivery(tenant.id(), bounced, 0, DeliveryStatus.FAILED, null, BOUNCED,
                Instant.now()));
        publish(Topics.DELIVERY_STATUS, Events.delivery(tenant.id(), bouncedToo, 0, DeliveryStatus.FAILED, null,
                BOUNCED, Instant.now()));
        publish(Topics.DOCUMENT_READY, Events.documentReady(tenant.id(), rendered, Instant.now()));
        awaitSend(tenant.api(), rendered.sendId(), body -> body.get("status").asString().equals("RENDERED"));
        for (SendDetails send : List.of(sent.get(0), sent.get(1), sent.get(2), sent.get(3), deferred, bounced,
                bouncedToo)) {
            awaitSend(tenant.api(), send.sendId(), body -> !body.get("status").asString().equals("REQUESTED"));
        }
        String window = "?from=" + start + "&to=" + Instant.now().plusSeconds(60);

        JsonNode own = tenant.api().get("/api/delivery/overview" + window).expect(200);
        JsonNode operations = operations().get("/api/operations/delivery" + window).expect(200);
        JsonNode ofTenant = operations().get("/api/operations/delivery" + window + "&tenantId=" + tenant.id())
                .expect(200);
        JsonNode another = newTenant("Друг ООД").api().get("/api/delivery/overview" + window).expect(200);

        assertThat(own.get("sends").asLong()).isEqualTo(9);
        assertThat(own.get("recipients").asLong()).isEqualTo(9);
        JsonNode statuses = own.get("statuses");
        assertThat(statuses.get("SENT").asLong()).isEqualTo(4);
        assertThat(statuses.get("DEFERRED").asLong()).isEqualTo(1);
        assertThat(statuses.get("FAILED").asLong()).isEqualTo(2);
        assertThat(statuses.get("RENDERED").asLong()).isEqualTo(1);
        assertThat(statuses.get("REQUESTED").asLong()).isEqualTo(1);
        assertThat(statuses.get("OUTCOME_UNKNOWN").asLong()).isZero();
        assertThat(own.get("topFailureReasons").get(0).get("reason").asString()).isEqualTo(BOUNCED);
        assertThat(own.get("topFailureReasons").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(own.get("topDeferralReasons").get(0).get("reason").asString()).isEqualTo(GREYLISTED);
        JsonNode latency = own.get("requestToAcceptance");
        assertThat(latency.get("count").asLong()).isEqualTo(4);
        assertThat(latency.get("p50Millis").asLong()).isEqualTo(2_000);
        assertThat(latency.get("p95Millis").asLong()).isEqualTo(10_000);
        assertThat(latency.get("p99Millis").asLong()).isEqualTo(10_000);
        assertThat(oldest(own, "REQUESTED_NOT_RENDERED").get("sendId").asString()).isEqualTo(requested.sendId());
        assertThat(oldest(own, "RENDERED_NOT_SENT").get("sendId").asString()).isEqualTo(rendered.sendId());
        assertThat(oldest(own, "DEFERRED").get("sendId").asString()).isEqualTo(deferred.sendId());
        assertThat(oldest(own, "DEFERRED").get("ageSeconds").asLong()).isNotNegative();
        assertThat(oldest(own, "OUTCOME_UNKNOWN")).isNull();

        assertThat(ofTenant.get("statuses")).isEqualTo(statuses);
        assertThat(ofTenant.get("requestToAcceptance")).isEqualTo(latency);
        assertThat(operations.get("sends").asLong()).as("every tenant's").isGreaterThanOrEqualTo(9);
        assertThat(operations.get("statuses").get("FAILED").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(another.get("sends").asLong()).as("another tenant sees none of it").isZero();
        assertThat(another.get("oldestInProgress")).isEmpty();
    }

    @Test
    void aBadWindowIsAProblemNamingTheFieldAndOnlyAdminsAndOperationsMayAsk() {
        TestTenant tenant = newTenant("Прозорец ООД");

        assertProblem(operations().get("/api/operations/delivery?from=yesterday"), 400, "from");
        assertProblem(operations().get("/api/operations/delivery?to=2026-13-01T00:00:00Z"), 400, "to");
        assertProblem(operations().get("/api/operations/delivery?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z"),
                400, "from");
        RestCalls.Response tooLong = operations().get(
                "/api/operations/delivery?from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z");
        assertProblem(tooLong, 400, "from");
        assertThat(tooLong.body().get("limit").asInt()).isEqualTo(31);
        assertProblem(tenant.api().get("/api/delivery/overview?from=nonsense"), 400, "from");
        assertProblem(tenant.api().get("/api/operations/delivery"), 403, null);
        assertProblem(tenant.api().as(TestTokens.user(tenant.id())).get("/api/delivery/overview"), 403, null);
        assertThat(operations().get("/api/operations/delivery").expect(200).get("statuses").get("SENT").asLong())
                .as("the last 24 hours by default").isNotNegative();
    }

    @Test
    void aRetryRequestIsInTheSendsTimelineWithWhoAskedAndChangesNoStatus() {
        TestTenant tenant = newTenant("Повторно ООД");
        SendDetails send = sendTo(tenant, "retry@e2e.example");
        Instant at = Instant.now();
        publish(Topics.DELIVERY_STATUS, Events.delivery(tenant.id(), send, 0, DeliveryStatus.DEFERRED, "<r@x>",
                GREYLISTED, at));
        awaitSend(tenant.api(), send.sendId(), body -> body.get("status").asString().equals("DEFERRED"));
        EmailDeliveryStatusChanged retry = Events.delivery(tenant.id(), send, 0, DeliveryStatus.DEFERRED, "<r@x>",
                GREYLISTED, at.plusSeconds(5));
        publish(Topics.DELIVERY_STATUS, new EmailDeliveryStatusChanged(retry.eventId(), retry.occurredAt(),
                retry.tenantId(), retry.schemaVersion(), retry.sendId(), retry.invoiceId(), retry.recipientId(),
                retry.email(), retry.status(), retry.messageId(), retry.smtpReply(), retry.attempt(),
                retry.occurredAt(), retry.reason(), "admin@" + tenant.id() + " (tenant admin)"));

        JsonNode after = awaitSend(tenant.api(), send.sendId(), body -> steps(body).contains("RETRY_REQUESTED"));

        JsonNode entry = after.get("timeline").valueStream()
                .filter(step -> step.get("step").asString().equals("RETRY_REQUESTED")).findFirst().orElseThrow();
        assertThat(entry.get("detail").asString()).startsWith("requested by admin@" + tenant.id() + " (tenant admin)");
        assertThat(entry.get("recipientId").asString()).isEqualTo(send.recipients().get(0).recipientId());
        assertThat(after.get("recipients").get(0).get("status").asString()).isEqualTo("DEFERRED");
        assertThat(after.get("recipients").get(0).get("failureReason").asString()).isEqualTo(GREYLISTED);
    }

    private SendDetails sendTo(TestTenant tenant, String address) {
        JsonNode invoice = issuedInvoice(tenant.api(), newClient(tenant.api(), List.of(address), "BG"));
        return send(tenant.api(), invoice.get("id").asString(), Map.of()).send();
    }

    private static JsonNode oldest(JsonNode overview, String stage) {
        return overview.get("oldestInProgress").valueStream()
                .filter(item -> item.get("stage").asString().equals(stage)).findFirst().orElse(null);
    }
}

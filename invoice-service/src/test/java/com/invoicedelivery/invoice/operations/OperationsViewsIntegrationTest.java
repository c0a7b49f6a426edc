package com.invoicedelivery.invoice.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.events.DeliveryStatus;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.invoice.testing.Events;
import com.invoicedelivery.invoice.testing.ServiceScenarios;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Operations' read-only views across tenants: the tenant registry and the sends that need a person. */
@ServiceIntegrationTest
@TestPropertySource(properties = "invoice.links.base-url=http://links.test")
class OperationsViewsIntegrationTest extends ServiceScenarios {

    @Test
    void operationsSeeTheFailedSendsOfEveryTenantAndTenantsSeeNoneOfThat() {
        TestTenant first = newTenant("Първи неуспех ООД");
        TestTenant second = newTenant("Втори неуспех ООД");
        SendDetails failed = sendTo(first, "bounced@e2e.example");
        SendDetails unknown = sendTo(second, "unknown@e2e.example");
        SendDetails fine = sendTo(second, "fine@e2e.example");
        publish(Topics.DELIVERY_STATUS, Events.delivery(first.id(), failed, 0, DeliveryStatus.FAILED, null,
                "550 mailbox unavailable", Instant.now()));
        publish(Topics.DELIVERY_STATUS, Events.delivery(second.id(), unknown, 0, DeliveryStatus.OUTCOME_UNKNOWN, null,
                "the connection broke after the message", Instant.now()));
        publish(Topics.DELIVERY_STATUS, Events.delivery(second.id(), fine, 0, DeliveryStatus.SENT, "<m@x>", null,
                Instant.now()));
        awaitSend(second.api(), fine.sendId(), body -> body.get("status").asString().equals("SENT"));
        awaitSend(first.api(), failed.sendId(), body -> body.get("status").asString().equals("FAILED"));

        JsonNode attention = awaitAttention(List.of(failed.sendId(), unknown.sendId()));
        assertThat(sendIds(attention)).doesNotContain(fine.sendId());
        attention.forEach(entry -> {
            if (entry.get("send").get("sendId").asString().equals(failed.sendId())) {
                assertThat(entry.get("tenantId").asString()).isEqualTo(first.id());
            }
        });
        assertThat(sendIds(operations().get("/api/operations/sends?status=FAILED").expect(200)))
                .contains(failed.sendId()).doesNotContain(unknown.sendId());

        assertProblem(first.api().get("/api/operations/sends"), 403, null);
        assertProblem(operations().get("/api/operations/sends?limit=0"), 400, "limit");
        assertProblem(operations().get("/api/operations/sends?status=LOST"), 400, null);
    }

    @Test
    void operationsListTheTenantsAndATenantUserCannot() {
        TestTenant tenant = newTenant("Списък ООД");

        List<String> ids = new ArrayList<>();
        operations().get("/api/operations/tenants").expect(200).forEach(entry -> ids.add(entry.get("id").asString()));
        assertThat(ids).contains(tenant.id());
        assertProblem(tenant.api().get("/api/operations/tenants"), 403, null);
        assertProblem(operations().as(TestTokens.admin(tenant.id())).get("/api/operations/tenants/" + tenant.id()), 403, null);
        assertProblem(operations().get("/api/operations/tenants?limit=501"), 400, "limit");
    }

    private SendDetails sendTo(TestTenant tenant, String address) {
        JsonNode invoice = issuedInvoice(tenant.api(), newClient(tenant.api(), List.of(address), "BG"));
        return send(tenant.api(), invoice.get("id").asString(), Map.of()).send();
    }

    private JsonNode awaitAttention(List<String> sendIds) {
        return await().atMost(PATIENCE).until(() -> operations().get("/api/operations/sends").expect(200),
                entries -> sendIds(entries).containsAll(sendIds));
    }

    private static List<String> sendIds(JsonNode entries) {
        List<String> ids = new ArrayList<>();
        entries.forEach(entry -> ids.add(entry.get("send").get("sendId").asString()));
        return ids;
    }
}

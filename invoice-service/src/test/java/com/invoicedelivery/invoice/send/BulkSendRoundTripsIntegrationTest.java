package com.invoicedelivery.invoice.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.invoice.testing.Requests;
import com.invoicedelivery.invoice.testing.ServiceScenarios;
import com.invoicedelivery.invoice.testing.StoreCommands;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What one bulk send costs in store round trips, counted on the wire: a request for 200 invoices talks to the store
 * as often as one for 20 (batch reads and writes, not one round trip per invoice per collection).
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "invoice.links.base-url=http://links.test")
class BulkSendRoundTripsIntegrationTest extends ServiceScenarios {

    private static final int CLIENTS = 5;

    @Autowired
    private StoreCommands commands;

    @Test
    void aBulkSendOfTwoHundredInvoicesSendsTheStoreAsManyCommandsAsOneOfTwentyWithOrWithoutAKeyAndWhenRepeated() {
        TestTenant tenant = newTenant("Обем ООД");
        List<String> clients = clients(tenant);
        List<String> twenty = issuedInvoices(tenant, clients, 20);
        List<String> twoHundred = issuedInvoices(tenant, clients, 200);
        bulkSend(tenant, twenty.subList(0, 1), null); // whatever the first request of a tenant does once

        Map<String, Integer> few = commands.during(() -> bulkSend(tenant, twenty, null));
        Map<String, Integer> many = commands.during(() -> bulkSend(tenant, twoHundred, null));
        Map<String, Integer> fewWithKey = commands.during(() -> bulkSend(tenant, twenty, "volume-20"));
        Map<String, Integer> manyWithKey = commands.during(() -> bulkSend(tenant, twoHundred, "volume-200"));
        Map<String, Integer> fewRepeated = commands.during(() -> bulkSend(tenant, twenty, "volume-20"));
        Map<String, Integer> manyRepeated = commands.during(() -> bulkSend(tenant, twoHundred, "volume-200"));

        assertThat(many).as("store commands of 200 invoices (20 invoices: %s)", few).isEqualTo(few);
        assertThat(manyWithKey).as("with a key, 200 invoices (20: %s)", fewWithKey).isEqualTo(fewWithKey);
        assertThat(manyRepeated).as("repeated with its key, 200 invoices (20: %s)", fewRepeated)
                .isEqualTo(fewRepeated);
    }

    /**
     * Not a test: the time of one 200-invoice bulk send, printed, for comparing versions by hand. Run with
     * {@code -Dbulk.timing=true -Dtest=BulkSendRoundTripsIntegrationTest}.
     */
    @Test
    @EnabledIfSystemProperty(named = "bulk.timing", matches = "true")
    void timeOfATwoHundredInvoiceBulkSend() {
        TestTenant tenant = newTenant("Време ООД");
        List<String> clients = clients(tenant);
        for (int round = 0; round < 8; round++) {
            List<String> invoices = issuedInvoices(tenant, clients, 200);
            String key = "timing-" + round;
            long start = System.nanoTime();
            Map<String, Integer> sent = commands.during(() -> bulkSend(tenant, invoices, key));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("bulk send of 200 invoices, round %d: %d ms, store commands %s%n", round, millis, sent);
            start = System.nanoTime();
            Map<String, Integer> repeated = commands.during(() -> bulkSend(tenant, invoices, key));
            millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("  the same request again: %d ms, store commands %s%n", millis, repeated);
        }
    }

    private List<String> clients(TestTenant tenant) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            ids.add(newClient(tenant.api(), List.of("client" + i + "@e2e.example"), i % 2 == 0 ? "BG" : "EN"));
        }
        return ids;
    }

    private static List<String> issuedInvoices(TestTenant tenant, List<String> clients, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = tenant.api().post("/api/invoices", Requests.invoice(clients.get(i % clients.size()), "1", "10.00"))
                    .expect(201).get("id").asString();
            tenant.api().post("/api/invoices/" + id + "/issue", Map.of()).expect(200);
            ids.add(id);
        }
        return ids;
    }

    private static void bulkSend(TestTenant tenant, List<String> invoiceIds, String idempotencyKey) {
        Map<String, Object> body = Map.of("invoices", invoiceIds.stream().map(id -> Map.of("invoiceId", id)).toList());
        JsonNode sends = (idempotencyKey == null ? tenant.api().post("/api/sends", body)
                : tenant.api().postWithHeader("/api/sends", body, "Idempotency-Key", idempotencyKey)).expect(202)
                .get("sends");
        assertThat(sends).hasSize(invoiceIds.size());
    }
}

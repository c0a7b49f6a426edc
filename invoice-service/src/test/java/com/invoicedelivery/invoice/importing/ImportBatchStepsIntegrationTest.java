package com.invoicedelivery.invoice.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.ImportedClient;
import com.invoicedelivery.events.ImportedInvoice;
import com.invoicedelivery.events.ImportedLine;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.importing.persistence.ImportBatchStore;
import com.invoicedelivery.invoice.testing.Requests;
import com.invoicedelivery.invoice.testing.ServiceScenarios;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The batch steps of an import (clients, then invoices, then sends, each for all rows at once) keep what a row by
 * row import did: a batch cut short runs again without making anything twice, and invoice numbers follow the rows.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "invoice.links.base-url=http://links.test")
class ImportBatchStepsIntegrationTest extends ServiceScenarios {

    @Autowired
    private MongoTemplate store;

    @Test
    void aBatchCutShortAfterItsRowsWereStoredRunsAgainWithTheSameClientsInvoicesNumbersAndSends() {
        TestTenant tenant = newTenant("Прекъснат импорт ООД");
        String batchId = "batch-" + UUID.randomUUID();
        List<ImportedInvoice> rows = List.of(row("ext-0", described("one@e2e.example", "GB700000001"), null),
                row("ext-1", described("two@e2e.example", "GB700000001"), null),
                row("ext-2", described("three@e2e.example", null), null));
        JsonNode first = importBatch(tenant, batchId, rows);
        // what a crash between the sends and the batch's record leaves: everything but the record
        store.remove(query(where("_id").is(ImportBatchStore.id(tenant.id(), batchId))), ImportBatchStore.COLLECTION);

        JsonNode again = importBatch(tenant, batchId, rows);

        for (int row = 0; row < rows.size(); row++) {
            assertThat(again.get("rows").get(row).get("status").asString()).isEqualTo("IMPORTED");
            assertThat(again.get("rows").get(row).get("invoiceId")).isEqualTo(first.get("rows").get(row).get("invoiceId"));
            assertThat(again.get("rows").get(row).get("sendId")).isEqualTo(first.get("rows").get(row).get("sendId"));
            assertThat(again.get("rows").get(row).get("client").get("clientId"))
                    .isEqualTo(first.get("rows").get(row).get("client").get("clientId"));
        }
        assertThat(tenant.api().get("/api/invoices").expect(200).valueStream().map(invoice -> invoice.get("number")
                .asString())).containsExactly("0000000003", "0000000002", "0000000001");
        assertThat(tenant.api().get("/api/clients").expect(200)).hasSize(2);
        String invoiceId = first.get("rows").get(0).get("invoiceId").asString();
        assertThat(tenant.api().get("/api/invoices/" + invoiceId + "/sends").expect(200)).hasSize(1);
    }

    @Test
    void automaticNumbersFollowTheRowsAndAChosenNumberBeforeThemAndANumberChosenTwiceIsRefusedTheSecondTime() {
        TestTenant tenant = newTenant("Номера ООД");
        String client = newClient(tenant.api(), List.of("numbers@e2e.example"), "BG");
        JsonNode block = importBatch(tenant, "batch-" + UUID.randomUUID(),
                List.of(row("ext-0", null, client), row("ext-1", null, client)));
        JsonNode mixed = importBatch(tenant, "batch-" + UUID.randomUUID(), List.of(row("ext-2", null, client),
                numbered(row("ext-3", null, client), "0000000010"), row("ext-4", null, client)));
        JsonNode chosen = importBatch(tenant, "batch-" + UUID.randomUUID(), List.of(
                numbered(row("ext-5", null, client), "0000000020"), numbered(row("ext-6", null, client), "0000000020")));

        assertThat(numbers(tenant, block)).containsExactly("0000000001", "0000000002");
        assertThat(numbers(tenant, mixed)).containsExactly("0000000003", "0000000010", "0000000011");
        assertThat(chosen.get("rows").get(0).get("status").asString()).isEqualTo("IMPORTED");
        assertThat(chosen.get("rows").get(1).get("status").asString()).isEqualTo("REFUSED");
        assertThat(chosen.get("rows").get(1).get("errors").get(0).get("field").asString()).isEqualTo("number");
        JsonNode next = importBatch(tenant, "batch-" + UUID.randomUUID(), List.of(row("ext-7", null, client)));
        assertThat(numbers(tenant, next)).as("after the highest chosen").containsExactly("0000000021");
    }

    private static List<String> numbers(TestTenant tenant, JsonNode answer) {
        return answer.get("rows").valueStream().map(row -> tenant.api().get("/api/invoices/"
                + row.get("invoiceId").asString()).expect(200).get("number").asString()).toList();
    }

    private static ImportedClient described(String email, String uic) {
        return new ImportedClient("Прекъснат Клиент ООД", "1 Main Street", "London", "United Kingdom", uic, null,
                "Jane Doe", List.of(email), Language.EN);
    }

    private static ImportedInvoice row(String externalRef, ImportedClient client, String clientId) {
        return new ImportedInvoice(externalRef, clientId, client, null, DocumentKind.INVOICE, Requests.ISSUE_DATE,
                Requests.ISSUE_DATE, Requests.ISSUE_DATE.plusDays(14), "EUR", "Банков превод",
                List.of(new ImportedLine("Абонамент", new BigDecimal("1"), "бр.", new BigDecimal("99.90"),
                        new BigDecimal("20"), null)), null, null);
    }

    private static ImportedInvoice numbered(ImportedInvoice row, String number) {
        return new ImportedInvoice(row.externalRef(), row.clientId(), row.client(), number, row.kind(), row.issueDate(),
                row.taxEventDate(), row.dueDate(), row.currency(), row.paymentMethod(), row.lines(), row.notes(),
                row.send());
    }

    private static JsonNode importBatch(TestTenant tenant, String batchId, List<ImportedInvoice> rows) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", batchId);
        body.put("sendAfterImport", true);
        body.put("invoices", rows);
        return tenant.api().post("/api/imports", body).expect(200);
    }
}

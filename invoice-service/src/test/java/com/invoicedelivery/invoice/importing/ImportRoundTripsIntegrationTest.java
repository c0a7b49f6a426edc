package com.invoicedelivery.invoice.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.ImportedClient;
import com.invoicedelivery.events.ImportedInvoice;
import com.invoicedelivery.events.ImportedLine;
import com.invoicedelivery.events.Language;
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
 * What one import-then-send batch costs in store round trips, counted on the wire: a batch of 200 rows talks to the
 * store as often as one of 20 (batch reads and writes, not one round trip per row per collection), whether its rows
 * make new clients or find the ones a batch made before, and when the batch is delivered again.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "invoice.links.base-url=http://links.test")
class ImportRoundTripsIntegrationTest extends ServiceScenarios {

    @Autowired
    private StoreCommands commands;

    @Test
    void anImportThenSendOfTwoHundredRowsSendsTheStoreAsManyCommandsAsOneOfTwentyNewOrKnownClientsAndWhenRepeated() {
        TestTenant tenant = newTenant("Обемен импорт ООД");
        String named = newClient(tenant.api(), List.of("named@e2e.example"), "BG");
        importBatch(tenant, "warm-up", rows(named, "W", 1)); // whatever the first batch of a tenant does once

        String few = "few-" + UUID.randomUUID();
        String many = "many-" + UUID.randomUUID();
        Map<String, Integer> fewNew = commands.during(() -> importBatch(tenant, few, rows(named, "F", 20)));
        Map<String, Integer> manyNew = commands.during(() -> importBatch(tenant, many, rows(named, "M", 200)));
        // other batches describing the clients those made: every client found by its UIC, MATCHED or UPDATED
        Map<String, Integer> fewKnown = commands.during(() -> importBatch(tenant, few + "-b", rows(named, "F", 20)));
        Map<String, Integer> manyKnown = commands.during(() -> importBatch(tenant, many + "-b", rows(named, "M", 200)));
        Map<String, Integer> fewAgain = commands.during(() -> importBatch(tenant, few, rows(named, "F", 20)));
        Map<String, Integer> manyAgain = commands.during(() -> importBatch(tenant, many, rows(named, "M", 200)));

        assertThat(manyNew).as("store commands of 200 rows (20 rows: %s)", fewNew).isEqualTo(fewNew);
        assertThat(manyKnown).as("200 rows of known clients (20 rows: %s)", fewKnown).isEqualTo(fewKnown);
        assertThat(manyAgain).as("the batch of 200 rows again (20 rows: %s)", fewAgain).isEqualTo(fewAgain);
    }

    /**
     * Not a test: the time of one 200-row import-then-send, printed, for comparing versions by hand. Run with
     * {@code -Dimport.timing=true -Dtest=ImportRoundTripsIntegrationTest}.
     */
    @Test
    @EnabledIfSystemProperty(named = "import.timing", matches = "true")
    void timeOfATwoHundredRowImportThenSend() {
        TestTenant tenant = newTenant("Време импорт ООД");
        String named = newClient(tenant.api(), List.of("named@e2e.example"), "BG");
        for (int round = 0; round < 8; round++) {
            String batchId = "timing-" + round;
            List<ImportedInvoice> rows = rows(named, "T" + round, 200);
            long start = System.nanoTime();
            Map<String, Integer> made = commands.during(() -> importBatch(tenant, batchId, rows));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("import then send of 200 rows, round %d: %d ms, store commands %s%n", round, millis, made);
        }
    }

    /**
     * {@code count} rows: every fourth names the client {@code named}; the others describe a client by a UIC (of
     * {@code series}) two rows share, the second with another address.
     */
    private static List<ImportedInvoice> rows(String named, String series, int count) {
        List<ImportedInvoice> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ImportedClient described = i % 4 == 0 ? null : new ImportedClient("Volume Client " + series + (i / 2) + " Ltd",
                    "1 Main Street", "London", "United Kingdom", "GB" + series + String.format("%06d", i / 2), null,
                    "Jane Doe", List.of("row" + i + "@e2e.example"), Language.EN);
            rows.add(new ImportedInvoice("ext-" + i, described == null ? named : null, described, null,
                    DocumentKind.INVOICE, Requests.ISSUE_DATE, Requests.ISSUE_DATE, Requests.ISSUE_DATE.plusDays(14),
                    "EUR", "Банков превод", List.of(new ImportedLine("Абонамент", new BigDecimal("1"), "бр.",
                            new BigDecimal("99.90"), new BigDecimal("20"), null)), null, null));
        }
        return rows;
    }

    private static void importBatch(TestTenant tenant, String batchId, List<ImportedInvoice> rows) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", batchId);
        body.put("sendAfterImport", true);
        body.put("invoices", rows);
        JsonNode answer = tenant.api().post("/api/imports", body).expect(200);
        assertThat(answer.get("rows").valueStream().map(row -> row.get("status").asString()))
                .as("every row imported (or imported before)").allMatch(status -> status.contains("IMPORTED"));
        assertThat(answer.get("rows")).hasSize(rows.size());
    }
}

package com.invoicedelivery.invoice.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.invoicedelivery.events.ClientPolicy;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.ImportRowResult;
import com.invoicedelivery.events.ImportRowResult.ClientUse;
import com.invoicedelivery.events.ImportedClient;
import com.invoicedelivery.events.ImportedInvoice;
import com.invoicedelivery.events.ImportedLine;
import com.invoicedelivery.events.InvoiceImportCompleted;
import com.invoicedelivery.events.InvoiceImportRequested;
import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.SendOverrides;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.invoice.testing.Requests;
import com.invoicedelivery.invoice.testing.RestCalls;
import com.invoicedelivery.invoice.testing.ServiceScenarios;
import com.invoicedelivery.kit.testing.EventContractCheck;
import com.invoicedelivery.kit.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Import then send, as the REST API and a bulk importer on Kafka ask for it: good and bad rows in one batch, the
 * per-row answer, the sends of the good rows, a batch delivered again, and records that cannot be read.
 */
public abstract class ImportScenarios extends ServiceScenarios {

    @Test
    void aBatchImportsAndSendsTheGoodRowsAndRefusesTheBadOnesWithTheirReasons() {
        TestTenant tenant = newTenant("Импорт ООД");
        String existing = newClient(tenant.api(), List.of("existing@e2e.example"), "BG");
        String batchId = "batch-" + UUID.randomUUID();
        List<ImportedInvoice> rows = List.of(
                row("ext-0", existing, null, List.of(line("20")), null),
                row("ext-1", null, newClient("new@e2e.example", "GB123456789"), List.of(line("20")), null),
                row("ext-2", existing, null, List.of(), null),
                row("ext-3", existing, null, List.of(line("7")), null),
                row("ext-4", existing, null, List.of(line("9")),
                        new SendOverrides(List.of("override@e2e.example"), "Внесена фактура {invoiceNumber}", null, Language.EN)),
                row("ext-5", "no-such-client", null, List.of(line("20")), null),
                row("ext-6", null, null, List.of(line("20")), new SendOverrides(List.of("bad"), null, null, null)));

        JsonNode answer = importBatch(tenant.api(), batchId, true, rows).expect(200);

        assertThat(answer.get("batchId").asString()).isEqualTo(batchId);
        assertThat(statuses(answer)).containsExactly("IMPORTED", "IMPORTED", "REFUSED", "REFUSED", "IMPORTED",
                "REFUSED", "REFUSED");
        assertThat(errorFields(answer.get("rows").get(2))).containsExactly("lines");
        assertThat(errorFields(answer.get("rows").get(3))).containsExactly("lines[0].vatRate");
        assertThat(errorFields(answer.get("rows").get(5))).containsExactly("clientId");
        assertThat(errorFields(answer.get("rows").get(6))).containsExactly("clientId", "send.recipients[0]");
        assertThat(answer.get("rows").get(3).get("externalRef").asString()).isEqualTo("ext-3");
        JsonNode imported = answer.get("rows").get(4);
        JsonNode invoice = tenant.api().get("/api/invoices/" + imported.get("invoiceId").asString()).expect(200);
        assertThat(invoice.get("status").asString()).isEqualTo("ISSUED");
        assertThat(invoice.get("clientId").asString()).isEqualTo(existing);
        assertThat(invoice.get("totals").get("total").asString()).isEqualTo("108.89");
        SendDetails overridden = requested(imported.get("sendId").asString());
        assertThat(overridden.recipients()).extracting(Recipient::email).containsExactly("override@e2e.example");
        assertThat(overridden.subject()).isEqualTo("Внесена фактура " + invoice.get("number").asString());
        assertThat(overridden.language()).isEqualTo(Language.EN);
        SendDetails described = requested(answer.get("rows").get(1).get("sendId").asString());
        assertThat(described.recipients()).extracting(Recipient::email).containsExactly("new@e2e.example");
        assertThat(described.language()).as("the new client's language").isEqualTo(Language.EN);
        assertThat(tenant.api().get("/api/invoices").expect(200)).hasSize(3);
        assertThat(tenant.api().get("/api/clients").expect(200)).hasSize(2);
    }

    @Test
    void theSameBatchAgainImportsAndSendsNothingAndAnswersWithTheFirstIds() {
        TestTenant tenant = newTenant("Повторен импорт ООД");
        String existing = newClient(tenant.api(), List.of("again@e2e.example"), "BG");
        String batchId = "batch-" + UUID.randomUUID();
        List<ImportedInvoice> rows = List.of(row("ext-0", existing, null, List.of(line("20")), null),
                row("ext-1", existing, null, List.of(line("7")), null));

        JsonNode first = importBatch(tenant.api(), batchId, true, rows).expect(200);
        JsonNode again = importBatch(tenant.api(), batchId, true, rows).expect(200);

        assertThat(statuses(again)).containsExactly("ALREADY_IMPORTED", "REFUSED");
        assertThat(again.get("rows").get(0).get("invoiceId")).isEqualTo(first.get("rows").get(0).get("invoiceId"));
        assertThat(again.get("rows").get(0).get("sendId")).isEqualTo(first.get("rows").get(0).get("sendId"));
        assertThat(tenant.api().get("/api/invoices").expect(200)).hasSize(1);
        String invoiceId = first.get("rows").get(0).get("invoiceId").asString();
        assertThat(tenant.api().get("/api/invoices/" + invoiceId + "/sends").expect(200)).hasSize(1);
    }

    @Test
    void aDescribedClientIsReusedByItsUicAndImportedInvoicesCanStayUnsent() {
        TestTenant tenant = newTenant("Същ ЕИК ООД");
        String known = tenant.api().post("/api/clients", Requests.client("Известен ООД", List.of("known@e2e.example"), "BG"))
                .expect(201).get("id").asString();

        JsonNode answer = importBatch(tenant.api(), "batch-" + UUID.randomUUID(), false, List.of(
                row("ext-0", null, newClient("same-uic@e2e.example", "103456789"), List.of(line("20")), null),
                row("ext-1", null, newClient("fresh@e2e.example", null), List.of(line("20")), null))).expect(200);

        assertThat(statuses(answer)).containsExactly("IMPORTED", "IMPORTED");
        JsonNode reused = tenant.api().get("/api/invoices/" + answer.get("rows").get(0).get("invoiceId").asString())
                .expect(200);
        assertThat(reused.get("clientId").asString()).isEqualTo(known);
        assertThat(answer.get("rows").get(0).get("sendId").isNull()).as("not sent").isTrue();
        assertThat(tenant.api().get("/api/clients").expect(200)).hasSize(2);
        assertThat(reused.get("sendStatus").isNull()).isTrue();
    }

    @Test
    void aBatchThatBreaksTheRulesOfTheWholeRequestIsRefused() {
        TestTenant tenant = newTenant("Лош импорт ООД");
        List<ImportedInvoice> tooMany = new ArrayList<>();
        for (int i = 0; i <= 500; i++) {
            tooMany.add(row("ext-" + i, "c", null, List.of(line("20")), null));
        }

        assertProblem(importBatch(tenant.api(), " ", false, List.of(row("x", "c", null, List.of(line("20")), null))),
                400, "batchId");
        assertProblem(importBatch(tenant.api(), "b", false, List.of()), 400, "invoices");
        RestCalls.Response refused = importBatch(tenant.api(), "b", false, tooMany);
        assertProblem(refused, 400, "invoices");
        assertThat(refused.body().get("limit").asInt()).isEqualTo(500);
        assertThat(tenant.api().get("/api/invoices").expect(200)).isEmpty();
    }

    @Test
    void aBatchOnKafkaIsAnsweredOnTheCompletedTopicOnceImportedAndAgainWhenDeliveredAgain() {
        TestTenant tenant = newTenant("Кафка импорт ООД");
        String existing = newClient(tenant.api(), List.of("kafka@e2e.example"), "BG");
        String batchId = "batch-" + UUID.randomUUID();
        InvoiceImportRequested request = importRequest(tenant.id(), batchId, List.of(
                row("ext-0", existing, null, List.of(line("20")), null),
                row("ext-1", existing, null, List.of(), null)));

        try (TopicProbe completed = new TopicProbe(brokers, Topics.IMPORT_COMPLETED)) {
            publish(Topics.IMPORT_REQUESTED, request);
            InvoiceImportCompleted first = completion(completed, batchId, null);
            assertThat(first.tenantId()).isEqualTo(tenant.id());
            assertThat(first.rows()).extracting(ImportRowResult::status)
                    .containsExactly(ImportRowResult.Status.IMPORTED, ImportRowResult.Status.REFUSED);
            assertThat(first.rows().get(1).errors()).extracting(ImportRowResult.ImportRowError::field).containsExactly("lines");
            String sendId = first.rows().get(0).sendId();
            assertThat(requested(sendId).recipients()).extracting(Recipient::email).containsExactly("kafka@e2e.example");

            publish(Topics.IMPORT_REQUESTED, importRequest(tenant.id(), batchId, request.invoices()));
            InvoiceImportCompleted again = completion(completed, batchId, first.eventId());
            assertThat(again.rows().get(0).status()).isEqualTo(ImportRowResult.Status.ALREADY_IMPORTED);
            assertThat(again.rows().get(0).invoiceId()).isEqualTo(first.rows().get(0).invoiceId());
            assertThat(again.rows().get(0).sendId()).isEqualTo(sendId);
        }
        assertThat(tenant.api().get("/api/invoices").expect(200)).hasSize(1);
    }

    @Test
    void threeRowsWithOneUicAndThreeAddressesAreEachSentToTheirOwnAddressAndSayHowTheClientChanged() {
        TestTenant tenant = newTenant("Три адреса ООД");
        String batchId = "batch-" + UUID.randomUUID();
        InvoiceImportRequested request = importRequest(tenant.id(), batchId, List.of(
                row("ext-0", null, newClient("first@e2e.example", "204567893"), List.of(line("20")), null),
                row("ext-1", null, newClient("second@e2e.example", "204567893"), List.of(line("20")), null),
                row("ext-2", null, newClient("third@e2e.example", "204567893"), List.of(line("20")), null)));

        try (TopicProbe completed = new TopicProbe(brokers, Topics.IMPORT_COMPLETED)) {
            publish(Topics.IMPORT_REQUESTED, request);
            InvoiceImportCompleted answer = completion(completed, batchId, null);

            assertThat(answer.rows()).extracting(ImportRowResult::status).containsOnly(ImportRowResult.Status.IMPORTED);
            assertThat(answer.rows()).extracting(row -> row.client().resolution()).containsExactly(
                    ClientUse.Resolution.CREATED, ClientUse.Resolution.UPDATED, ClientUse.Resolution.UPDATED);
            assertThat(answer.rows().get(1).client().fields()).containsExactly("emails");
            assertThat(answer.rows()).extracting(row -> row.client().clientId()).containsOnly(
                    answer.rows().get(0).client().clientId());
            assertThat(answer.rows()).extracting(row -> requested(row.sendId()).recipients().get(0).email())
                    .containsExactly("first@e2e.example", "second@e2e.example", "third@e2e.example");
        }
        JsonNode client = tenant.api().get("/api/clients").expect(200).get(0);
        assertThat(client.get("emails").get(0).asString()).as("updated from the last row").isEqualTo("third@e2e.example");
    }

    @Test
    void underTheConflictPolicyARowDescribingAKnownClientOtherwiseIsRefusedWithTheDifferingFieldsAndNothingIsSent() {
        TestTenant tenant = newTenant("Конфликт ООД");
        JsonNode known = tenant.api().post("/api/clients",
                Requests.client("Известен ООД", List.of("known@e2e.example"), "BG")).expect(201);
        String uic = known.get("uic").asString();
        String batchId = "batch-" + UUID.randomUUID();
        ImportedClient alike = new ImportedClient(known.get("name").asString(),
                known.get("address").asString(), known.get("city").asString(),
                known.get("country").asString(), uic, text(known.get("vatNumber")),
                text(known.get("responsiblePerson")), List.of("known@e2e.example"), Language.BG);
        InvoiceImportRequested request = new InvoiceImportRequested(UUID.randomUUID().toString(), Instant.now(),
                tenant.id(), InvoiceImportRequested.SCHEMA_VERSION, batchId, true, List.of(
                        row("ext-0", null, newClient("other@e2e.example", uic), List.of(line("20")), null),
                        row("ext-1", null, alike, List.of(line("20")), null)), ClientPolicy.CONFLICT);

        try (TopicProbe completed = new TopicProbe(brokers, Topics.IMPORT_COMPLETED)) {
            publish(Topics.IMPORT_REQUESTED, request);
            InvoiceImportCompleted answer = completion(completed, batchId, null);

            ImportRowResult conflict = answer.rows().get(0);
            assertThat(conflict.status()).isEqualTo(ImportRowResult.Status.REFUSED);
            assertThat(conflict.sendId()).isNull();
            assertThat(conflict.client().resolution()).isEqualTo(ClientUse.Resolution.CONFLICT);
            assertThat(conflict.client().clientId()).isEqualTo(known.get("id").asString());
            assertThat(conflict.client().fields()).contains("name", "emails");
            assertThat(conflict.errors()).extracting(ImportRowResult.ImportRowError::field)
                    .contains("client.name", "client.emails");
            ImportRowResult matched = answer.rows().get(1);
            assertThat(matched.status()).isEqualTo(ImportRowResult.Status.IMPORTED);
            assertThat(matched.client().resolution()).isEqualTo(ClientUse.Resolution.MATCHED);
            assertThat(requested(matched.sendId()).recipients()).extracting(Recipient::email)
                    .containsExactly("known@e2e.example");
        }
        assertThat(tenant.api().get("/api/clients/" + known.get("id").asString()).expect(200).get("emails").get(0)
                .asString()).isEqualTo("known@e2e.example");
        assertThat(tenant.api().get("/api/invoices").expect(200)).hasSize(1);
    }

    @Test
    void aRecordWithAReadableBatchIdIsAnsweredWhateverElseIsWrongAndOnlyAnUnaddressableOneIsDeadLettered() {
        TestTenant tenant = newTenant("Счупен запис ООД");
        String existing = newClient(tenant.api(), List.of("next@e2e.example"), "BG");
        String broken = "{\"batchId\": oops " + UUID.randomUUID();
        String newerImporter = "b-" + UUID.randomUUID();
        // a field a newer importer added: the topic is external input, read strictly, but the importer is answered
        String unknownField = json.writeValueAsString(importRequest(tenant.id(), newerImporter,
                List.of(row("ext-8", existing, null, List.of(line("20")), null)))).replaceFirst("\\{", "{\"colour\":\"red\",");
        String noTenantBatch = "b-" + UUID.randomUUID();
        String noTenant = json.writeValueAsString(importRequest(" ", noTenantBatch, List.of()));
        String unregisteredBatch = "b-" + UUID.randomUUID();
        String nextBatch = "batch-" + UUID.randomUUID();

        try (TopicProbe deadLetters = new TopicProbe(brokers,
                Topics.IMPORT_REQUESTED + ".invoice-service" + Topics.DEAD_LETTER_SUFFIX);
             TopicProbe completed = new TopicProbe(brokers, Topics.IMPORT_COMPLETED)) {
            publish(Topics.IMPORT_REQUESTED, "broken", broken);
            publish(Topics.IMPORT_REQUESTED, newerImporter, unknownField);
            publish(Topics.IMPORT_REQUESTED, noTenantBatch, noTenant);
            publish(Topics.IMPORT_REQUESTED, importRequest("tenant-nobody-registered", unregisteredBatch,
                    List.of(row("ext-7", existing, null, List.of(line("20")), null))));
            publish(Topics.IMPORT_REQUESTED, importRequest(tenant.id(), nextBatch,
                    List.of(row("ext-9", existing, null, List.of(line("20")), null))));

            InvoiceImportCompleted refused = completion(completed, newerImporter, null);
            assertThat(refused.tenantId()).isEqualTo(tenant.id());
            assertThat(refused.errors()).extracting(ImportRowResult.ImportRowError::field).containsExactly("colour");
            assertThat(refused.errors().get(0).message()).isEqualTo("is not a known field");
            assertThat(refused.rows()).extracting(ImportRowResult::status).containsExactly(ImportRowResult.Status.REFUSED);
            assertThat(refused.rows().get(0).errors()).isEqualTo(refused.errors());
            assertThat(completion(completed, noTenantBatch, null).errors())
                    .extracting(ImportRowResult.ImportRowError::field).containsExactly("tenantId");
            assertThat(completion(completed, unregisteredBatch, null).rows()).extracting(ImportRowResult::status)
                    .containsExactly(ImportRowResult.Status.REFUSED);
            assertThat(completion(completed, nextBatch, null).rows()).extracting(ImportRowResult::status)
                    .containsExactly(ImportRowResult.Status.IMPORTED);
            ConsumerRecord<String, String> dead = deadLetters.await(record -> record.value().equals(broken), PATIENCE);
            assertThat(dead.key()).isEqualTo("broken");
            assertThat(TopicProbe.header(dead, "x-exception-message"))
                    .startsWith("the record is not a readable InvoiceImportRequested")
                    .doesNotContain("error occurred in message handler");
        }
        assertThat(tenant.api().get("/api/invoices").expect(200)).as("only the next batch").hasSize(1);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static RestCalls.Response importBatch(RestCalls api, String batchId, boolean send, List<ImportedInvoice> rows) {
        Map<String, Object> body = new HashMap<>();
        body.put("batchId", batchId);
        body.put("sendAfterImport", send);
        body.put("invoices", rows);
        return api.post("/api/imports", body);
    }

    private static InvoiceImportRequested importRequest(String tenantId, String batchId, List<ImportedInvoice> rows) {
        return new InvoiceImportRequested(UUID.randomUUID().toString(), Instant.now(), tenantId,
                InvoiceImportRequested.SCHEMA_VERSION, batchId, true, rows, null);
    }

    private InvoiceImportCompleted completion(TopicProbe completed, String batchId, String notEventId) {
        return json.readValue(EventContractCheck.documented(completed.await(record -> batchId.equals(record.key())
                && (notEventId == null
                || !json.readValue(record.value(), InvoiceImportCompleted.class).eventId().equals(notEventId)),
                PATIENCE)).value(), InvoiceImportCompleted.class);
    }

    private SendDetails requested(String sendId) {
        return json.readValue(published(Topics.SEND_REQUESTED, sendId).value(), InvoiceSendRequested.class).send();
    }

    private static ImportedInvoice row(String externalRef, String clientId, ImportedClient client,
                                       List<ImportedLine> lines, SendOverrides send) {
        return new ImportedInvoice(externalRef, clientId, client, null, DocumentKind.INVOICE, Requests.ISSUE_DATE,
                Requests.ISSUE_DATE, Requests.ISSUE_DATE.plusDays(14), "EUR", "Банков превод", lines, null, send);
    }

    private static ImportedLine line(String vatRate) {
        return new ImportedLine("Абонамент", new BigDecimal("1"), "бр.", new BigDecimal("99.90"),
                new BigDecimal(vatRate), vatRate.equals("0") ? "чл. 113, ал. 9 ЗДДС" : null);
    }

    private static ImportedClient newClient(String email, String uic) {
        boolean foreign = uic != null && uic.startsWith("GB");
        return new ImportedClient(foreign ? "New Client Ltd" : "Нов Клиент ООД", "1 Main Street",
                foreign ? "London" : "Русе", foreign ? "United Kingdom" : "България", uic, null, "Jane Doe",
                List.of(email), foreign ? Language.EN : Language.BG);
    }

    private static List<String> statuses(JsonNode answer) {
        return answer.get("rows").valueStream().map(row -> row.get("status").asString()).toList();
    }

    private static List<String> errorFields(JsonNode row) {
        return row.get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }
}

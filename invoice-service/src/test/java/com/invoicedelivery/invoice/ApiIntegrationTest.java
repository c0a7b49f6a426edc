package com.invoicedelivery.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.events.Topics;
import com.invoicedelivery.invoice.testing.Requests;
import com.invoicedelivery.invoice.testing.RestCalls;
import com.invoicedelivery.invoice.testing.ServiceScenarios;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.kit.testing.TestTokens;
import com.invoicedelivery.kit.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The REST API as the web UI and operations use it: what it keeps, what it refuses, and whose data it shows. */
@ServiceIntegrationTest
@TestPropertySource(properties = "invoice.links.base-url=http://links.test")
class ApiIntegrationTest extends ServiceScenarios {

    @LocalManagementPort
    int managementPort;

    @Test
    void operationsRegisterAndUpdateTenantsAndNobodyElseMay() {
        String path = "/api/operations/tenants/t-registry";
        Map<String, Object> trial = Requests.tenant("t-registry", "Регистър ООД", "TRIAL", false);

        assertThat(operations().as(TestTokens.admin("t-registry")).put(path, trial).status()).isEqualTo(403);
        assertThat(operations().as(null).put(path, trial).status()).isEqualTo(401);
        assertProblem(operations().put(path, Requests.tenant("t-registry", "Регистър ООД", "TRIAL", true)), 409,
                "attachInvoices");
        assertThat(operations().get(path).status()).as("the tenant's own rule: nothing stored").isEqualTo(404);
        JsonNode created = operations().put(path, trial).expect(200);
        assertThat(created.get("deliveryMode").asString()).as("a trial tenant always sends links").isEqualTo("LINK");
        JsonNode updated = operations().put(path, Requests.tenant("t-registry", "Регистър ООД", "PAID", true)).expect(200);
        assertThat(updated.get("deliveryMode").asString()).isEqualTo("ATTACHMENT");
        assertThat(operations().get(path).expect(200).get("company").get("name").asString()).isEqualTo("Регистър ООД");
        assertThat(operations().get(path).expect(200).get("plan").asString()).isEqualTo("PAID");
    }

    @Test
    void aTenantProfileThatBreaksARuleIsRefusedWithTheFieldsNamed() {
        Map<String, Object> body = new HashMap<>(Requests.tenant("t-bad", "Лош ООД", "PAID", false));
        body.put("subdomain", "Not_A_Label");
        body.put("plan", "GOLD");

        RestCalls.Response badPlan = operations().put("/api/operations/tenants/t-bad", body);
        assertProblem(badPlan, 400, "plan");
        body.put("plan", "PAID");
        assertProblem(operations().put("/api/operations/tenants/t-bad", body), 400, "subdomain");
        assertThat(operations().get("/api/operations/tenants/t-bad").status()).isEqualTo(404);

        operations().put("/api/operations/tenants/t-first", Requests.tenant("shared-label", "Първи ООД", "PAID", false))
                .expect(200);
        RestCalls.Response taken = operations().put("/api/operations/tenants/t-second",
                Requests.tenant("shared-label", "Втори ООД", "PAID", false));
        assertProblem(taken, 409, "subdomain");
        assertThat(operations().get("/api/operations/tenants/t-second").status()).isEqualTo(404);
    }

    @Test
    void clientsAreCreatedListedAndValidated() {
        TestTenant tenant = newTenant("Клиенти ООД");

        RestCalls.Response created = tenant.api().post("/api/clients",
                Requests.client("Бета ЕАД", List.of("b@beta.example", "B@BETA.example", "c@beta.example"), "EN"));
        JsonNode client = created.expect(201);
        assertThat(created.header("Location")).isEqualTo("/api/clients/" + client.get("id").asString());
        assertThat(client.get("emails").valueStream().map(JsonNode::asString))
                .containsExactly("b@beta.example", "c@beta.example");
        tenant.api().post("/api/clients", Requests.client("Алфа ООД", List.of("a@alfa.example"), "BG")).expect(201);
        assertThat(tenant.api().get("/api/clients").expect(200).valueStream().map(node -> node.get("name").asString()))
                .containsExactly("Алфа ООД", "Бета ЕАД");
        assertThat(tenant.api().get("/api/clients/" + client.get("id").asString()).expect(200).get("language").asString())
                .isEqualTo("EN");

        assertProblem(tenant.api().post("/api/clients",
                Requests.client("Гама", List.of("ok@gama.example", "not-an-address"), "BG")), 400, "emails[1]");
        Map<String, Object> noLanguage = new HashMap<>(Requests.client("Гама", List.of("ok@gama.example"), "BG"));
        noLanguage.remove("language");
        assertProblem(tenant.api().post("/api/clients", noLanguage), 400, "language");
        assertThat(tenant.api().get("/api/clients").expect(200).size()).isEqualTo(2);
    }

    @Test
    void aNameOrSubjectWithABidirectionalOverrideIsRefusedWithTheFieldNamed() {
        TestTenant tenant = newTenant("Посоки ООД");
        String clientId = newClient(tenant.api(), List.of("bidi@e2e.example"), "BG");
        String issuedId = issuedInvoice(tenant.api(), clientId).get("id").asString();

        assertProblem(tenant.api().post("/api/clients",
                Requests.client("Бета \u202Efdp.exe", List.of("b@beta.example"), "BG")), 400, "name");
        assertProblem(tenant.api().post("/api/invoices/" + issuedId + "/send",
                Map.of("subject", "Фактура \u202Efdp.exe")), 400, "subject");
        assertThat(tenant.api().get("/api/clients").expect(200).size()).isEqualTo(1);
    }

    @Test
    void invoicesAreNumberedFromEachTenantsOwnSequence() {
        TestTenant tenant = newTenant("Номера ООД");
        TestTenant other = newTenant("Други ООД");
        String clientId = newClient(tenant.api(), List.of("n@e2e.example"), "BG");

        assertThat(createInvoice(tenant, clientId, null).get("number").asString()).isEqualTo("0000000001");
        assertThat(createInvoice(tenant, clientId, null).get("number").asString()).isEqualTo("0000000002");
        assertThat(createInvoice(tenant, clientId, "0000000100").get("number").asString()).isEqualTo("0000000100");
        assertThat(createInvoice(tenant, clientId, null).get("number").asString()).isEqualTo("0000000101");
        String otherClient = newClient(other.api(), List.of("o@e2e.example"), "BG");
        assertThat(createInvoice(other, otherClient, null).get("number").asString()).isEqualTo("0000000001");

        Map<String, Object> duplicate = new HashMap<>(Requests.invoice(clientId, "1", "1.00"));
        duplicate.put("number", "0000000002");
        assertProblem(tenant.api().post("/api/invoices", duplicate), 409, "number");
        assertThat(tenant.api().get("/api/invoices").expect(200).size()).isEqualTo(4);
    }

    @Test
    void anInvoiceKeepsItsTotalsAndIsIssuedOnce() {
        TestTenant tenant = newTenant("Суми ООД");
        String clientId = newClient(tenant.api(), List.of("s@e2e.example"), "BG");
        Map<String, Object> body = new HashMap<>(Requests.invoice(clientId, "2", "100.50"));
        body.put("lines", List.of(Requests.line("2", "100.50", "20"), Requests.line("3", "0.335", "9"),
                Map.of("description", "Износ", "quantity", "1", "unitPrice", "50", "vatRate", "0",
                        "vatExemptionReason", "чл. 28 ЗДДС")));
        String id = tenant.api().post("/api/invoices", body).expect(201).get("id").asString();

        JsonNode invoice = tenant.api().get("/api/invoices/" + id).expect(200);
        assertThat(invoice.get("status").asString()).isEqualTo("DRAFT");
        assertThat(invoice.get("lines").get(1).get("amount").decimalValue()).isEqualByComparingTo("1.01");
        JsonNode totals = invoice.get("totals");
        assertThat(totals.get("taxBase").asString()).isEqualTo("252.01");
        assertThat(totals.get("vatAmount").asString()).isEqualTo("40.29");
        assertThat(totals.get("total").asString()).isEqualTo("292.30");
        assertThat(totals.get("vat").valueStream().map(vat -> vat.get("rate").asString())).containsExactly("20", "9", "0");
        assertThat(totals.get("vat").get(2).get("exemptionReason").asString()).isEqualTo("чл. 28 ЗДДС");
        assertThat(tenant.api().get("/api/invoices?status=DRAFT").expect(200).size()).isEqualTo(1);
        assertThat(tenant.api().get("/api/invoices?status=ISSUED").expect(200).size()).isZero();

        assertThat(tenant.api().post("/api/invoices/" + id + "/issue", Map.of()).expect(200).get("status").asString())
                .isEqualTo("ISSUED");
        assertProblem(tenant.api().post("/api/invoices/" + id + "/issue", Map.of()), 409, "status");
        assertThat(tenant.api().get("/api/invoices?status=ISSUED").expect(200).size()).isEqualTo(1);
        assertProblem(tenant.api().get("/api/invoices?status=PAID"), 400, "status");
    }

    @Test
    void anInvoiceForSomebodyElsesClientIsRefused() {
        TestTenant tenant = newTenant("Чужд ООД");
        TestTenant other = newTenant("Собственик ООД");
        String othersClient = newClient(other.api(), List.of("x@e2e.example"), "BG");

        assertProblem(tenant.api().post("/api/invoices", Requests.invoice(othersClient, "1", "1.00")), 400, "clientId");
        assertThat(tenant.api().get("/api/invoices").expect(200).size()).isZero();
    }

    @Test
    void badSendRequestsAreRefusedWithTheFieldNamedAndNothingIsSent() {
        TestTenant tenant = newTenant("Откази ООД");
        String clientId = newClient(tenant.api(), List.of("refused@e2e.example"), "BG");
        String draftId = tenant.api().post("/api/invoices", Requests.invoice(clientId, "1", "10.00")).expect(201)
                .get("id").asString();
        String issuedId = issuedInvoice(tenant.api(), clientId).get("id").asString();

        assertProblem(tenant.api().post("/api/invoices/does-not-exist/send", Map.of()), 404, null);
        assertProblem(tenant.api().post("/api/invoices/" + draftId + "/send", Map.of()), 409, "invoiceId");
        assertProblem(tenant.api().post("/api/invoices/" + issuedId + "/send",
                Map.of("recipients", List.of("refused@e2e.example", "not-an-address"))), 400, "recipients[1]");
        assertProblem(tenant.api().post("/api/invoices/" + issuedId + "/send",
                Map.of("subject", "Фактура\r\nBcc: all@example.com")), 400, "subject");
        assertProblem(tenant.api().post("/api/invoices/" + issuedId + "/send", Map.of("colour", "red")), 400, "colour");

        assertThat(tenant.api().get("/api/invoices/" + draftId + "/sends").expect(200).size()).isZero();
        assertThat(tenant.api().get("/api/invoices/" + issuedId + "/sends").expect(200).size()).isZero();
        try (TopicProbe requested = new TopicProbe(brokers, Topics.SEND_REQUESTED)) {
            assertThat(requested.drain(Duration.ofSeconds(1)))
                    .noneMatch(record -> record.value().contains(issuedId) || record.value().contains(draftId));
        }
    }

    @Test
    void aSendWithoutABodyTakesEveryDefault() {
        TestTenant tenant = newTenant("Без тяло ООД");
        String invoiceId = issuedInvoice(tenant.api(), newClient(tenant.api(), List.of("nobody@e2e.example"), "BG"))
                .get("id").asString();

        RestCalls.Response accepted = tenant.api().postEmpty("/api/invoices/" + invoiceId + "/send");

        String sendId = accepted.expect(202).get("sendId").asString();
        JsonNode send = tenant.api().get("/api/sends/" + sendId).expect(200);
        assertThat(send.get("recipients").get(0).get("email").asString()).isEqualTo("nobody@e2e.example");
        assertThat(send.get("language").asString()).isEqualTo("BG");
        assertThat(send.get("mode").asString()).isEqualTo("LINK");
        assertThat(send.get("invoiceNumber").asString()).isEqualTo("0000000001");
        assertThat(tenant.api().get("/api/invoices?sendStatus=REQUESTED").expect(200).get(0).get("id").asString())
                .isEqualTo(invoiceId);
    }

    @Test
    void anotherTenantsDataDoesNotExistForTheCaller() {
        TestTenant owner = newTenant("Собственик ЕООД");
        String clientId = newClient(owner.api(), List.of("own@e2e.example"), "BG");
        String invoiceId = issuedInvoice(owner.api(), clientId).get("id").asString();
        String sendId = owner.api().post("/api/invoices/" + invoiceId + "/send", Map.of()).expect(202)
                .get("sendId").asString();
        RestCalls stranger = newTenant("Любопитен ООД").api();

        assertProblem(stranger.get("/api/invoices/" + invoiceId), 404, null);
        assertProblem(stranger.get("/api/clients/" + clientId), 404, null);
        assertProblem(stranger.get("/api/sends/" + sendId), 404, null);
        assertProblem(stranger.get("/api/invoices/" + invoiceId + "/sends"), 404, null);
        assertProblem(stranger.post("/api/invoices/" + invoiceId + "/send", Map.of()), 404, null);
        assertProblem(stranger.post("/api/invoices/" + invoiceId + "/issue", Map.of()), 404, null);
        assertThat(stranger.get("/api/invoices").expect(200).size()).isZero();
        assertThat(stranger.get("/api/clients").expect(200).size()).isZero();
        assertThat(owner.api().get("/api/invoices/" + invoiceId + "/sends").expect(200).size()).isEqualTo(1);
    }

    @Test
    void tenantEndpointsNeedATenantUsersToken() {
        assertThat(operations().get("/api/invoices").status()).isEqualTo(403);
        assertThat(operations().as(TestTokens.service()).get("/api/invoices").status()).isEqualTo(403);
        assertThat(operations().as(TestTokens.forged("acme")).get("/api/invoices").status()).isEqualTo(401);
        assertThat(operations().as(TestTokens.user("acme")).get("/api/invoices").status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentAndHealthAreOpen() {
        RestCalls anonymous = operations().as(null);

        JsonNode document = anonymous.get("/v3/api-docs").expect(200);
        assertThat(document.get("paths").propertyNames()).contains("/api/invoices", "/api/invoices/{invoiceId}/send",
                "/api/sends/{sendId}", "/api/clients", "/api/operations/tenants/{tenantId}", "/api/settings",
                "/api/settings/email", "/api/templates", "/api/templates/{language}", "/api/sends/preview",
                "/api/sends", "/api/imports");
        assertThat(document.get("paths").get("/api/invoices/{invoiceId}/send").get("post").get("parameters")
                .valueStream().map(parameter -> parameter.get("name").asString()))
                .as("the caller comes from the bearer token, not from a parameter")
                .containsExactly("invoiceId", "Idempotency-Key");
        assertThat(new RestCalls("http://localhost:" + managementPort, null).get("/actuator/health/readiness")
                .status()).as("health, on actuator's own port").isEqualTo(200);
    }

    private static JsonNode createInvoice(TestTenant tenant, String clientId, String number) {
        Map<String, Object> body = new HashMap<>(Requests.invoice(clientId, "1", "1.00"));
        if (number != null) {
            body.put("number", number);
        }
        return tenant.api().post("/api/invoices", body).expect(201);
    }
}

package com.invoicedelivery.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.invoice.testing.Requests;
import com.invoicedelivery.invoice.testing.RestCalls;
import com.invoicedelivery.invoice.testing.ServiceScenarios;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The tenant's e-mail setting (and the Trial rule) and its templates, as its administrator changes them. */
@ServiceIntegrationTest
@TestPropertySource(properties = "invoice.links.base-url=http://links.test")
class SettingsAndTemplatesIntegrationTest extends ServiceScenarios {

    @Test
    void aPaidTenantsAdministratorTurnsAttachmentsOnAndItsInvoicesGoAsAttachments() {
        TestTenant tenant = newTenant("Прикачени ООД");
        JsonNode settings = tenant.api().get("/api/settings").expect(200);
        assertThat(settings.get("tenantId").asString()).isEqualTo(tenant.id());
        assertThat(settings.get("plan").asString()).isEqualTo("PAID");
        assertThat(settings.get("attachInvoices").asBoolean()).isFalse();
        assertThat(settings.get("company").get("uic").asString()).isEqualTo("201234567");

        assertThat(tenant.api().put("/api/settings/email", Map.of("attachInvoices", true)).expect(200)
                .get("attachInvoices").asBoolean()).isTrue();

        String invoiceId = issuedInvoice(tenant.api(), newClient(tenant.api(), List.of("att@e2e.example"), "EN"))
                .get("id").asString();
        assertThat(preview(tenant.api(), invoiceId).get("mode").asString()).isEqualTo("ATTACHMENT");
        SendDetails sent = send(tenant.api(), invoiceId, Map.of()).send();
        assertThat(sent.mode()).isEqualTo(DeliveryMode.ATTACHMENT);
        assertThat(sent.message()).contains("The invoice is attached to this e-mail as a PDF file.")
                .doesNotContain(SendDetails.LINK_MARKER);
        tenant.api().put("/api/settings/email", Map.of("attachInvoices", false)).expect(200);
        assertThat(preview(tenant.api(), invoiceId).get("mode").asString()).isEqualTo("LINK");
    }

    @Test
    void aTrialTenantCannotTurnAttachmentsOnAndSendsLinksWhateverIsStored() {
        TestTenant trial = newTenant("Пробен ООД", "TRIAL", false);

        assertProblem(trial.api().put("/api/settings/email", Map.of("attachInvoices", true)), 409, "attachInvoices");
        assertThat(trial.api().get("/api/settings").expect(200).get("attachInvoices").asBoolean()).isFalse();
        trial.api().put("/api/settings/email", Map.of("attachInvoices", false)).expect(200);

        assertProblem(operations().put("/api/operations/tenants/" + trial.id(),
                Requests.tenant(trial.id(), "Пробен ООД", "TRIAL", true)), 409, "attachInvoices");
        assertThat(trial.api().get("/api/settings").expect(200).get("attachInvoices").asBoolean()).isFalse();
        storeAttachmentsOnAsBeforeTheRule(trial);
        assertThat(trial.api().get("/api/settings").expect(200).get("attachInvoices").asBoolean()).isTrue();
        String invoiceId = issuedInvoice(trial.api(), newClient(trial.api(), List.of("trial@e2e.example"), "BG"))
                .get("id").asString();
        assertThat(preview(trial.api(), invoiceId).get("mode").asString()).isEqualTo("LINK");
        assertThat(send(trial.api(), invoiceId, Map.of()).send().mode()).isEqualTo(DeliveryMode.LINK);
    }

    @Test
    void aTenantChoosesHowLongItsLinksWorkAndNewSendsCarryThatExpiry() {
        TestTenant tenant = newTenant("Кратки връзки ООД");
        String clientId = newClient(tenant.api(), List.of("short@e2e.example"), "BG");

        Instant before = Instant.now();
        SendDetails byDefault = send(tenant.api(), issuedInvoice(tenant.api(), clientId).get("id").asString(),
                Map.of()).send();
        assertThat(byDefault.linkExpiresAt()).isBetween(before.plus(Duration.ofDays(180)), Instant.now().plus(Duration.ofDays(180)));

        assertProblem(tenant.api().put("/api/settings/links", Map.of("validityDays", 0)), 400, "validityDays");
        assertProblem(tenant.api().put("/api/settings/links", Map.of("validityDays", 731)), 400, "validityDays");
        assertThat(tenant.api().put("/api/settings/links", Map.of("validityDays", 30)).expect(200)
                .get("linkValidityDays").asInt()).isEqualTo(30);
        operations().put("/api/operations/tenants/" + tenant.id(),
                Requests.tenant(tenant.id(), "Кратки връзки ООД", "PAID", false)).expect(200);
        assertThat(tenant.api().get("/api/settings").expect(200).get("linkValidityDays").asInt())
                .as("kept across an update of the profile by operations").isEqualTo(30);

        Instant sent = Instant.now();
        SendDetails shorter = send(tenant.api(), issuedInvoice(tenant.api(), clientId).get("id").asString(),
                Map.of()).send();
        assertThat(shorter.linkExpiresAt()).isBetween(sent.plus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(30)));
    }

    @Test
    void aTenantSetsItsPrivacyNoticeAndContactForItsClientsPagesAndNewSendsCarryThem() {
        TestTenant tenant = newTenant("Поверителност ООД");
        String clientId = newClient(tenant.api(), List.of("privacy@e2e.example"), "BG");
        SendDetails before = send(tenant.api(), issuedInvoice(tenant.api(), clientId).get("id").asString(),
                Map.of()).send();
        assertThat(before.sender().privacyNoticeUrl()).isNull();
        assertThat(before.sender().contact()).isNull();

        JsonNode shown = tenant.api().put("/api/settings/client-page", Map.of(
                "privacyNoticeUrl", " https://poveritelnost.example/privacy?lang=bg ",
                "contact", Map.of("email", "office@poveritelnost.example", "phone", "+359 2 123 4567",
                        "address", "ул. „Шипка“ 6\n1504 София"))).expect(200);

        assertThat(shown.get("clientPage").get("privacyNoticeUrl").asString())
                .isEqualTo("https://poveritelnost.example/privacy?lang=bg");
        assertThat(tenant.api().get("/api/settings").expect(200).get("clientPage").get("contact").get("phone")
                .asString()).isEqualTo("+359 2 123 4567");
        operations().put("/api/operations/tenants/" + tenant.id(),
                Requests.tenant(tenant.id(), "Поверителност ООД", "PAID", false)).expect(200);
        SendDetails after = send(tenant.api(), issuedInvoice(tenant.api(), clientId).get("id").asString(),
                Map.of()).send();
        assertThat(after.sender().privacyNoticeUrl()).as("kept across an update of the profile by operations")
                .isEqualTo("https://poveritelnost.example/privacy?lang=bg");
        assertThat(after.sender().contact().email()).isEqualTo("office@poveritelnost.example");
        assertThat(after.sender().contact().address()).isEqualTo("ул. „Шипка“ 6\n1504 София");
    }

    @Test
    void badClientPageSettingsAreRefusedNamingEachFieldAndChangeNothing() {
        TestTenant tenant = newTenant("Лоши настройки ООД");
        tenant.api().put("/api/settings/client-page", Map.of("privacyNoticeUrl", "https://kept.example/privacy"))
                .expect(200);
        JsonNode kept = tenant.api().get("/api/settings").expect(200).get("clientPage");

        for (String url : List.of("http://plain.example/privacy", "javascript:alert(1)", "https://user:pw@x.example/",
                "data:text/html,<script>", "//no-scheme.example/privacy", "https:///no-host")) {
            assertProblem(tenant.api().put("/api/settings/client-page", Map.of("privacyNoticeUrl", url)), 400,
                    "privacyNoticeUrl");
        }
        RestCalls.Response many = tenant.api().put("/api/settings/client-page", Map.of("contact",
                Map.of("email", "not an address", "phone", "call me", "address", "ул. 1\u202e")));
        assertProblem(many, 400, "contact.email");
        assertThat(many.body().get("errors").valueStream().map(error -> error.get("field").asString()).toList())
                .containsExactly("contact.email", "contact.phone", "contact.address");
        assertProblem(tenant.api().put("/api/settings/client-page", Map.of("logo", "x")), 400, null);
        assertThat(tenant.api().get("/api/settings").expect(200).get("clientPage")).isEqualTo(kept);
        assertProblem(tenant.api().as(TestTokens.user(tenant.id())).put("/api/settings/client-page",
                Map.of("privacyNoticeUrl", "https://other.example/")), 403, null);
    }

    @Test
    void onlyAnAdministratorChangesSettingsAndTemplates() {
        TestTenant tenant = newTenant("Права ООД");
        RestCalls user = tenant.api().as(TestTokens.user(tenant.id()));

        assertProblem(user.put("/api/settings/email", Map.of("attachInvoices", true)), 403, null);
        assertProblem(user.put("/api/settings/links", Map.of("validityDays", 30)), 403, null);
        assertProblem(user.put("/api/templates/BG", Map.of("subject", "Тема", "message", "{link}")), 403, null);
        assertProblem(user.delete("/api/templates/BG"), 403, null);
        assertThat(user.get("/api/settings").expect(200).get("attachInvoices").asBoolean()).isFalse();
        assertThat(user.get("/api/templates").expect(200).get(0).get("custom").asBoolean()).isFalse();
        assertProblem(operations().as(null).get("/api/settings"), 401, null);
    }

    @Test
    void templatesAreTheDefaultsUntilEditedAreUsedBySendsAndGoBackOnDelete() {
        TestTenant tenant = newTenant("Шаблони ООД");
        TestTenant other = newTenant("Други шаблони ООД");
        JsonNode defaults = tenant.api().get("/api/templates").expect(200);
        assertThat(defaults.valueStream().map(template -> template.get("language").asString())).containsExactly("BG", "EN");
        assertThat(defaults.valueStream().map(template -> template.get("custom").asBoolean())).containsOnly(false);

        tenant.api().put("/api/templates/BG", Map.of("subject", "Фактура {invoiceNumber} от {tenantName}",
                "message", "Здравейте, {clientName}!\nСума: {total}, падеж {dueDate}.\n{link}")).expect(200);
        assertProblem(tenant.api().put("/api/templates/EN", Map.of("subject", "Invoice {number}", "message", "{link}")),
                400, "subject");
        assertProblem(tenant.api().put("/api/templates/EN", Map.of("subject", "Invoice", "message", "Total {amount}")),
                400, "message");

        JsonNode edited = tenant.api().get("/api/templates").expect(200);
        assertThat(edited.get(0).get("custom").asBoolean()).isTrue();
        assertThat(edited.get(1).get("custom").asBoolean()).isFalse();
        assertThat(other.api().get("/api/templates").expect(200).get(0).get("custom").asBoolean()).isFalse();
        JsonNode invoice = issuedInvoice(tenant.api(), newClient(tenant.api(), List.of("tpl@e2e.example"), "BG"));
        SendDetails sent = send(tenant.api(), invoice.get("id").asString(), Map.of()).send();
        assertThat(sent.subject()).isEqualTo("Фактура " + invoice.get("number").asString() + " от Шаблони ООД");
        assertThat(sent.message()).isEqualTo("Здравейте, Клиент Едно ООД!\nСума: 241,20 EUR, падеж 08.12.2026.\n{link}");

        assertThat(tenant.api().delete("/api/templates/BG").expect(200).get("custom").asBoolean()).isFalse();
        assertProblem(tenant.api().delete("/api/templates/BG"), 404, null);
        assertThat(preview(tenant.api(), invoice.get("id").asString()).get("subject").asString()).startsWith("Документ № ");
    }

    private static JsonNode preview(RestCalls api, String invoiceId) {
        return api.post("/api/sends/preview", Map.of("invoiceIds", List.of(invoiceId))).expect(200).get("items").get(0);
    }
}

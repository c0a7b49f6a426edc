package com.invoicedelivery.invoice.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.LinkRenewalRequested;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.invoice.testing.Requests;
import com.invoicedelivery.invoice.testing.RestCalls;
import com.invoicedelivery.invoice.testing.ServiceScenarios;
import com.invoicedelivery.invoice.send.domain.PersonalLink;
import com.invoicedelivery.kit.testing.EventEvolution;
import com.invoicedelivery.kit.testing.TestLinkSeal;
import com.invoicedelivery.kit.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import com.invoicedelivery.invoice.send.application.SendIssuer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Sending as the product does it: the preview of many invoices, one send for all of them with each invoice's edits,
 * idempotency keys, the all-or-nothing refusals, and a fresh link for a client whose link expired.
 */
public abstract class BulkSendScenarios extends ServiceScenarios {

    @Autowired
    private MeterRegistry meters;

    @Test
    void thePreviewShowsEveryInvoiceInTheOrderAskedAndADraftOrUnknownOneAsNotSendable() {
        TestTenant tenant = newTenant("Преглед ООД");
        tenant.api().put("/api/templates/EN", Map.of("subject", "Invoice {invoiceNumber} from {tenantName}",
                "message", "Dear {clientName},\n{total} due {dueDate}: {link}")).expect(200);
        String bg = newClient(tenant.api(), List.of("one@e2e.example", "two@e2e.example"), "BG");
        String en = newClient(tenant.api(), List.of("three@e2e.example"), "EN");
        JsonNode issuedBg = issuedInvoice(tenant.api(), bg);
        JsonNode issuedEn = issuedInvoice(tenant.api(), en);
        String draft = draftInvoice(tenant.api(), en);

        JsonNode items = tenant.api().post("/api/sends/preview", Map.of("invoiceIds",
                List.of(issuedEn.get("id").asString(), draft, "no-such-invoice", issuedBg.get("id").asString())))
                .expect(200).get("items");

        assertThat(items).hasSize(4);
        JsonNode english = items.get(0);
        assertThat(english.get("invoiceNumber").asString()).isEqualTo(issuedEn.get("number").asString());
        assertThat(english.get("clientId").asString()).isEqualTo(en);
        assertThat(english.get("clientName").asString()).isEqualTo("Клиент Едно ООД");
        assertThat(english.get("recipients").valueStream().map(JsonNode::asString)).containsExactly("three@e2e.example");
        assertThat(english.get("subject").asString()).isEqualTo("Invoice " + issuedEn.get("number").asString()
                + " from Преглед ООД");
        assertThat(english.get("message").asString()).isEqualTo("Dear Клиент Едно ООД,\nEUR 241.20 due 8 December 2026: {link}");
        assertThat(english.get("language").asString()).isEqualTo("EN");
        assertThat(english.get("mode").asString()).isEqualTo("LINK");
        assertThat(english.get("sendable").asBoolean()).isTrue();
        assertThat(english.get("problems")).isEmpty();
        assertThat(items.get(1).get("sendable").asBoolean()).isFalse();
        assertThat(items.get(1).get("language").asString()).isEqualTo("EN");
        assertThat(items.get(1).get("problems").get(0).get("message").asString()).contains("DRAFT");
        assertThat(items.get(2).get("sendable").asBoolean()).isFalse();
        assertThat(items.get(2).get("problems").get(0).get("field").asString()).isEqualTo("invoiceId");
        assertThat(items.get(3).get("subject").asString()).startsWith("Документ № ");
        assertThat(items.get(3).get("recipients")).hasSize(2);
        assertThat(tenant.api().get("/api/invoices/" + issuedEn.get("id").asString() + "/sends").expect(200)).isEmpty();
    }

    @Test
    void aBulkSendMakesOneSendPerInvoiceWithEachInvoicesEdits() {
        TestTenant tenant = newTenant("Масово ООД");
        String first = issuedInvoice(tenant.api(), newClient(tenant.api(), List.of("a@e2e.example", "b@e2e.example"), "BG"))
                .get("id").asString();
        String second = issuedInvoice(tenant.api(), newClient(tenant.api(), List.of("c@e2e.example"), "EN"))
                .get("id").asString();

        JsonNode sends = tenant.api().post("/api/sends", Map.of("invoices", List.of(
                Map.of("invoiceId", first, "recipients", List.of("a@e2e.example", "extra@e2e.example", "A@E2E.example"),
                        "subject", "Фактура {invoiceNumber}", "message", "Ето я: {link}", "language", "EN"),
                Map.of("invoiceId", second)))).expect(202).get("sends");

        assertThat(sends).hasSize(2);
        assertThat(sends.get(0).get("invoiceId").asString()).isEqualTo(first);
        assertThat(sends.get(0).get("status").asString()).isEqualTo("REQUESTED");
        SendDetails edited = requested(sends.get(0).get("sendId").asString());
        assertThat(edited.recipients()).extracting(Recipient::email).containsExactly("a@e2e.example", "extra@e2e.example");
        assertThat(edited.subject()).startsWith("Фактура 00000");
        assertThat(edited.message()).isEqualTo("Ето я: {link}");
        assertThat(edited.language()).isEqualTo(Language.EN);
        SendDetails defaults = requested(sends.get(1).get("sendId").asString());
        assertThat(defaults.recipients()).extracting(Recipient::email).containsExactly("c@e2e.example");
        assertThat(defaults.subject()).startsWith("Document No. ");
        assertThat(tenant.api().get("/api/invoices/" + first).expect(200).get("sendStatus").asString())
                .isEqualTo("REQUESTED");
    }

    @Test
    void theSameIdempotencyKeyAgainAnswersWithTheSameSendsAndSendsNothingNew() {
        TestTenant tenant = newTenant("Повтор ООД");
        String clientId = newClient(tenant.api(), List.of("again@e2e.example"), "BG");
        String first = issuedInvoice(tenant.api(), clientId).get("id").asString();
        String second = issuedInvoice(tenant.api(), clientId).get("id").asString();
        Map<String, Object> body = Map.of("invoices", List.of(Map.of("invoiceId", first), Map.of("invoiceId", second)));
        double requestedBefore = requestedSends();

        JsonNode answer = withKey(tenant.api(), "/api/sends", "bulk-1", body).expect(202);
        JsonNode repeated = withKey(tenant.api(), "/api/sends", "bulk-1",
                Map.of("invoices", List.of(Map.of("invoiceId", first), Map.of("invoiceId", second)))).expect(202);
        RestCalls.Response otherBody = withKey(tenant.api(), "/api/sends", "bulk-1",
                Map.of("invoices", List.of(Map.of("invoiceId", first))));

        assertThat(repeated).isEqualTo(answer);
        assertProblem(otherBody, 409, "Idempotency-Key");
        assertThat(tenant.api().get("/api/invoices/" + first + "/sends").expect(200)).hasSize(1);
        String single = withKey(tenant.api(), "/api/invoices/" + first + "/send", "single-1", Map.of()).expect(202)
                .get("sendId").asString();
        assertThat(withKey(tenant.api(), "/api/invoices/" + first + "/send", "single-1", Map.of()).expect(202)
                .get("sendId").asString()).isEqualTo(single);
        assertProblem(withKey(tenant.api(), "/api/invoices/" + first + "/send", "single-1",
                Map.of("language", "EN")), 409, "Idempotency-Key");
        assertThat(tenant.api().get("/api/invoices/" + first + "/sends").expect(200)).hasSize(2);
        try (TopicProbe requested = new TopicProbe(brokers, Topics.SEND_REQUESTED)) {
            List<String> sendIds = List.of(answer.get("sends").get(0).get("sendId").asString(),
                    answer.get("sends").get(1).get("sendId").asString(), single);
            requested.await(record -> record.key().equals(single), PATIENCE);
            assertThat(requested.drain(Duration.ofMillis(500))).extracting(ConsumerRecord::key)
                    .filteredOn(sendIds::contains).as("one event per send, none for the repeats").hasSize(3);
        }
        assertThat(requestedSends() - requestedBefore).as("the meter counts sends made, not requests").isEqualTo(3);
    }

    private double requestedSends() {
        return meters.find(SendIssuer.REQUESTED).counters().stream().mapToDouble(Counter::count).sum();
    }

    @Test
    void aBatchWithAnyBadInvoiceSendsNothingAndNamesTheInvoice() {
        TestTenant tenant = newTenant("Всичко или нищо ООД");
        String clientId = newClient(tenant.api(), List.of("all@e2e.example"), "BG");
        String issued = issuedInvoice(tenant.api(), clientId).get("id").asString();
        String draft = draftInvoice(tenant.api(), clientId);
        RestCalls other = newTenant("Чужд ООД").api();
        String othersInvoice = issuedInvoice(other, newClient(other, List.of("x@e2e.example"), "BG")).get("id").asString();

        assertProblem(bulk(tenant, Map.of("invoiceId", issued), Map.of("invoiceId", draft)), 409, "invoices[1].invoiceId");
        RestCalls.Response unknown = bulk(tenant, Map.of("invoiceId", "no-such-invoice"), Map.of("invoiceId", issued));
        assertProblem(unknown, 404, "invoices[0].invoiceId");
        assertThat(unknown.body().get("detail").asString()).as("the id, not the field")
                .isEqualTo("Invoice no-such-invoice was not found");
        assertProblem(bulk(tenant, Map.of("invoiceId", issued), Map.of("invoiceId", othersInvoice)), 404,
                "invoices[1].invoiceId");
        assertProblem(bulk(tenant, Map.of("invoiceId", issued, "recipients", List.of("ok@e2e.example", "not-an-address"))),
                400, "invoices[0].recipients[1]");
        assertProblem(bulk(tenant, Map.of("invoiceId", issued, "recipients", List.of())), 400, "invoices[0].recipients");
        assertProblem(bulk(tenant, Map.of("invoiceId", issued, "subject", "Фактура {number}")), 400, "invoices[0].subject");

        RestCalls.Response tooMany = bulk(tenant, Map.of("invoiceId", issued,
                "recipients", Collections.nCopies(21, "many@e2e.example")));
        assertProblem(tooMany, 400, "invoices[0].recipients");
        assertThat(tooMany.body().get("limit").asInt()).isEqualTo(20);
        List<Map<String, Object>> twoHundredOne = new ArrayList<>();
        for (int i = 0; i <= 200; i++) {
            twoHundredOne.add(Map.of("invoiceId", "i" + i));
        }
        RestCalls.Response tooManyInvoices = tenant.api().post("/api/sends", Map.of("invoices", twoHundredOne));
        assertProblem(tooManyInvoices, 400, "invoices");
        assertThat(tooManyInvoices.body().get("limit").asInt()).isEqualTo(200);
        RestCalls.Response longSubject = bulk(tenant, Map.of("invoiceId", issued, "subject", "т".repeat(251)));
        assertThat(longSubject.body().get("limit").asInt()).isEqualTo(250);
        RestCalls.Response longMessage = bulk(tenant, Map.of("invoiceId", issued, "message", "т".repeat(10_001)));
        assertThat(longMessage.body().get("limit").asInt()).isEqualTo(10_000);
        List<String> fiveHundredOne = Collections.nCopies(501, issued);
        RestCalls.Response bigPreview = tenant.api().post("/api/sends/preview", Map.of("invoiceIds", fiveHundredOne));
        assertProblem(bigPreview, 400, "invoiceIds");
        assertThat(bigPreview.body().get("limit").asInt()).isEqualTo(500);

        assertThat(tenant.api().get("/api/invoices/" + issued + "/sends").expect(200)).as("nothing was sent").isEmpty();
    }

    @Test
    void aClientWhoseLinkExpiredGetsAFreshLinkAtThatAddressOnlyOnce() {
        TestTenant tenant = newTenant("Нова връзка ООД");
        String invoiceId = issuedInvoice(tenant.api(), newClient(tenant.api(),
                List.of("keep@e2e.example", "other@e2e.example"), "BG")).get("id").asString();
        SendDetails original = send(tenant.api(), invoiceId, Map.of("subject", "Своя тема")).send();
        Recipient expired = original.recipients().get(0);
        LinkRenewalRequested renewal = renewal(tenant.id(), original, expired.recipientId(), "KEEP@e2e.example");

        publish(Topics.LINK_RENEWAL_REQUESTED, renewal);
        publish(Topics.LINK_RENEWAL_REQUESTED, renewal);
        publish(Topics.LINK_RENEWAL_REQUESTED, renewal(tenant.id(), original, expired.recipientId(), "thief@e2e.example"));
        LinkRenewalRequested last = renewal(tenant.id(), original, original.recipients().get(1).recipientId(),
                "other@e2e.example");
        publish(Topics.LINK_RENEWAL_REQUESTED, last);

        SendDetails fresh = requestedMatching(details -> details.recipients().size() == 1
                && details.invoiceId().equals(invoiceId) && details.recipients().get(0).email().equals("keep@e2e.example"));
        assertThat(fresh.subject()).isEqualTo("Своя тема");
        assertThat(fresh.message()).isEqualTo(original.message());
        assertThat(TestLinkSeal.tokenOf(fresh.recipients().get(0))).isNotEqualTo(TestLinkSeal.tokenOf(expired))
                .hasSize(43);
        assertThat(fresh.recipients().get(0).linkTokenHash()).isNotEqualTo(expired.linkTokenHash())
                .isEqualTo(PersonalLink.hashOf(TestLinkSeal.tokenOf(fresh.recipients().get(0))));
        requestedMatching(details -> details.recipients().size() == 1
                && details.recipients().get(0).email().equals("other@e2e.example") && details.invoiceId().equals(invoiceId));
        JsonNode history = tenant.api().get("/api/invoices/" + invoiceId + "/sends").expect(200);
        assertThat(history).as("the original and one fresh link per address asked for; none for another address")
                .hasSize(3);
        assertThat(history.valueStream().flatMap(send -> send.get("recipients").valueStream())
                .map(recipient -> recipient.get("email").asString())).doesNotContain("thief@e2e.example");
    }

    @Test
    void aRenewalRequestOfANewerMinorVersionIsHonouredAndOneOfAnUnknownMajorVersionIsDeadLetteredSayingSo() {
        TestTenant tenant = newTenant("Нова версия ООД");
        String invoiceId = issuedInvoice(tenant.api(), newClient(tenant.api(), List.of("renew@e2e.example"), "BG"))
                .get("id").asString();
        SendDetails original = send(tenant.api(), invoiceId, Map.of()).send();
        Recipient expired = original.recipients().get(0);
        LinkRenewalRequested major = renewal(tenant.id(), original, expired.recipientId(), expired.email());
        LinkRenewalRequested newer = renewal(tenant.id(), original, expired.recipientId(), expired.email());

        try (TopicProbe deadLetters = new TopicProbe(brokers,
                Topics.LINK_RENEWAL_REQUESTED + ".invoice-service" + Topics.DEAD_LETTER_SUFFIX)) {
            publish(Topics.LINK_RENEWAL_REQUESTED, major.key(), EventEvolution.asUnknownMajorVersion(
                    json.writeValueAsString(major), LinkRenewalRequested.class));
            publish(Topics.LINK_RENEWAL_REQUESTED, newer.key(),
                    EventEvolution.withNewerMinorFields(json.writeValueAsString(newer)));

            ConsumerRecord<String, String> dead = deadLetters.await(
                    record -> record.value().contains(major.eventId()), PATIENCE);
            assertThat(TopicProbe.header(dead, "x-exception-message"))
                    .startsWith(EventEvolution.refusedMajorReason(LinkRenewalRequested.class));
            requestedMatching(details -> details.recipients().size() == 1 && details.invoiceId().equals(invoiceId)
                    && !details.sendId().equals(original.sendId()));
            assertThat(deadLetters.drain(Duration.ofMillis(500)))
                    .noneMatch(record -> record.value().contains(newer.eventId()));
        }
    }

    @Test
    void aRenewalRequestNamingAnotherTenantsSendMakesNoSendAndIsDeadLettered() {
        TestTenant owner = newTenant("Собственик ООД");
        String invoiceId = issuedInvoice(owner.api(), newClient(owner.api(), List.of("owner-client@e2e.example"), "BG"))
                .get("id").asString();
        SendDetails original = send(owner.api(), invoiceId, Map.of()).send();
        LinkRenewalRequested forged = renewal("another-tenant", original,
                original.recipients().get(0).recipientId(), original.recipients().get(0).email());

        try (TopicProbe deadLetters = new TopicProbe(brokers,
                Topics.LINK_RENEWAL_REQUESTED + ".invoice-service" + Topics.DEAD_LETTER_SUFFIX)) {
            publish(Topics.LINK_RENEWAL_REQUESTED, forged);
            ConsumerRecord<String, String> dead = deadLetters.await(
                    record -> record.value().contains(forged.eventId()), PATIENCE);
            assertThat(TopicProbe.header(dead, "x-exception-message"))
                    .contains("names tenant another-tenant").contains("another tenant's");
        }
        assertThat(owner.api().get("/api/invoices/" + invoiceId + "/sends").expect(200)).hasSize(1);
    }

    @Test
    void aMalformedRenewalRequestIsDeadLettered() {
        String malformed = json.writeValueAsString(Map.of("eventId", "e-" + UUID.randomUUID(), "occurredAt",
                Instant.now().toString(), "tenantId", "t", "schemaVersion", 1, "sendId", "s"));
        try (TopicProbe deadLetters = new TopicProbe(brokers,
                Topics.LINK_RENEWAL_REQUESTED + ".invoice-service" + Topics.DEAD_LETTER_SUFFIX)) {
            publish(Topics.LINK_RENEWAL_REQUESTED, "s", malformed);
            ConsumerRecord<String, String> dead = deadLetters.await(record -> record.value().equals(malformed), PATIENCE);
            assertThat(TopicProbe.header(dead, "x-exception-message")).contains("address");
        }
    }

    private RestCalls.Response bulk(TestTenant tenant, Map<?, ?>... invoices) {
        return tenant.api().post("/api/sends", Map.of("invoices", List.of(invoices)));
    }

    private static RestCalls.Response withKey(RestCalls api, String path, String key, Object body) {
        return api.postWithHeader(path, body, "Idempotency-Key", key);
    }

    private static String draftInvoice(RestCalls tenant, String clientId) {
        return tenant.post("/api/invoices", Requests.invoice(clientId, "1", "10.00")).expect(201).get("id").asString();
    }

    private SendDetails requested(String sendId) {
        return json.readValue(published(Topics.SEND_REQUESTED, sendId).value(), InvoiceSendRequested.class).send();
    }

    private SendDetails requestedMatching(Predicate<SendDetails> condition) {
        try (TopicProbe probe = new TopicProbe(brokers, Topics.SEND_REQUESTED)) {
            return json.readValue(probe.await(record -> condition.test(
                    json.readValue(record.value(), InvoiceSendRequested.class).send()), PATIENCE).value(),
                    InvoiceSendRequested.class).send();
        }
    }

    private static LinkRenewalRequested renewal(String tenantId, SendDetails send, String recipientId, String email) {
        return new LinkRenewalRequested(UUID.randomUUID().toString(), Instant.now(), tenantId,
                LinkRenewalRequested.SCHEMA_VERSION, send.sendId(), send.invoiceId(), recipientId, email);
    }
}

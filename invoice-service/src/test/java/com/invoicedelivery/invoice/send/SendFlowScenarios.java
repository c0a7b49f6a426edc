package com.invoicedelivery.invoice.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DeliveryStatus;
import com.invoicedelivery.events.IntegrationEvent;
import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.invoice.send.domain.PersonalLink;
import com.invoicedelivery.invoice.testing.Events;
import com.invoicedelivery.invoice.testing.RestCalls;
import com.invoicedelivery.invoice.testing.ServiceScenarios;
import com.invoicedelivery.kit.messaging.CloudEventHeaders;
import com.invoicedelivery.kit.messaging.MalformedRecordException;
import com.invoicedelivery.kit.testing.EventEvolution;
import com.invoicedelivery.kit.testing.TestLinkSeal;
import com.invoicedelivery.kit.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A send from the REST request to the client's Accept, with the other services' events fed onto their topics:
 * what is published, how each event moves the send, and that redelivered or late events move nothing backwards.
 */
public abstract class SendFlowScenarios extends ServiceScenarios {

    private static final String LINK_BASE = "http://links.test";

    @Autowired
    MongoTemplate mongo;
    @Autowired
    BindingServiceProperties bindings;

    @Test
    void aSendIsPublishedKeyedBySendWithCloudEventHeadersTheFullSnapshotAndPersonalLinks() {
        TestTenant tenant = newTenant("Бекбон Софт ЕООД");
        String clientId = newClient(tenant.api(), List.of("klient@e2e.example", "KLIENT@e2e.example",
                "acc@e2e.example"), "BG");
        JsonNode invoice = issuedInvoice(tenant.api(), clientId);
        String number = invoice.get("number").asString();

        RestCalls.Response accepted = tenant.api().post("/api/invoices/" + invoice.get("id").asString() + "/send", Map.of());

        JsonNode body = accepted.expect(202);
        String sendId = body.get("sendId").asString();
        assertThat(accepted.header("Location")).isEqualTo("/api/sends/" + sendId);
        assertThat(body.get("invoiceId").asString()).isEqualTo(invoice.get("id").asString());
        assertThat(body.get("status").asString()).isEqualTo("REQUESTED");

        ConsumerRecord<String, String> record = published(Topics.SEND_REQUESTED, sendId);
        InvoiceSendRequested event = json.readValue(record.value(), InvoiceSendRequested.class);
        assertThat(TopicProbe.header(record, CloudEventHeaders.ID)).isEqualTo(event.eventId());
        assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("com.invoicedelivery.InvoiceSendRequested");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/invoice-delivery/invoice-service");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(sendId);
        assertThat(TopicProbe.header(record, CloudEventHeaders.TENANT)).isEqualTo(tenant.id());
        assertThat(TopicProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicProbe.header(record, CloudEventHeaders.DATA_SCHEMA_VERSION)).isEqualTo("2");
        assertThat(event.schemaVersion()).isEqualTo(InvoiceSendRequested.SCHEMA_VERSION);
        assertThat(event.tenantId()).isEqualTo(tenant.id());

        SendDetails send = event.send();
        assertThat(send.sendId()).isEqualTo(sendId);
        assertThat(send.mode()).isEqualTo(DeliveryMode.LINK);
        assertThat(send.language()).isEqualTo(Language.BG);
        assertThat(send.clientName()).isEqualTo("Клиент Едно ООД");
        assertThat(send.recipients()).extracting(Recipient::email)
                .as("an address repeated in another letter case goes once")
                .containsExactly("klient@e2e.example", "acc@e2e.example");
        assertThat(send.recipients()).allSatisfy(recipient -> {
            String token = TestLinkSeal.tokenOf(recipient);
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(TestLinkSeal.openLink(recipient.sealedLink()).linkUrl()).isEqualTo(LINK_BASE + "/l/" + token);
            assertThat(recipient.linkTokenHash()).isEqualTo(PersonalLink.hashOf(token));
            assertThat(recipient.linkToken()).isNull();
            assertThat(recipient.linkUrl()).isNull();
            assertThat(record.value()).as("the record on the topic holds no token and no link in clear")
                    .doesNotContain(token).doesNotContain(LINK_BASE + "/l/");
        });
        assertThat(send.subject()).contains(number).contains("Бекбон Софт ЕООД");
        assertThat(send.message()).contains(number).contains(SendDetails.LINK_MARKER).contains("241,20 EUR");
        assertThat(send.sender().tenantName()).isEqualTo("Бекбон Софт ЕООД");
        assertThat(send.sender().subdomain()).isEqualTo(tenant.id());
        assertThat(send.sender().replyTo()).isEqualTo("office@" + tenant.id() + ".example");
        assertThat(send.linkExpiresAt()).isCloseTo(Instant.now().plus(Duration.ofDays(180)), within(1, ChronoUnit.MINUTES));
        assertThat(send.invoice().number()).isEqualTo(number);
        assertThat(send.invoice().supplier().uic()).isEqualTo("201234567");
        assertThat(send.invoice().recipient().name()).isEqualTo("Клиент Едно ООД");
        assertThat(send.invoice().bank().iban()).isEqualTo("BG80BNBG96611020345678");
        assertThat(send.invoice().lines()).singleElement()
                .satisfies(line -> assertThat(line.amount()).isEqualByComparingTo("201.00"));
        assertThat(send.invoice().taxBase()).isEqualTo(new BigDecimal("201.00"));
        assertThat(send.invoice().vatAmount()).isEqualTo(new BigDecimal("40.20"));
        assertThat(send.invoice().total()).isEqualTo(new BigDecimal("241.20"));
        assertThat(send.invoice().vat()).singleElement()
                .satisfies(vat -> assertThat(vat.vatAmount()).isEqualTo(new BigDecimal("40.20")));

        JsonNode stored = tenant.api().get("/api/sends/" + sendId).expect(200);
        assertThat(stored.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(stored.get("subject").asString()).isEqualTo(send.subject());
        assertThat(steps(stored)).containsExactly("REQUESTED");
        String document = mongo.findById(sendId, Document.class, "sends").toJson();
        assertThat(document).as("the tokens travel only in the event; the store keeps their hashes")
                .doesNotContain(TestLinkSeal.tokenOf(send.recipients().get(0)))
                .contains(PersonalLink.hashOf(TestLinkSeal.tokenOf(send.recipients().get(0))));
        assertThat(stored.toString()).doesNotContain(TestLinkSeal.tokenOf(send.recipients().get(0)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                mongo.findById(sendId, Document.class, "sends").getList("outbox", Document.class)).isEmpty());
    }

    @Test
    void statusEventsMoveTheSendForwardAndEveryStepIsInTheTimeline() {
        TestTenant tenant = newTenant("Статус ООД");
        JsonNode invoice = issuedInvoice(tenant.api(), newClient(tenant.api(), List.of("status@e2e.example"), "BG"));
        SendDetails send = send(tenant.api(), invoice.get("id").asString(), Map.of()).send();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        publish(Topics.DOCUMENT_READY, Events.documentReady(tenant.id(), send, t.plusSeconds(1)));
        awaitSend(tenant.api(), send.sendId(), body -> body.get("status").asString().equals("RENDERED"));
        publish(Topics.DELIVERY_STATUS, Events.delivery(tenant.id(), send, 0, DeliveryStatus.SENT, "<m1@platform.test>",
                null, t.plusSeconds(2)));
        publish(Topics.TRACKING_EVENTS, Events.activity(tenant.id(), send, 0, ClientActivity.OPENED, null, t.plusSeconds(3)));
        publish(Topics.TRACKING_EVENTS, Events.activity(tenant.id(), send, 0, ClientActivity.CONSENT_GIVEN, null, t.plusSeconds(4)));
        publish(Topics.TRACKING_EVENTS, Events.activity(tenant.id(), send, 0, ClientActivity.ACCEPTED, null, t.plusSeconds(5)));
        publish(Topics.TRACKING_EVENTS, Events.activity(tenant.id(), send, 0, ClientActivity.DOWNLOADED, null, t.plusSeconds(6)));

        // two topics, consumed independently: wait for the last event of each
        JsonNode accepted = awaitSend(tenant.api(), send.sendId(),
                body -> steps(body).containsAll(List.of("DOWNLOADED", "SENT")));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        JsonNode recipient = accepted.get("recipients").get(0);
        assertThat(recipient.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(recipient.get("messageId").asString()).isEqualTo("<m1@platform.test>");
        assertThat(recipient.get("downloads").valueStream().map(JsonNode::asString))
                .containsExactly(t.plusSeconds(6).toString());
        assertThat(steps(accepted))
                .containsExactly("REQUESTED", "RENDERED", "SENT", "OPENED", "CONSENT_GIVEN", "ACCEPTED", "DOWNLOADED");
        assertThat(accepted.get("timeline").get(2).get("at").asString()).isEqualTo(t.plusSeconds(2).toString());
        assertThat(accepted.get("timeline").get(2).get("recipientId").asString())
                .isEqualTo(send.recipients().get(0).recipientId());

        JsonNode invoiceNow = tenant.api().get("/api/invoices/" + send.invoiceId()).expect(200);
        assertThat(invoiceNow.get("sendStatus").asString()).isEqualTo("ACCEPTED");
        assertThat(tenant.api().get("/api/invoices?sendStatus=ACCEPTED").expect(200).valueStream()
                .map(node -> node.get("id").asString())).containsExactly(send.invoiceId());
        assertThat(tenant.api().get("/api/invoices/" + send.invoiceId() + "/sends").expect(200).get(0)
                .get("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        TestTenant tenant = newTenant("Дубликат ЕООД");
        SendDetails send = newSend(tenant, List.of("dup@e2e.example"));
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var rendered = Events.documentReady(tenant.id(), send, t.plusSeconds(1));
        var opened = Events.activity(tenant.id(), send, 0, ClientActivity.OPENED, null, t.plusSeconds(2));
        var downloaded = Events.activity(tenant.id(), send, 0, ClientActivity.DOWNLOADED, null, t.plusSeconds(3));

        publish(Topics.DOCUMENT_READY, rendered);
        publish(Topics.DOCUMENT_READY, rendered);
        publish(Topics.TRACKING_EVENTS, opened);
        publish(Topics.TRACKING_EVENTS, downloaded);
        publish(Topics.TRACKING_EVENTS, opened);
        publish(Topics.TRACKING_EVENTS, downloaded);
        // same topic, same key, same partition: once this one is applied, the redeliveries before it were handled
        publish(Topics.TRACKING_EVENTS, Events.activity(tenant.id(), send, 0, ClientActivity.CONSENT_GIVEN, null,
                t.plusSeconds(4)));
        publish(Topics.DOCUMENT_READY, Events.documentReady(tenant.id(), send, t.plusSeconds(5)));

        // the last event of each of the two topics
        List<String> lastOfEachTopic = List.of(t.plusSeconds(4).toString(), t.plusSeconds(5).toString());
        JsonNode after = awaitSend(tenant.api(), send.sendId(), body -> body.get("timeline").valueStream()
                .map(entry -> entry.get("at").asString()).toList().containsAll(lastOfEachTopic));
        assertThat(steps(after)).containsExactly("REQUESTED", "RENDERED", "OPENED", "DOWNLOADED", "CONSENT_GIVEN", "RENDERED");
        assertThat(after.get("recipients").get(0).get("downloads").size()).isEqualTo(1);
        assertThat(after.get("status").asString()).isEqualTo("OPENED");
    }

    @Test
    void repeatedFetchesOfThePageAreOneOpenedStepWithTheirCountEvenWhenACountIsRedeliveredOrComesLate() {
        TestTenant tenant = newTenant("Презареждане ЕООД");
        SendDetails send = newSend(tenant, List.of("reload@e2e.example"));
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var opened = Events.activity(tenant.id(), send, 0, ClientActivity.OPENED, null, t.plusSeconds(2));
        var second = Events.fold(opened, 2, t.plusSeconds(3));
        var third = Events.fold(opened, 3, t.plusSeconds(4));

        publish(Topics.TRACKING_EVENTS, opened);
        publish(Topics.TRACKING_EVENTS, second);
        publish(Topics.TRACKING_EVENTS, third);
        publish(Topics.TRACKING_EVENTS, third);
        publish(Topics.TRACKING_EVENTS, second); // a redelivery of an older count never lowers it
        publish(Topics.TRACKING_EVENTS, Events.activity(tenant.id(), send, 0, ClientActivity.CONSENT_GIVEN, null,
                t.plusSeconds(5)));

        JsonNode after = awaitSend(tenant.api(), send.sendId(), body -> steps(body).contains("CONSENT_GIVEN"));
        assertThat(steps(after)).containsExactly("REQUESTED", "OPENED", "CONSENT_GIVEN");
        assertThat(after.get("timeline").valueStream().map(step -> step.get("count").asInt()).toList())
                .containsExactly(1, 3, 1);
        assertThat(after.get("timeline").get(1).get("at").asString()).as("the first fetch's time")
                .isEqualTo(t.plusSeconds(2).toString());
        assertThat(after.get("status").asString()).isEqualTo("OPENED");
    }

    @Test
    void eventsThatArriveOutOfOrderNeverMoveAStatusBackwards() {
        TestTenant tenant = newTenant("Ред ООД");
        SendDetails send = newSend(tenant, List.of("order@e2e.example"));
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        publish(Topics.TRACKING_EVENTS, Events.activity(tenant.id(), send, 0, ClientActivity.OPENED, null, t.plusSeconds(3)));
        awaitSend(tenant.api(), send.sendId(), body -> body.get("status").asString().equals("OPENED"));
        publish(Topics.DELIVERY_STATUS, Events.delivery(tenant.id(), send, 0, DeliveryStatus.SENT, "<late@platform.test>",
                null, t.plusSeconds(2)));
        publish(Topics.DOCUMENT_READY, Events.documentReady(tenant.id(), send, t.plusSeconds(1)));

        JsonNode after = awaitSend(tenant.api(), send.sendId(), body -> steps(body).contains("SENT")
                && steps(body).contains("RENDERED"));
        assertThat(after.get("status").asString()).isEqualTo("OPENED");
        assertThat(after.get("recipients").get(0).get("status").asString()).isEqualTo("OPENED");
        assertThat(after.get("recipients").get(0).get("messageId").asString()).isEqualTo("<late@platform.test>");
        assertThat(steps(after)).as("in the order things happened").containsExactly("REQUESTED", "RENDERED", "SENT", "OPENED");
        assertThat(tenant.api().get("/api/invoices/" + send.invoiceId()).expect(200).get("sendStatus").asString())
                .isEqualTo("OPENED");
    }

    @Test
    void deliveryFailuresAndReturnsKeepTheirReasonsPerRecipient() {
        TestTenant tenant = newTenant("Причини ООД");
        SendDetails send = newSend(tenant, List.of("bounce@e2e.example", "keeps@e2e.example"));
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        publish(Topics.DELIVERY_STATUS, Events.delivery(tenant.id(), send, 0, DeliveryStatus.FAILED, "<f@platform.test>",
                "the mailbox does not exist (550 5.1.1)", t.plusSeconds(1)));
        publish(Topics.DELIVERY_STATUS, Events.delivery(tenant.id(), send, 1, DeliveryStatus.SENT, "<s@platform.test>",
                null, t.plusSeconds(2)));
        publish(Topics.TRACKING_EVENTS, Events.activity(tenant.id(), send, 1, ClientActivity.RETURNED,
                "Грешен ЕИК на получателя", t.plusSeconds(3)));

        JsonNode after = awaitSend(tenant.api(), send.sendId(),
                body -> steps(body).containsAll(List.of("FAILED", "SENT", "RETURNED")));
        JsonNode failed = after.get("recipients").get(0);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asString()).isEqualTo("the mailbox does not exist (550 5.1.1)");
        JsonNode returned = after.get("recipients").get(1);
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("returnReason").asString()).isEqualTo("Грешен ЕИК на получателя");
        assertThat(after.get("status").asString()).as("the most advanced recipient's").isEqualTo("RETURNED");
        assertThat(after.get("timeline").get(3).get("detail").asString()).isEqualTo("Грешен ЕИК на получателя");
    }

    /**
     * The rolling deploy: producers of a newer minor version (fields this release does not know) are read by
     * today's consumers with no dead letter; records of a major version this release does not read are dead-lettered
     * saying so, and change nothing.
     */
    @Test
    void everyProgressConsumerReadsANewerMinorVersionAndDeadLettersAnUnknownMajorVersion() {
        TestTenant tenant = newTenant("Еволюция ООД");
        SendDetails send = newSend(tenant, List.of("evolve@e2e.example"));
        SendDetails unrenderable = newSend(tenant, List.of("unrenderable@e2e.example"));
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, IntegrationEvent> byTopic = new LinkedHashMap<>();
        byTopic.put(Topics.DOCUMENT_READY, Events.documentReady(tenant.id(), send, t.plusSeconds(1)));
        byTopic.put(Topics.DELIVERY_STATUS, Events.delivery(tenant.id(), send, 0, DeliveryStatus.SENT,
                "<evolve@platform.test>", null, t.plusSeconds(2)));
        byTopic.put(Topics.TRACKING_EVENTS, Events.activity(tenant.id(), send, 0, ClientActivity.OPENED, null,
                t.plusSeconds(3)));
        byTopic.put(Topics.RENDER_FAILED, Events.renderFailed(tenant.id(), unrenderable.sendId(),
                unrenderable.invoiceId(), "no lines"));
        Map<String, TopicProbe> deadLetters = new LinkedHashMap<>();
        try {
            byTopic.keySet().forEach(topic -> deadLetters.put(topic,
                    new TopicProbe(brokers, topic + ".invoice-service" + Topics.DEAD_LETTER_SUFFIX)));
            byTopic.forEach((topic, event) -> {
                String record = json.writeValueAsString(event);
                publish(topic, event.key(), EventEvolution.asUnknownMajorVersion(record, event.getClass()));
                publish(topic, event.key(), EventEvolution.withNewerMinorFields(record));
            });

            // three topics, consumed independently: wait for the step of each
            JsonNode opened = awaitSend(tenant.api(), send.sendId(),
                    body -> steps(body).containsAll(List.of("RENDERED", "SENT", "OPENED")));
            assertThat(steps(opened)).containsExactlyInAnyOrder("REQUESTED", "RENDERED", "SENT", "OPENED");
            awaitSend(tenant.api(), unrenderable.sendId(), body -> body.get("status").asString().equals("FAILED"));
            byTopic.forEach((topic, event) -> {
                ConsumerRecord<String, String> dead = deadLetters.get(topic).await(
                        record -> record.value().contains(event.eventId()), PATIENCE);
                assertThat(TopicProbe.header(dead, "x-exception-message")).as(topic)
                        .startsWith(EventEvolution.refusedMajorReason(event.getClass()));
                assertThat(deadLetters.get(topic).drain(Duration.ofMillis(300))).as(topic)
                        .noneMatch(record -> record.value().contains(EventEvolution.ADDED_FIELD));
            });
        } finally {
            deadLetters.values().forEach(TopicProbe::close);
        }
    }

    @Test
    void anInvoiceThatCannotBeRenderedFailsForEveryRecipientWithTheReason() {
        TestTenant tenant = newTenant("Рендер ООД");
        SendDetails send = newSend(tenant, List.of("one@e2e.example", "two@e2e.example"));

        publish(Topics.RENDER_FAILED, Events.renderFailed(tenant.id(), send.sendId(), send.invoiceId(),
                "the invoice cannot be rendered: it has no lines"));

        JsonNode after = awaitSend(tenant.api(), send.sendId(), body -> body.get("status").asString().equals("FAILED"));
        assertThat(after.get("recipients").valueStream()).allSatisfy(recipient -> {
            assertThat(recipient.get("status").asString()).isEqualTo("FAILED");
            assertThat(recipient.get("failureReason").asString()).isEqualTo("the invoice cannot be rendered: it has no lines");
        });
        assertThat(steps(after)).containsExactly("REQUESTED", "RENDER_FAILED");
        assertThat(tenant.api().get("/api/invoices/" + send.invoiceId()).expect(200).get("sendStatus").asString())
                .isEqualTo("FAILED");
    }

    @Test
    void eventsAboutUnknownSendsAreSkippedAndMalformedOnesOrOnesAboutAnotherTenantsSendAreDeadLettered() {
        TestTenant tenant = newTenant("Непознат ООД");
        SendDetails send = newSend(tenant, List.of("known@e2e.example"));
        String dlq = Topics.DELIVERY_STATUS + ".invoice-service" + Topics.DEAD_LETTER_SUFFIX;
        var sent = Events.delivery(tenant.id(), send, 0, DeliveryStatus.SENT, "<x@platform.test>", null, Instant.now());
        var otherTenants = Events.delivery("someone-else", send, 0, DeliveryStatus.FAILED, null, "forged", Instant.now());
        var unknownSend = Events.delivery(tenant.id(), send, 0, DeliveryStatus.FAILED, null, "unknown", Instant.now());
        String unknownSendId = "no-such-send";
        String malformed = json.writeValueAsString(Map.of("eventId", "e-" + send.sendId(),
                "occurredAt", Instant.now().toString(), "tenantId", tenant.id(), "schemaVersion", 1));

        for (String binding : List.of("documentReady-in-0", "renderFailed-in-0", "deliveryStatus-in-0", "clientActivity-in-0")) {
            assertThat(bindings.getBindingProperties(binding).getConsumer().getRetryableExceptions())
                    .as("no retry can mend a malformed record (%s)", binding)
                    .containsEntry(MalformedRecordException.class, false);
        }
        try (TopicProbe deadLetters = new TopicProbe(brokers, dlq)) {
            // all keyed by the known send, so they are handled in this order, before the last one
            publish(Topics.DELIVERY_STATUS, send.sendId(), malformed);
            publish(Topics.DELIVERY_STATUS, send.sendId(), "{not json " + send.sendId());
            publish(Topics.DELIVERY_STATUS, send.sendId(), json.writeValueAsString(otherTenants));
            publish(Topics.DELIVERY_STATUS, send.sendId(),
                    json.writeValueAsString(unknownSend).replace(send.sendId(), unknownSendId));
            publish(Topics.DELIVERY_STATUS, sent);

            ConsumerRecord<String, String> dead = deadLetters.await(record -> record.value().equals(malformed), PATIENCE);
            // read strictly (kit): the missing fields are named before the application sees the record
            assertThat(TopicProbe.header(dead, "x-exception-message"))
                    .contains("EmailDeliveryStatusChanged").contains("attempt");
            JsonNode after = awaitSend(tenant.api(), send.sendId(), body -> body.get("status").asString().equals("SENT"));
            assertThat(steps(after)).containsExactly("REQUESTED", "SENT");
            List<ConsumerRecord<String, String>> rest = deadLetters.drain(Duration.ofMillis(500));
            assertThat(rest).extracting(ConsumerRecord::value)
                    .containsExactly(malformed, "{not json " + send.sendId(), json.writeValueAsString(otherTenants));
            assertThat(TopicProbe.header(rest.get(2), "x-exception-message"))
                    .contains("names tenant someone-else").contains("another tenant's").contains("nothing changed");
        }
    }

    @Test
    void aClientsAcceptanceNamingAnotherTenantChangesNothingAndIsDeadLetteredWithItsReason() {
        TestTenant tenant = newTenant("Чужд клик ООД");
        SendDetails send = newSend(tenant, List.of("victim@e2e.example"));
        TestTenant attacker = newTenant("Нападател ООД");
        var forged = Events.activity(attacker.id(), send, 0, ClientActivity.ACCEPTED, null, Instant.now());
        var opened = Events.activity(tenant.id(), send, 0, ClientActivity.OPENED, null, Instant.now());

        try (TopicProbe deadLetters = new TopicProbe(brokers,
                Topics.TRACKING_EVENTS + ".invoice-service" + Topics.DEAD_LETTER_SUFFIX)) {
            publish(Topics.TRACKING_EVENTS, forged);
            publish(Topics.TRACKING_EVENTS, opened);

            ConsumerRecord<String, String> dead = deadLetters.await(
                    record -> record.value().contains(forged.eventId()), PATIENCE);
            assertThat(TopicProbe.header(dead, "x-exception-message"))
                    .contains("names tenant " + attacker.id()).contains("another tenant's");
            JsonNode after = awaitSend(tenant.api(), send.sendId(), body -> steps(body).contains("OPENED"));
            assertThat(steps(after)).doesNotContain("ACCEPTED");
            assertThat(after.get("recipients").get(0).get("status").asString()).isNotEqualTo("ACCEPTED");
        }
    }

    @Test
    void aPaidTenantThatAttachesInvoicesSendsThemAsAttachmentsWithoutLinksButATrialTenantSendsLinks() {
        SendDetails attached = sendAs("PAID", true);
        assertThat(attached.mode()).isEqualTo(DeliveryMode.ATTACHMENT);
        assertThat(attached.linkExpiresAt()).isNull();
        assertThat(attached.message()).doesNotContain(SendDetails.LINK_MARKER);
        assertThat(attached.recipients()).allSatisfy(recipient -> {
            assertThat(recipient.sealedLink()).isNull();
            assertThat(recipient.linkTokenHash()).isNull();
            assertThat(recipient.linkToken()).isNull();
            assertThat(recipient.linkUrl()).isNull();
        });

        SendDetails trial = sendAs("TRIAL", true);
        assertThat(trial.mode()).isEqualTo(DeliveryMode.LINK);
        assertThat(trial.recipients()).allSatisfy(recipient -> assertThat(TestLinkSeal.tokenOf(recipient)).hasSize(43));
    }

    @Test
    void anAttachedSendSaysTheClientsActionsCannotBeTrackedAndALinkSendThatTheyAre() {
        TestTenant attaching = newTenant("Без следене ООД", "PAID", true);
        JsonNode invoice = issuedInvoice(attaching.api(), newClient(attaching.api(), List.of("untracked@e2e.example"), "EN"));
        SendDetails attached = send(attaching.api(), invoice.get("id").asString(), Map.of()).send();
        TestTenant linking = newTenant("Със следене ООД", "PAID", false);
        JsonNode linkedInvoice = issuedInvoice(linking.api(), newClient(linking.api(), List.of("tracked@e2e.example"), "EN"));
        SendDetails linked = send(linking.api(), linkedInvoice.get("id").asString(), Map.of()).send();

        JsonNode untracked = awaitSend(attaching.api(), attached.sendId(), body -> true).get("tracking");
        assertThat(untracked.get("tracked").asBoolean()).isFalse();
        assertThat(untracked.get("note").asString()).contains("attached PDF").contains("cannot be recorded");
        JsonNode tracked = awaitSend(linking.api(), linked.sendId(), body -> true).get("tracking");
        assertThat(tracked.get("tracked").asBoolean()).isTrue();
    }

    @Test
    void theUserCanChooseAddressesTextsAndLanguage() {
        TestTenant tenant = newTenant("Избор ООД");
        JsonNode invoice = issuedInvoice(tenant.api(), newClient(tenant.api(), List.of("default@e2e.example"), "BG"));

        SendDetails send = send(tenant.api(), invoice.get("id").asString(), Map.of(
                "recipients", List.of("chosen@e2e.example", "Chosen@E2E.example", "second@e2e.example"),
                "subject", "Your invoice", "message", "Please see {link}", "language", "EN")).send();

        assertThat(send.recipients()).extracting(Recipient::email).containsExactly("chosen@e2e.example", "second@e2e.example");
        assertThat(send.subject()).isEqualTo("Your invoice");
        assertThat(send.message()).isEqualTo("Please see {link}");
        assertThat(send.language()).isEqualTo(Language.EN);
    }

    private SendDetails sendAs(String plan, boolean attachInvoices) {
        boolean trialAttaching = "TRIAL".equals(plan) && attachInvoices;
        TestTenant tenant = newTenant("План ООД", plan, attachInvoices && !trialAttaching);
        if (trialAttaching) {
            storeAttachmentsOnAsBeforeTheRule(tenant);
        }
        JsonNode invoice = issuedInvoice(tenant.api(), newClient(tenant.api(), List.of("plan@e2e.example"), "EN"));
        return send(tenant.api(), invoice.get("id").asString(), Map.of()).send();
    }

    private SendDetails newSend(TestTenant tenant, List<String> emails) {
        JsonNode invoice = issuedInvoice(tenant.api(), newClient(tenant.api(), emails, "BG"));
        return send(tenant.api(), invoice.get("id").asString(), Map.of()).send();
    }
}

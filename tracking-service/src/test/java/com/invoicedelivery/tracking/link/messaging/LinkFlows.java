package com.invoicedelivery.tracking.link.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.ClientActivityRecorded;
import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.events.IntegrationEvent;
import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.messaging.CloudEventHeaders;
import com.invoicedelivery.kit.testing.EventContractCheck;
import com.invoicedelivery.kit.testing.PdfServiceStub;
import com.invoicedelivery.kit.testing.TestIdentityProvider;
import com.invoicedelivery.kit.testing.EventEvolution;
import com.invoicedelivery.kit.testing.TopicProbe;
import com.invoicedelivery.tracking.Browser;
import com.invoicedelivery.tracking.TestSends;
import com.invoicedelivery.tracking.link.domain.ActivityEntry;
import com.invoicedelivery.tracking.link.domain.Link;
import com.invoicedelivery.tracking.link.domain.LinkToken;
import com.invoicedelivery.tracking.link.persistence.LinkStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jsoup.nodes.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenarios from the bus to the client and back, run against whatever infrastructure the test class brings
 * (the embedded one, or real MongoDB and Kafka in containers).
 */
final class LinkFlows implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String brokers;
    private final int port;
    private final JsonMapper json;
    private final LinkStore links;
    private final MongoTemplate mongo;
    private final PdfServiceStub pdfService;
    private final MeterRegistry meters;
    private final KafkaProducer<String, String> producer;
    private final String tenant = "tenant-" + UUID.randomUUID();

    LinkFlows(String brokers, int port, JsonMapper json, LinkStore links, MongoTemplate mongo,
              PdfServiceStub pdfService, MeterRegistry meters) {
        this.brokers = brokers;
        this.port = port;
        this.json = json;
        this.links = links;
        this.mongo = mongo;
        this.pdfService = pdfService;
        this.meters = meters;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new StringSerializer());
    }

    /** A send comes from the bus; its client consents, views, accepts, downloads; every step is published. */
    void aSendIsWalkedByItsClientAndEveryStepIsPublished() throws Exception {
        byte[] pdf = ("%PDF-1.4 Фактура " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        DocumentRef document = new DocumentRef("doc-" + UUID.randomUUID(), Sha256.hex(pdf), pdf.length,
                "Фактура 0000000042.pdf");
        pdfService.put(document.documentId(), pdf);
        String token = TestSends.newToken();
        SendDetails send = TestSends.linkSend(Language.BG, TestSends.usualExpiry(),
                TestSends.recipient("flow-" + UUID.randomUUID() + "@example.com", token));
        var requested = TestSends.sendRequested(tenant, send);
        double acceptedBefore = recorded("accepted");
        double openedBefore = recorded("opened");

        try (TopicProbe trackingEvents = new TopicProbe(brokers, Topics.TRACKING_EVENTS)) {
            publish(Topics.SEND_REQUESTED, requested);
            publish(Topics.SEND_REQUESTED, requested); // a redelivery changes nothing
            publish(Topics.DOCUMENT_READY, TestSends.documentReady(tenant, send, document));
            String linkId = LinkToken.parse(token).orElseThrow().hash();
            await().atMost(PATIENCE).until(() -> links.find(linkId).map(Link::document).orElse(null), Objects::nonNull);

            Browser browser = new Browser(port);
            Document consent = Browser.parse(browser.get("/l/" + token));
            browser.submit(consent, "form.consent-form", Map.of("decision", "give"));
            Document invoice = Browser.parse(browser.get("/l/" + token));
            browser.submit(invoice, "form.accept-form", Map.of());
            Document accepted = Browser.parse(browser.get("/l/" + token));
            HttpResponse<byte[]> download = browser.download(accepted.selectFirst("a.download").attr("href"));

            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(Sha256.hex(download.body())).isEqualTo(document.sha256());
            // tracking-service's own token for pdf-service, from the identity provider (client credentials)
            assertThat(pdfService.authorizations()).last().isIn(TestIdentityProvider.shared().tokenRequests().stream()
                    .filter(request -> "tracking-service".equals(request.clientId())
                            && "pdf-service".equals(request.scope()) && request.accessToken() != null)
                    .map(request -> "Bearer " + request.accessToken())
                    .toList());
            assertThat(linksOf(send)).isEqualTo(1);

            trackingEvents.await(record -> send.sendId().equals(record.key())
                    && record.value().contains("\"DOWNLOADED\""), PATIENCE);
            List<ConsumerRecord<String, String>> published = trackingEvents.drain(Duration.ofMillis(500)).stream()
                    .filter(record -> send.sendId().equals(record.key()))
                    .toList();
            List<ClientActivityRecorded> all = published.stream()
                    .map(record -> json.readValue(EventContractCheck.documented(record).value(),
                            ClientActivityRecorded.class))
                    .toList();
            List<ClientActivityRecorded> events = all.stream().filter(event -> !event.countsAFold()).toList();

            assertThat(events).extracting(ClientActivityRecorded::activity).containsExactly(
                    ClientActivity.OPENED, ClientActivity.VIEWED, ClientActivity.CONSENT_GIVEN,
                    ClientActivity.ACCEPTED, ClientActivity.DOWNLOADED); // the later fetches fold into the first
            Link stored = links.find(linkId).orElseThrow();
            assertThat(events).extracting(ClientActivityRecorded::eventId)
                    .containsExactlyElementsOf(stored.history().stream().map(ActivityEntry::eventId).toList());
            assertThat(all).as("the two later fetches only announce the first entry's count")
                    .filteredOn(ClientActivityRecorded::countsAFold)
                    .extracting(ClientActivityRecorded::foldedInto, ClientActivityRecorded::count)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(events.get(0).eventId(), 2),
                            org.assertj.core.groups.Tuple.tuple(events.get(0).eventId(), 3));
            assertThat(events).allSatisfy(event -> {
                assertThat(event.tenantId()).isEqualTo(tenant);
                assertThat(event.invoiceId()).isEqualTo(send.invoiceId());
                assertThat(event.recipientId()).isEqualTo(send.recipients().get(0).recipientId());
                assertThat(event.suspectedMachine()).isFalse();
            });
            for (int i = 0; i < published.size(); i++) {
                assertCloudEventHeaders(published.get(i), all.get(i));
            }
            assertThat(published.toString()).doesNotContain(token);
        }
        assertThat(recorded("accepted") - acceptedBefore).as("tracking_client_actions_total, by a person").isEqualTo(1);
        // three fetches of the page by one client fold into one OPENED entry, and the meter counts entries
        assertThat(recorded("opened") - openedBefore).isEqualTo(1);
    }

    /** The service's own count of recorded client actions (tracking_client_actions_total). */
    private double recorded(String action) {
        Counter counter = meters.find("tracking.client.actions").tags("action", action, "machine",
                "false").counter();
        return counter == null ? 0 : counter.count();
    }

    /** An attachment-mode send gets no link (and so no page and no tracking). */
    void anAttachmentSendHasNoLinks() throws Exception {
        SendDetails attachment = TestSends.send(DeliveryMode.ATTACHMENT, Language.BG, null,
                TestSends.recipient("attached-" + UUID.randomUUID() + "@example.com", null));
        String token = TestSends.newToken();
        SendDetails link = TestSends.linkSend(Language.BG, TestSends.usualExpiry(),
                TestSends.recipient("linked-" + UUID.randomUUID() + "@example.com", token));

        DocumentRef document = new DocumentRef("doc-" + UUID.randomUUID(), "ab", 2, "f.pdf");

        // one key, one partition per topic: once the link send's link has its document, both of the attachment
        // send's records (requested and document ready) have been handled
        publish(Topics.SEND_REQUESTED, attachment.sendId(), TestSends.sendRequested(tenant, attachment));
        publish(Topics.DOCUMENT_READY, attachment.sendId(), TestSends.documentReady(tenant, attachment, document));
        publish(Topics.SEND_REQUESTED, attachment.sendId(), TestSends.sendRequested(tenant, link));
        publish(Topics.DOCUMENT_READY, attachment.sendId(), TestSends.documentReady(tenant, link, document));
        String linkId = LinkToken.parse(token).orElseThrow().hash();
        await().atMost(PATIENCE).until(() -> links.find(linkId).map(Link::document).orElse(null), Objects::nonNull);

        assertThat(linksOf(attachment)).isZero();
    }

    /**
     * A record of schema version 1, written before the upgrade with the token in clear, still makes its link: it is
     * read side by side with version 2 while such records may be in flight.
     */
    void aRecordOfTheOldVersionWithTheTokenInClearStillMakesItsLink() throws Exception {
        String token = TestSends.newToken();
        SendDetails send = TestSends.linkSend(Language.BG, TestSends.usualExpiry(),
                TestSends.clearRecipient("old-" + UUID.randomUUID() + "@example.com", token));

        publish(Topics.SEND_REQUESTED, new InvoiceSendRequested(UUID.randomUUID().toString(), java.time.Instant.now(),
                tenant, InvoiceSendRequested.CLEAR_LINK_VERSION, send));

        String linkId = LinkToken.parse(token).orElseThrow().hash();
        await().atMost(PATIENCE).until(() -> links.find(linkId).isPresent());
        assertThat(mongo.findById(linkId, org.bson.Document.class, "links").toJson()).doesNotContain(token);
    }

    /** A record of a version this service does not know goes to the dead-letter topic, naming the version. */
    void aRecordOfAnUnknownVersionIsDeadLettered() throws Exception {
        SendDetails send = TestSends.linkSend(Language.BG, TestSends.usualExpiry(),
                TestSends.recipient("future-" + UUID.randomUUID() + "@example.com", TestSends.newToken()));

        try (TopicProbe deadLetters = new TopicProbe(brokers, "invoice.send-requested.tracking-service.dlq")) {
            publish(Topics.SEND_REQUESTED, new InvoiceSendRequested(UUID.randomUUID().toString(),
                    java.time.Instant.now(), tenant, 99, send));

            ConsumerRecord<String, String> dead = deadLetters.await(record -> send.sendId().equals(record.key()),
                    PATIENCE);
            assertThat(TopicProbe.header(dead, "x-exception-message")).contains("schema version 99");
        }
        assertThat(linksOf(send)).isZero();
    }

    /**
     * Both consumers under the event-evolution policy: records of a newer minor version (fields they do not know)
     * make the link and give it its document; records of a major version they do not read go to the dead-letter
     * topic, saying so, and make nothing.
     */
    void recordsOfANewerMinorVersionAreReadAndOnesOfAnUnknownMajorVersionAreDeadLettered() throws Exception {
        String token = TestSends.newToken();
        SendDetails newer = TestSends.linkSend(Language.BG, TestSends.usualExpiry(),
                TestSends.recipient("newer-" + UUID.randomUUID() + "@example.com", token));
        SendDetails major = TestSends.linkSend(Language.BG, TestSends.usualExpiry(),
                TestSends.recipient("major-" + UUID.randomUUID() + "@example.com", TestSends.newToken()));
        DocumentRef document = new DocumentRef("doc-" + UUID.randomUUID(), "ab", 2, "f.pdf");

        try (TopicProbe requestedDead = new TopicProbe(brokers, "invoice.send-requested.tracking-service.dlq");
             TopicProbe readyDead = new TopicProbe(brokers, "invoice.document-ready.tracking-service.dlq")) {
            publishRaw(Topics.SEND_REQUESTED, newer.sendId(), EventEvolution.withNewerMinorFields(
                    json.writeValueAsString(TestSends.sendRequested(tenant, newer))));
            publishRaw(Topics.DOCUMENT_READY, newer.sendId(), EventEvolution.withNewerMinorFields(
                    json.writeValueAsString(TestSends.documentReady(tenant, newer, document))));
            publishRaw(Topics.SEND_REQUESTED, major.sendId(), EventEvolution.asUnknownMajorVersion(
                    json.writeValueAsString(TestSends.sendRequested(tenant, major)), InvoiceSendRequested.class));
            publishRaw(Topics.DOCUMENT_READY, major.sendId(), EventEvolution.asUnknownMajorVersion(
                    json.writeValueAsString(TestSends.documentReady(tenant, major, document)), InvoiceDocumentReady.class));

            String linkId = LinkToken.parse(token).orElseThrow().hash();
            await().atMost(PATIENCE).until(() -> links.find(linkId).map(Link::document).orElse(null), Objects::nonNull);
            assertThat(TopicProbe.header(requestedDead.await(r -> major.sendId().equals(r.key()), PATIENCE),
                    "x-exception-message")).startsWith(EventEvolution.refusedMajorReason(InvoiceSendRequested.class));
            assertThat(TopicProbe.header(readyDead.await(r -> major.sendId().equals(r.key()), PATIENCE),
                    "x-exception-message")).startsWith(EventEvolution.refusedMajorReason(InvoiceDocumentReady.class));
            assertThat(requestedDead.drain(Duration.ofMillis(500))).noneMatch(r -> newer.sendId().equals(r.key()));
            assertThat(readyDead.drain(Duration.ofMillis(500))).noneMatch(r -> newer.sendId().equals(r.key()));
        }
        assertThat(linksOf(major)).isZero();
    }

    /**
     * A send without usable tokens goes to the dead-letter topic, with the reason and without the token.
     *
     * @return the send's id
     */
    String aSendWithoutUsableTokensIsDeadLettered() throws Exception {
        SendDetails broken = TestSends.linkSend(Language.BG, TestSends.usualExpiry(),
                TestSends.recipientWithHash("broken-" + UUID.randomUUID() + "@example.com", "not-a-hash"));

        try (TopicProbe deadLetters = new TopicProbe(brokers, "invoice.send-requested.tracking-service.dlq")) {
            publish(Topics.SEND_REQUESTED, TestSends.sendRequested(tenant, broken));

            ConsumerRecord<String, String> dead = deadLetters.await(
                    record -> broken.sendId().equals(record.key()), PATIENCE);
            assertThat(TopicProbe.header(dead, "x-exception-message"))
                    .contains(broken.sendId()).contains("no valid link token").doesNotContain("not-a-hash");
        }
        assertThat(linksOf(broken)).isZero();
        return broken.sendId();
    }

    /**
     * A document-ready event naming another tenant for a send whose link exists changes nothing and goes to the
     * dead-letter topic with the reason (and without the token).
     */
    void anEventNamingAnotherTenantForAnExistingLinkChangesNothingAndIsDeadLettered() throws Exception {
        String token = TestSends.newToken();
        SendDetails send = TestSends.linkSend(Language.BG, TestSends.usualExpiry(),
                TestSends.recipient("owned-" + UUID.randomUUID() + "@example.com", token));
        String linkId = LinkToken.parse(token).orElseThrow().hash();
        publish(Topics.SEND_REQUESTED, TestSends.sendRequested(tenant, send));
        await().atMost(PATIENCE).until(() -> links.find(linkId).isPresent());
        DocumentRef forged = new DocumentRef("doc-forged-" + UUID.randomUUID(), "ab", 2, "forged.pdf");

        try (TopicProbe deadLetters = new TopicProbe(brokers, "invoice.document-ready.tracking-service.dlq")) {
            publish(Topics.DOCUMENT_READY, TestSends.documentReady("another-tenant", send, forged));

            ConsumerRecord<String, String> dead = deadLetters.await(record -> send.sendId().equals(record.key()),
                    PATIENCE);
            assertThat(TopicProbe.header(dead, "x-exception-message"))
                    .contains("names tenant another-tenant").contains("another tenant's").contains("nothing changed")
                    .doesNotContain(token);
        }
        assertThat(links.find(linkId).orElseThrow().tenantId()).isEqualTo(tenant);
        assertThat(links.find(linkId).orElseThrow().document()).isNull();
        assertThat(linksOf(send)).isEqualTo(1);
    }

    @Override
    public void close() {
        producer.close();
    }

    private long linksOf(SendDetails send) {
        return mongo.count(Query.query(Criteria.where("sendId").is(send.sendId())), LinkStore.COLLECTION);
    }

    private void assertCloudEventHeaders(ConsumerRecord<String, String> record, ClientActivityRecorded event) {
        assertThat(record.key()).isEqualTo(event.sendId());
        assertThat(TopicProbe.header(record, CloudEventHeaders.ID)).isEqualTo(event.eventId());
        assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE))
                .isEqualTo("com.invoicedelivery.ClientActivityRecorded");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/invoice-delivery/tracking-service");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(event.sendId());
        assertThat(TopicProbe.header(record, CloudEventHeaders.TENANT)).isEqualTo(tenant);
        assertThat(TopicProbe.header(record, CloudEventHeaders.TIME)).isEqualTo(event.occurredAt().toString());
        assertThat(TopicProbe.header(record, CloudEventHeaders.DATA_SCHEMA_VERSION)).isEqualTo("1");
        assertThat(TopicProbe.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
    }

    private void publishRaw(String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    }

    private void publish(String topic, IntegrationEvent event) throws Exception {
        publish(topic, event.key(), event);
    }

    private void publish(String topic, String key, IntegrationEvent event) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, json.writeValueAsString(event))).get(10, TimeUnit.SECONDS);
    }
}

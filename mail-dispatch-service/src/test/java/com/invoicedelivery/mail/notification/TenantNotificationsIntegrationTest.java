package com.invoicedelivery.mail.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.ClientActivityRecorded;
import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Sender;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.testing.ConsumerGroups;
import com.invoicedelivery.kit.testing.EventEvolution;
import com.invoicedelivery.kit.testing.TestTokens;
import com.invoicedelivery.kit.testing.TopicProbe;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.domain.JobState;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.testdata.Mailbox;
import com.invoicedelivery.mail.testdata.TestSends;
import com.invoicedelivery.mail.testdata.WholeServiceTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A client's Accept or Return on its page ({@code tracking.events}) becomes one notice to the tenant per notification
 * address, through the dispatch queue, in the tenant's language; the tenant chooses the addresses, the language and
 * which answers it hears of.
 */
class TenantNotificationsIntegrationTest extends WholeServiceTest {

    private static final String PATH = "/api/notification-settings";
    private static final String GROUP = "mail-dispatch-service";
    private static final String DLQ = Topics.TRACKING_EVENTS + "." + GROUP + Topics.DEAD_LETTER_SUFFIX;

    @Autowired
    JobStore jobs;

    @Test
    void anAcceptIsNotifiedOnceToTheCompanyEmailInBulgarianEvenWhenItsEventComesTwice() throws Exception {
        String tenant = tenant();
        String company = address("office");
        Recipient client = TestSends.recipient(address("client"));
        SendDetails send = sentTo(tenant, company, client);
        ClientActivityRecorded accepted = answer(tenant, send, client, ClientActivity.ACCEPTED, null);

        bus.publish(accepted);
        bus.publish(accepted);
        MimeMessage notice = mailbox.await(company, WAIT);
        bus.publish(answer(tenant, send, client, ClientActivity.OPENED, null)); // after the redelivery, same partition
        ConsumerGroups.awaitCaughtUp(brokers, GROUP, Topics.TRACKING_EVENTS, WAIT);

        assertThat(notice.getSubject()).isEqualTo("Клиентът прие Фактура № " + TestSends.INVOICE_NUMBER);
        assertThat(notice.getContentLanguage()).containsExactly("bg");
        String text = Mailbox.part(notice, "text/plain");
        assertThat(text).contains("Клиентът " + client.email() + " прие Фактура № " + TestSends.INVOICE_NUMBER)
                .doesNotContain("/l/");
        assertThat(notice.getReplyTo()[0].toString()).as("no reply-to of the tenant's own").doesNotContain(company);
        assertThat(mailbox.to(company)).hasSize(1);
        assertThat(jobs.forSend(tenant, send.sendId())).extracting(DispatchJob::recipientId, DispatchJob::state)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(client.recipientId(), JobState.SENT),
                        org.assertj.core.groups.Tuple.tuple(client.recipientId() + ":accepted:0", JobState.SENT));
        assertThat(bus.statusesOf(client.recipientId() + ":accepted:0", Duration.ofSeconds(1)))
                .as("a notice is no recipient of the send: invoice-service hears nothing of it").isEmpty();
    }

    @Test
    void aReturnIsNotifiedWithItsReasonToEveryAddressTheTenantChoseInItsLanguage() throws Exception {
        String tenant = tenant();
        String company = address("office");
        List<String> accounting = List.of(address("accounting"), address("boss"));
        api.ok(api.put(PATH, TestTokens.admin(tenant), Map.of("addresses", accounting, "language", "EN",
                "onAccept", true, "onReturn", true)), "the settings");
        Recipient client = TestSends.recipient(address("client"));
        SendDetails send = sentTo(tenant, company, client);

        bus.publish(answer(tenant, send, client, ClientActivity.RETURNED, "Wrong amount <b>& VAT</b>"));

        for (String address : accounting) {
            MimeMessage notice = mailbox.await(address, WAIT);
            assertThat(notice.getSubject()).isEqualTo("The client returned Invoice No. " + TestSends.INVOICE_NUMBER);
            assertThat(Mailbox.part(notice, "text/plain").replace("\r\n", "\n"))
                    .contains("Reason:\nWrong amount <b>& VAT</b>");
            assertThat(Mailbox.part(notice, "text/html")).contains("Wrong amount &lt;b&gt;&amp; VAT&lt;/b&gt;");
        }
        assertThat(mailbox.to(company)).isEmpty();
    }

    @Test
    void anAnswerTheTenantTurnedOffIsNotNotifiedAndTheOtherStillIs() throws Exception {
        String tenant = tenant();
        String company = address("office");
        api.ok(api.put(PATH, TestTokens.admin(tenant), Map.of("addresses", List.of(), "language", "BG",
                "onAccept", false, "onReturn", true)), "the settings");
        Recipient accepting = TestSends.recipient(address("accepting"));
        Recipient returning = TestSends.recipient(address("returning"));
        SendDetails send = sentTo(tenant, company, accepting, returning);

        bus.publish(answer(tenant, send, accepting, ClientActivity.ACCEPTED, null));
        bus.publish(answer(tenant, send, returning, ClientActivity.RETURNED, "грешна сума"));

        assertThat(mailbox.await(company, WAIT).getSubject()).startsWith("Клиентът върна");
        ConsumerGroups.awaitCaughtUp(brokers, GROUP, Topics.TRACKING_EVENTS, WAIT);
        assertThat(mailbox.to(company)).hasSize(1);
    }

    @Test
    void badSettingsAreRefusedWithAProblemNamingEachFieldAndChangeNothing() throws Exception {
        String tenant = tenant();
        String admin = TestTokens.admin(tenant);
        api.ok(api.put(PATH, admin, Map.of("addresses", List.of(address("kept")), "language", "EN",
                "onAccept", true, "onReturn", false)), "the settings");
        JsonNode before = api.getJson(PATH, TestTokens.user(tenant));

        HttpResponse<byte[]> refused = api.put(PATH, admin, Map.of("addresses", List.of("not an address",
                "Boss <boss@example.com>"), "language", "DE", "onAccept", true));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = api.json(refused);
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList())
                .containsExactly("addresses[0]", "addresses[1]", "language", "onReturn");
        assertThat(api.put(PATH, admin, Map.of("addresses", List.of(), "language", "BG", "onAccept", true,
                "onReturn", true, "colour", "red")).statusCode()).as("an unknown field").isEqualTo(400);
        assertThat(api.put(PATH, TestTokens.user(tenant), Map.of("addresses", List.of(), "language", "BG",
                "onAccept", true, "onReturn", true)).statusCode()).as("a user who is no admin").isEqualTo(403);
        assertThat(api.getJson(PATH, TestTokens.user(tenant))).isEqualTo(before);
        assertThat(api.getJson(PATH, TestTokens.user(tenant())).get("addresses").size())
                .as("another tenant keeps the defaults").isZero();
    }

    @Test
    void anActivityOfANewerMinorVersionIsNotifiedAndOneOfAnUnknownMajorVersionIsDeadLetteredSayingSo()
            throws Exception {
        String tenant = tenant();
        String company = address("office");
        Recipient client = TestSends.recipient(address("client"));
        SendDetails send = sentTo(tenant, company, client);
        ClientActivityRecorded accepted = answer(tenant, send, client, ClientActivity.ACCEPTED, null);
        String newer = EventEvolution.withNewerMinorFields(json.writeValueAsString(accepted));
        String major = EventEvolution.asUnknownMajorVersion(json.writeValueAsString(
                answer(tenant, send, client, ClientActivity.RETURNED, "x")), ClientActivityRecorded.class);

        try (TopicProbe deadLetters = new TopicProbe(brokers, DLQ)) {
            bus.publish(Topics.TRACKING_EVENTS, send.sendId(), major);
            bus.publish(Topics.TRACKING_EVENTS, send.sendId(), newer);

            assertThat(mailbox.await(company, WAIT).getSubject()).startsWith("Клиентът прие");
            ConsumerRecord<String, String> dead = deadLetters.await(r -> send.sendId().equals(r.key()), WAIT);
            assertThat(TopicProbe.header(dead, "x-exception-message"))
                    .startsWith(EventEvolution.refusedMajorReason(ClientActivityRecorded.class));
        }
        assertThat(mailbox.to(company)).hasSize(1);
    }

    /** A link-mode send whose invoice e-mails went out (the notice is made from what they carried). */
    private SendDetails sentTo(String tenant, String company, Recipient... clients) throws Exception {
        SendDetails usual = TestSends.send(DeliveryMode.LINK, Language.EN, clients);
        SendDetails send = new SendDetails(usual.sendId(), usual.invoiceId(), usual.clientId(), usual.clientName(),
                usual.mode(), usual.language(), usual.recipients(), usual.subject(), usual.message(),
                new Sender(TestSends.TENANT_NAME, TestSends.SUBDOMAIN, company), usual.invoice(),
                usual.linkExpiresAt());
        bus.publish(TestSends.documentReady(tenant, send, TestSends.document(TestSends.PDF)));
        for (Recipient client : clients) {
            mailbox.await(client.email(), WAIT);
        }
        return send;
    }

    private static ClientActivityRecorded answer(String tenant, SendDetails send, Recipient client,
                                                 ClientActivity activity, String reason) {
        return new ClientActivityRecorded(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                tenant, ClientActivityRecorded.SCHEMA_VERSION, send.sendId(), send.invoiceId(), client.recipientId(),
                activity, reason, false);
    }

    private static String tenant() {
        return "notified-" + UUID.randomUUID();
    }

    private static String address(String name) {
        return name + "-" + UUID.randomUUID() + "@notices.example";
    }
}

package com.invoicedelivery.mail.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.testing.EventEvolution;
import com.invoicedelivery.kit.testing.TopicProbe;
import com.invoicedelivery.mail.testdata.TestSends;
import com.invoicedelivery.mail.testdata.WholeServiceTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The consumer of {@code invoice.document-ready} under the event-evolution policy: a record of a newer minor version
 * (fields it does not know) is sent like any other; one of a major version it does not read is dead-lettered, saying
 * so, and nothing is sent.
 */
class DocumentReadyEvolutionIntegrationTest extends WholeServiceTest {

    private static final String DLQ = Topics.DOCUMENT_READY + ".mail-dispatch-service" + Topics.DEAD_LETTER_SUFFIX;

    @Test
    void aDocumentOfANewerMinorVersionIsSentAndOneOfAnUnknownMajorVersionIsDeadLetteredSayingSo() throws Exception {
        Recipient newerReader = TestSends.recipient("newer-" + UUID.randomUUID() + "@client.example");
        Recipient majorReader = TestSends.recipient("major-" + UUID.randomUUID() + "@client.example");
        SendDetails newer = TestSends.send(DeliveryMode.LINK, Language.BG, newerReader);
        SendDetails major = TestSends.send(DeliveryMode.LINK, Language.BG, majorReader);
        String newerRecord = EventEvolution.withNewerMinorFields(json.writeValueAsString(
                TestSends.documentReady("acme", newer, TestSends.document(TestSends.PDF))));
        String majorRecord = EventEvolution.asUnknownMajorVersion(json.writeValueAsString(
                TestSends.documentReady("acme", major, TestSends.document(TestSends.PDF))), InvoiceDocumentReady.class);

        try (TopicProbe deadLetters = new TopicProbe(brokers, DLQ)) {
            bus.publish(newer.sendId(), newerRecord);
            bus.publish(major.sendId(), majorRecord);

            assertThat(mailbox.await(newerReader.email(), WAIT).getSubject()).isNotBlank();
            ConsumerRecord<String, String> dead = deadLetters.await(r -> major.sendId().equals(r.key()), WAIT);
            assertThat(TopicProbe.header(dead, "x-exception-message"))
                    .startsWith(EventEvolution.refusedMajorReason(InvoiceDocumentReady.class));
            assertThat(deadLetters.drain(Duration.ofMillis(500))).noneMatch(r -> newer.sendId().equals(r.key()));
        }
        assertThat(mailbox.to(majorReader.email())).isEmpty();
    }
}

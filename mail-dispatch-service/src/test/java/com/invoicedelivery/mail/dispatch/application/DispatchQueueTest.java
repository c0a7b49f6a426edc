package com.invoicedelivery.mail.dispatch.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.kit.messaging.MalformedRecordException;
import com.invoicedelivery.kit.seal.Sealer;
import com.invoicedelivery.kit.security.PemKeys;
import com.invoicedelivery.kit.testing.TestLinkSeal;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.domain.JobState;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.smtp.application.SmtpServerDirectory;
import com.invoicedelivery.mail.testdata.TestSends;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class DispatchQueueTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final JobStore jobs = mock(JobStore.class);
    private final SmtpServerDirectory servers = mock(SmtpServerDirectory.class);
    private final DispatchWorkers workers = mock(DispatchWorkers.class);
    private final DispatchQueue queue = new DispatchQueue(jobs, servers, workers,
            new SealedLinks(TestLinkSeal.opener()), Clock.fixed(NOW, ZoneOffset.UTC), "invoicedelivery.test");

    @Test
    void eachRecipientGetsOneQueuedJobWithItsOwnMessageIdAndTheWorkersAreWoken() {
        Recipient first = TestSends.recipient("first@beta.example");
        Recipient second = TestSends.recipient("second@beta.example");
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, first, second);
        given(servers.serverFor("acme")).willReturn("platform");
        given(jobs.insertIfAbsent(any())).willReturn(true);

        assertThat(queue.enqueue(TestSends.documentReady("acme", send, TestSends.document(TestSends.PDF)))).isEqualTo(2);

        ArgumentCaptor<DispatchJob> created = ArgumentCaptor.forClass(DispatchJob.class);
        verify(jobs, times(2)).insertIfAbsent(created.capture());
        List<DispatchJob> queued = created.getAllValues();
        assertThat(queued).extracting(DispatchJob::id).containsExactly(send.sendId() + ":" + first.recipientId(),
                send.sendId() + ":" + second.recipientId());
        assertThat(queued).allSatisfy(job -> {
            assertThat(job.state()).isEqualTo(JobState.QUEUED);
            assertThat(job.nextAttemptAt()).isEqualTo(NOW);
            assertThat(job.messageId()).matches("<[0-9a-f-]{36}@invoicedelivery\\.test>");
            assertThat(job.smtpServer()).isEqualTo("platform");
            assertThat(job.clientId()).isEqualTo(send.clientId());
            assertThat(job.letter().invoiceNumber()).isEqualTo(TestSends.INVOICE_NUMBER);
        });
        assertThat(queued.get(0).messageId()).isNotEqualTo(queued.get(1).messageId());
        assertThat(TestLinkSeal.openLink(queued.get(1).letter().sealedLink()).linkUrl()).isEqualTo(second.linkUrl());
        assertThat(queued).as("a job keeps its link sealed, never in clear").allSatisfy(job ->
                assertThat(job.toString()).doesNotContain(first.linkToken()).doesNotContain(second.linkToken()));
        verify(workers).kick();
    }

    @Test
    void aLinkSealedToAnotherKeyMakesTheRecordMalformedNamingTheReasonAndNoJobIsMade() {
        Recipient recipient = TestSends.recipient("a@beta.example");
        SendDetails send = TestSends.sealed("acme", TestSends.send(DeliveryMode.LINK, Language.BG, recipient),
                Sealer.to((RSAPublicKey) PemKeys.generateRsa().getPublic()));
        InvoiceDocumentReady event = new InvoiceDocumentReady("e-1", NOW, "acme", InvoiceDocumentReady.SCHEMA_VERSION,
                send, TestSends.document(TestSends.PDF));

        assertThatThrownBy(() -> queue.enqueue(event)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("cannot be opened").hasMessageContaining("sealed to another key")
                .hasMessageNotContaining(recipient.linkToken());
        verifyNoInteractions(jobs);
    }

    @Test
    void aLinkSealedForAnotherTenantsSendIsMalformed() {
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, TestSends.recipient("a@beta.example"));
        InvoiceDocumentReady forAnother = TestSends.documentReady("other-tenant", send, TestSends.document(TestSends.PDF));
        InvoiceDocumentReady replayed = new InvoiceDocumentReady("e-2", NOW, "acme", InvoiceDocumentReady.SCHEMA_VERSION,
                forAnother.send(), forAnother.document());

        assertMalformed(replayed, "sealed for another tenant, send or recipient");
        verifyNoInteractions(jobs);
    }

    @Test
    void aRecordOfTheOldVersionWithLinksInClearIsQueuedWithTheLinkSealedToThisServicesKey() {
        Recipient recipient = TestSends.recipient("old@beta.example");
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, recipient);
        given(jobs.insertIfAbsent(any())).willReturn(true);

        assertThat(queue.enqueue(TestSends.clearLinkDocumentReady("acme", send, TestSends.document(TestSends.PDF))))
                .isEqualTo(1);

        ArgumentCaptor<DispatchJob> created = ArgumentCaptor.forClass(DispatchJob.class);
        verify(jobs).insertIfAbsent(created.capture());
        assertThat(created.getValue().toString()).doesNotContain(recipient.linkToken());
        assertThat(TestLinkSeal.openLink(created.getValue().letter().sealedLink()))
                .satisfies(content -> {
                    assertThat(content.linkUrl()).isEqualTo(recipient.linkUrl());
                    assertThat(content.belongsTo("acme", send.sendId(), recipient.recipientId())).isTrue();
                });
    }

    @Test
    void aRecordOfAnUnknownSchemaVersionIsMalformed() {
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, TestSends.recipient("a@beta.example"));

        assertMalformed(new InvoiceDocumentReady("e-3", NOW, "acme", 3, send, TestSends.document(TestSends.PDF)),
                "schema version 3");
    }

    @Test
    void aRedeliveryFindsItsJobsThereAndWakesNobody() {
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, TestSends.recipient("a@beta.example"));
        given(jobs.insertIfAbsent(any())).willReturn(false);

        assertThat(queue.enqueue(TestSends.documentReady("acme", send, TestSends.document(TestSends.PDF)))).isZero();

        verify(workers, never()).kick();
    }

    @Test
    void anEventNamingAnotherTenantForAQueuedSendIsMalformedAndQueuesNothing() {
        Recipient first = TestSends.recipient("first@beta.example");
        Recipient second = TestSends.recipient("second@beta.example");
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, first, second);
        DispatchJob owners = DispatchJob.queued("acme", send.sendId(), send.invoiceId(), send.clientId(),
                second.recipientId(), "platform", "<m@x>", null, NOW);
        given(jobs.find(owners.id())).willReturn(Optional.of(owners));

        assertMalformed(TestSends.documentReady("intruder", send, TestSends.document(TestSends.PDF)),
                "names tenant intruder, but send " + send.sendId() + " is another tenant's: nothing changed");
        verify(jobs, never()).insertIfAbsent(any());
        verify(workers, never()).kick();
    }

    @Test
    void recordsThatNameNoSendTenantOrRecipientsAreMalformed() {
        SendDetails noRecipients = TestSends.send(DeliveryMode.LINK, Language.BG);

        assertMalformed(TestSends.documentReady("acme", null, null), "names no send");
        assertMalformed(TestSends.documentReady(" ", noRecipients, null), "names no tenant");
        assertMalformed(TestSends.documentReady("acme", noRecipients, null), "names no recipients");
        verifyNoInteractions(jobs);
    }

    @Test
    void aSendThatNamesNoLanguageIsMalformedRatherThanBulgarian() {
        SendDetails noLanguage = TestSends.send(DeliveryMode.LINK, null, TestSends.recipient("a@beta.example"));

        assertMalformed(TestSends.documentReady("acme", noLanguage, null), "names no language");
        verifyNoInteractions(jobs);
    }

    private void assertMalformed(InvoiceDocumentReady event, String message) {
        assertThatThrownBy(() -> queue.enqueue(event)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining(message);
    }
}

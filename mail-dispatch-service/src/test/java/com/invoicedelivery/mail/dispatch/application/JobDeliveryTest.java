package com.invoicedelivery.mail.dispatch.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.invoicedelivery.kit.security.PemKeys;
import com.invoicedelivery.kit.testing.TestLinkSeal;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.domain.JobState;
import com.invoicedelivery.mail.dispatch.domain.RetryPolicy;
import com.invoicedelivery.mail.dispatch.domain.Transition;
import com.invoicedelivery.mail.emaillog.application.EmailLog;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmail;
import com.invoicedelivery.mail.message.application.MessageComposer;
import com.invoicedelivery.mail.message.application.MessageSigning;
import com.invoicedelivery.mail.message.domain.LoggedCopy;
import com.invoicedelivery.mail.message.domain.DkimSigner;
import com.invoicedelivery.mail.message.domain.RecipientEmail;
import com.invoicedelivery.mail.message.domain.MessagePreparationException;
import com.invoicedelivery.mail.smtp.application.MailTransport;
import com.invoicedelivery.mail.smtp.application.SmtpServerDirectory;
import com.invoicedelivery.mail.smtp.application.SmtpServerUnavailableException;
import com.invoicedelivery.mail.smtp.domain.SmtpOutcome;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import com.invoicedelivery.mail.testdata.TestSends;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataAccessResourceFailureException;

/** One attempt of a claimed job, with the SMTP server and the stores replaced. */
class JobDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static final SmtpServer PLATFORM = new SmtpServer(SmtpServer.PLATFORM, "smtp.example", 25,
            SmtpSecurity.NONE, null, null, null);

    private final MailTransport transport = mock(MailTransport.class);
    private final SmtpServerDirectory servers = mock(SmtpServerDirectory.class);
    private final EmailLog emailLog = mock(EmailLog.class);
    private final JobTransitions transitions = mock(JobTransitions.class);
    private final JobDelivery delivery = delivery(MessageSigning.off());

    @BeforeEach
    void platformServer() {
        given(servers.resolve(SmtpServer.PLATFORM)).willReturn(PLATFORM);
    }

    @Test
    void anAcceptedEmailIsLoggedAndTheJobSentFromTheTenantsDefaultAddress() throws Exception {
        DispatchJob job = claimed(TestSends.linkEmail("klient@beta.bg", "http://localhost/l/token"));
        ArgumentCaptor<MimeMessage> sent = ArgumentCaptor.forClass(MimeMessage.class);
        given(transport.send(any(), sent.capture())).willReturn(SmtpOutcome.replied(250, "250 2.0.0 Ok: queued"));

        delivery.deliver(job);

        assertThat(((InternetAddress) sent.getValue().getFrom()[0]).getAddress())
                .isEqualTo("invoices@acme.invoicedelivery.test");
        assertThat(sent.getValue().getMessageID()).isEqualTo(job.messageId());
        ArgumentCaptor<LoggedEmail> logged = ArgumentCaptor.forClass(LoggedEmail.class);
        ArgumentCaptor<LoggedCopy> loggedSource = ArgumentCaptor.forClass(LoggedCopy.class);
        verify(emailLog).record(logged.capture(), loggedSource.capture());
        assertThat(logged.getValue().messageId()).isEqualTo(job.messageId());
        assertThat(logged.getValue().smtpReply()).isEqualTo("250 2.0.0 Ok: queued");
        verify(transitions).apply(job, Transition.sent("250 2.0.0 Ok: queued"));
        ByteArrayOutputStream sentBytes = new ByteArrayOutputStream();
        sent.getValue().writeTo(sentBytes);
        assertThat(sentBytes.toString(StandardCharsets.US_ASCII)).as("the e-mail carries the working link")
                .contains("http://localhost/l/token");
        assertThat(new String(loggedSource.getValue().head(), StandardCharsets.US_ASCII)).as("the log's copy does not")
                .doesNotContain("/l/token").contains("/l/[link token hidden]");
        assertThat(logged.getValue().linkHidden()).isTrue();
        assertThat(logged.getValue().sha256()).as("the log keeps the hash of the exact bytes sent")
                .isEqualTo(Sha256.hex(sentBytes.toByteArray()));
        assertThat(logged.getValue().sizeBytes()).isEqualTo(sentBytes.size());
    }

    @Test
    void mailThroughThePlatformsServerCarriesItsJobsBounceAddressAsEnvelopeSenderAndATenantServersDoesNot() {
        RecipientEmail letter = TestSends.linkEmail("klient@beta.bg", "http://localhost/l/token");
        DispatchJob platformJob = withToken(claimed(letter), "abcdefghijklmnopqrstuvwxyz");
        DispatchJob tenantJob = withToken(claimed("tenant:acme", letter), "bcdefghijklmnopqrstuvwxyza");
        given(servers.resolve("tenant:acme")).willReturn(new SmtpServer("tenant:acme", "smtp.acme.bg", 587,
                SmtpSecurity.NONE, null, null, "office@acme.bg"));
        ArgumentCaptor<MimeMessage> sent = ArgumentCaptor.forClass(MimeMessage.class);
        given(transport.send(any(), sent.capture())).willReturn(SmtpOutcome.replied(250, "250 2.0.0 Ok: queued"));

        delivery.deliver(platformJob);
        delivery.deliver(tenantJob);

        assertThat(((org.eclipse.angus.mail.smtp.SMTPMessage) sent.getAllValues().get(0)).getEnvelopeFrom())
                .isEqualTo("bounces+abcdefghijklmnopqrstuvwxyz@bounces.invoicedelivery.test");
        assertThat(((org.eclipse.angus.mail.smtp.SMTPMessage) sent.getAllValues().get(1)).getEnvelopeFrom())
                .as("the tenant's server keeps the tenant's envelope: its bounces go to the tenant").isNull();
    }

    private static DispatchJob withToken(DispatchJob job, String token) {
        return new DispatchJob(job.id(), job.tenantId(), job.sendId(), job.invoiceId(), job.clientId(),
                job.recipientId(), job.smtpServer(), job.messageId(), job.letter(), job.state(), job.attempt(),
                job.createdAt(), job.nextAttemptAt(), job.leaseUntil(), job.outcomeUnknown(), job.lastReply(),
                job.lastReason(), job.finishedAt(), job.traceparent(), token);
    }

    @Test
    void aLinkSealedForAnotherRecipientFailsTheJobWithoutTalkingToTheServer() {
        DispatchJob job = claimed(TestSends.linkEmail("klient@beta.bg", "http://localhost/l/token", "acme", "send-1",
                "someone-else"));

        delivery.deliver(job);

        verifyNoInteractions(transport, emailLog);
        ArgumentCaptor<Transition> next = ArgumentCaptor.forClass(Transition.class);
        verify(transitions).apply(eq(job), next.capture());
        assertThat(next.getValue().state()).isEqualTo(JobState.FAILED);
        assertThat(next.getValue().reason()).contains("sealed for another tenant, send or recipient")
                .doesNotContain("token");
    }

    @Test
    void aPermanentRefusalFailsTheJobAndLogsNoEmail() {
        DispatchJob job = claimed(TestSends.linkEmail("klient@beta.bg", "http://localhost/l/token"));
        given(transport.send(any(), any())).willReturn(SmtpOutcome.replied(550, "550 5.1.1 No such user"));

        delivery.deliver(job);

        verifyNoInteractions(emailLog);
        ArgumentCaptor<Transition> next = ArgumentCaptor.forClass(Transition.class);
        verify(transitions).apply(eq(job), next.capture());
        assertThat(next.getValue().state()).isEqualTo(JobState.FAILED);
        assertThat(next.getValue().reason()).contains("smtp.example:25").contains("550 5.1.1 No such user");
    }

    @Test
    void aPdfThatCannotBeHadNowDefersTheJobWithoutTalkingToTheServer() {
        DispatchJob job = claimed(TestSends.attachmentEmail("klient@beta.bg", TestSends.document(TestSends.PDF)));

        delivery.deliver(job);

        verifyNoInteractions(transport, emailLog);
        verify(transitions).apply(job, Transition.deferred(NOW.plus(Duration.ofMinutes(1)), "pdf-service is away",
                null));
    }

    @Test
    void aTenantsOwnServerGetsTheMessageFromItsAddressWithTheTenantsNameAndUnsigned() throws Exception {
        JobDelivery signing = delivery(MessageSigning.with(new DkimSigner("invoicedelivery.test", "s1",
                PemKeys.generateRsa().getPrivate())));
        given(servers.resolve(SmtpServer.ofTenant("acme"))).willReturn(new SmtpServer(SmtpServer.ofTenant("acme"),
                "mail.acme.bg", 587, SmtpSecurity.STARTTLS, "mailer", "secret", "fakturi@acme.bg"));
        ArgumentCaptor<MimeMessage> sent = ArgumentCaptor.forClass(MimeMessage.class);
        given(transport.send(any(), sent.capture())).willReturn(SmtpOutcome.replied(250, "250 OK"));

        signing.deliver(claimed(SmtpServer.ofTenant("acme"), TestSends.linkEmail("klient@beta.bg", "http://l/t")));

        InternetAddress from = (InternetAddress) sent.getValue().getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("fakturi@acme.bg");
        assertThat(from.getPersonal()).isEqualTo(TestSends.TENANT_NAME);
        assertThat(sent.getValue().getHeader("DKIM-Signature")).as("only the platform's mail is signed").isNull();
    }

    @Test
    void mailThroughThePlatformsServerIsSignedWhenSigningIsOn() throws Exception {
        JobDelivery signing = delivery(MessageSigning.with(new DkimSigner("invoicedelivery.test", "s1",
                PemKeys.generateRsa().getPrivate())));
        ArgumentCaptor<MimeMessage> sent = ArgumentCaptor.forClass(MimeMessage.class);
        given(transport.send(any(), sent.capture())).willReturn(SmtpOutcome.replied(250, "250 OK"));

        signing.deliver(claimed(TestSends.linkEmail("klient@beta.bg", "http://l/t")));

        assertThat(sent.getValue().getHeader("DKIM-Signature")[0]).contains("d=invoicedelivery.test")
                .contains("s=s1");
    }

    @Test
    void aTenantServerWhosePasswordCannotBeReadDefersTheJobWithoutTalkingToAnyServer() {
        given(servers.resolve(SmtpServer.ofTenant("acme"))).willThrow(new SmtpServerUnavailableException(
                "the password of the tenant's SMTP server cannot be read: key 'old' is not configured"));
        DispatchJob job = claimed(SmtpServer.ofTenant("acme"), TestSends.linkEmail("klient@beta.bg", "http://l/t"));

        delivery.deliver(job);

        verifyNoInteractions(transport, emailLog);
        verify(transitions).apply(job, Transition.deferred(NOW.plus(Duration.ofMinutes(1)),
                "the password of the tenant's SMTP server cannot be read: key 'old' is not configured", null));
    }

    @Test
    void aStoreThatDoesNotAnswerWhileTheServerIsLookedUpDefersTheJobInsteadOfFailingIt() {
        given(servers.resolve(SmtpServer.ofTenant("acme"))).willThrow(new DataAccessResourceFailureException(
                "Prematurely reached end of stream"));
        DispatchJob job = claimed(SmtpServer.ofTenant("acme"), TestSends.linkEmail("klient@beta.bg", "http://l/t"));

        delivery.deliver(job);

        verifyNoInteractions(transport, emailLog);
        verify(transitions).apply(job, Transition.deferred(NOW.plus(Duration.ofMinutes(1)),
                "the platform's store did not answer while the e-mail was prepared", null));
    }

    @Test
    void anUnexpectedErrorWhileComposingFailsTheJobWithAReasonForTheOperators() {
        given(servers.resolve(SmtpServer.ofTenant("acme"))).willThrow(new IllegalStateException("a bug"));
        DispatchJob job = claimed(SmtpServer.ofTenant("acme"), TestSends.linkEmail("klient@beta.bg", "http://l/t"));

        delivery.deliver(job);

        ArgumentCaptor<Transition> next = ArgumentCaptor.forClass(Transition.class);
        verify(transitions).apply(eq(job), next.capture());
        assertThat(next.getValue().state()).isEqualTo(JobState.FAILED);
        assertThat(next.getValue().reason()).isEqualTo(
                "the e-mail could not be composed (the error is logged for the operators)");
    }

    @Test
    void aRefusedPasswordFailsTheJobAtOnceSayingWhatToCorrect() {
        DispatchJob job = claimed(TestSends.linkEmail("klient@beta.bg", "http://localhost/l/token"));
        given(transport.send(any(), any())).willReturn(SmtpOutcome.replied(535,
                "535 5.7.8 Authentication credentials invalid"));

        delivery.deliver(job);

        ArgumentCaptor<Transition> next = ArgumentCaptor.forClass(Transition.class);
        verify(transitions).apply(eq(job), next.capture());
        assertThat(next.getValue().state()).isEqualTo(JobState.FAILED);
        assertThat(next.getValue().reason()).isEqualTo("the mail server smtp.example:25 refused the user name or"
                + " password (535 5.7.8 Authentication credentials invalid); correct the SMTP settings and send"
                + " again");
    }

    private JobDelivery delivery(MessageSigning signing) {
        return new JobDelivery(new MessageComposer(documentId -> {
            throw MessagePreparationException.temporary("pdf-service is away", null);
        }), signing, transport, servers, new SealedLinks(TestLinkSeal.opener()), emailLog, transitions,
                new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(2), Duration.ofHours(24)),
                Clock.fixed(NOW, ZoneOffset.UTC), "invoicedelivery.test", "bounces.invoicedelivery.test");
    }

    private static DispatchJob claimed(RecipientEmail letter) {
        return claimed(SmtpServer.PLATFORM, letter);
    }

    private static DispatchJob claimed(String server, RecipientEmail letter) {
        return new DispatchJob("send-1:r-1", "acme", "send-1", "inv-1", "client-1", "r-1", server,
                "<fixed@invoicedelivery.test>", letter, JobState.SENDING, 1, NOW, NOW, NOW.plusSeconds(600), false,
                null, null, null, null, null);
    }
}

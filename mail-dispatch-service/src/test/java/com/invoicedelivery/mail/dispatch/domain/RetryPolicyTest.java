package com.invoicedelivery.mail.dispatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.invoicedelivery.mail.smtp.domain.SmtpOutcome;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(2), Duration.ofHours(24));

    @Test
    void anAcceptedMessageIsSentWithTheServersReply() {
        Transition next = policy.after(Jobs.claimed(1, false), outcome(SmtpOutcome.replied(250, "250 2.0.0 Ok: queued")),
                Jobs.CREATED);

        assertThat(next).isEqualTo(Transition.sent("250 2.0.0 Ok: queued"));
    }

    @Test
    void aPermanentRefusalFailsAtOnceWithTheReplyAsAReadableReason() {
        Transition next = policy.after(Jobs.claimed(1, false),
                outcome(SmtpOutcome.replied(550, "550 5.1.1 <klient@beta.bg>: Recipient address rejected")),
                Jobs.CREATED);

        assertThat(next.state()).isEqualTo(JobState.FAILED);
        assertThat(next.nextAttemptAt()).isNull();
        assertThat(next.reply()).isEqualTo("550 5.1.1 <klient@beta.bg>: Recipient address rejected");
        assertThat(next.reason()).isEqualTo("the mail server smtp.example:25 refused the message: "
                + "550 5.1.1 <klient@beta.bg>: Recipient address rejected");
    }

    @Test
    void aTemporaryRefusalIsRetriedAfterAMinuteThenTwoThenFour() {
        Instant now = Jobs.CREATED.plusSeconds(5);
        AttemptOutcome greylisted = outcome(SmtpOutcome.replied(451, "451 4.7.1 Greylisted, try later"));

        assertThat(policy.after(Jobs.claimed(1, false), greylisted, now))
                .isEqualTo(Transition.deferred(now.plus(Duration.ofMinutes(1)),
                        "the mail server smtp.example:25 deferred the message: 451 4.7.1 Greylisted, try later",
                        "451 4.7.1 Greylisted, try later"));
        assertThat(policy.after(Jobs.claimed(2, false), greylisted, now).nextAttemptAt())
                .isEqualTo(now.plus(Duration.ofMinutes(2)));
        assertThat(policy.after(Jobs.claimed(3, false), greylisted, now).nextAttemptAt())
                .isEqualTo(now.plus(Duration.ofMinutes(4)));
    }

    @Test
    void aServerTheHostPolicyRefusesFailsAtOnceWithoutRetrying() {
        Transition next = policy.after(Jobs.claimed(1, false), outcome(SmtpOutcome.hostRefused(
                "The SMTP server 10.0.0.5:25 is not allowed: 10.0.0.5 resolves to 10.0.0.5, a private network address")),
                Jobs.CREATED);

        assertThat(next.state()).isEqualTo(JobState.FAILED);
        assertThat(next.nextAttemptAt()).isNull();
        assertThat(next.reason()).startsWith("The SMTP server 10.0.0.5:25 is not allowed").endsWith("; nothing was"
                + " sent: correct the SMTP settings and send again");
    }

    @Test
    void noAnswerAtAllIsTemporaryToo() {
        Transition next = policy.after(Jobs.claimed(1, false),
                outcome(SmtpOutcome.noReply("the server did not answer in time (Read timed out)")), Jobs.CREATED);

        assertThat(next.state()).isEqualTo(JobState.DEFERRED);
        assertThat(next.reply()).isNull();
        assertThat(next.reason()).isEqualTo("no answer from the mail server smtp.example:25: "
                + "the server did not answer in time (Read timed out)");
    }

    @Test
    void theWaitDoublesUpToTheLongestInterval() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofMinutes(64));
        assertThat(policy.delayAfter(8)).isEqualTo(Duration.ofHours(2));
        assertThat(policy.delayAfter(1000)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void theLastAttemptFallsDueWhenTheRetryWindowEndsAndAFailureThenIsFinal() {
        AttemptOutcome deferred = outcome(SmtpOutcome.replied(421, "421 4.3.2 Service shutting down"));
        Instant deadline = Jobs.CREATED.plus(Duration.ofHours(24));
        Instant lateInTheWindow = deadline.minus(Duration.ofMinutes(30));

        assertThat(policy.after(Jobs.claimed(20, false), deferred, lateInTheWindow).nextAttemptAt()).isEqualTo(deadline);

        Transition last = policy.after(Jobs.claimed(21, false), deferred, deadline);
        assertThat(last.state()).isEqualTo(JobState.FAILED);
        assertThat(last.reason()).startsWith("no attempt succeeded within 24 h; the last one: ")
                .contains("421 4.3.2 Service shutting down");
    }

    @Test
    void everyOutcomeMapsToThePublishedStatus() {
        assertThat(JobState.SENT.publishedStatus().name()).isEqualTo("SENT");
        assertThat(JobState.DEFERRED.publishedStatus().name()).isEqualTo("DEFERRED");
        assertThat(JobState.FAILED.publishedStatus().name()).isEqualTo("FAILED");
        assertThat(JobState.OUTCOME_UNKNOWN.publishedStatus().name()).isEqualTo("OUTCOME_UNKNOWN");
    }

    private static AttemptOutcome outcome(SmtpOutcome smtp) {
        return AttemptOutcome.of(smtp, "smtp.example:25");
    }
}

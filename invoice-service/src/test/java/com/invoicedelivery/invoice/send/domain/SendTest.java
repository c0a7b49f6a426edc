package com.invoicedelivery.invoice.send.domain;

import static com.invoicedelivery.invoice.send.domain.SendFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.shared.domain.SendStatus;
import org.junit.jupiter.api.Test;

class SendTest {

    private final Send send = Send.requested("send-1", "acme", "inv-1", "0000000042", "client-1", DeliveryMode.LINK,
            Language.BG, "Фактура", "Здравейте {link}", List.of(SendRecipient.requested("r1", "a@b.bg", "h1"),
                    SendRecipient.requested("r2", "c@d.bg", "h2")), NOW);

    @Test
    void aReportAboutTheWholeSendMovesEveryRecipient() {
        Send.Change change = send.apply(Progress.ofSend("e1", NOW.plusSeconds(1), "RENDERED", SendStatus.RENDERED,
                "Фактура-0000000042.pdf", null)).orElseThrow();

        assertThat(change.send().recipients()).extracting(SendRecipient::status)
                .containsExactly(SendStatus.RENDERED, SendStatus.RENDERED);
        assertThat(change.send().status()).isEqualTo(SendStatus.RENDERED);
        assertThat(change.send().version()).isEqualTo(1);
        assertThat(change.entry()).isEqualTo(new TimelineEntry(NOW.plusSeconds(1), "RENDERED", null, "Фактура-0000000042.pdf"));
        assertThat(change.send().timeline()).extracting(TimelineEntry::step).containsExactly("REQUESTED", "RENDERED");
    }

    @Test
    void aFoldCountsFetchesOnItsOpenedStepOnlyEverUpwardsAndAddsNoStep() {
        Send opened = apply(send, new Progress("open-1", NOW, "r1", "OPENED", null, SendStatus.OPENED, null, null, null,
                false, "open-1", null, 1));

        Send.Change third = opened.apply(Progress.fold("f3", NOW.plusSeconds(2), "r1", "OPENED", "open-1", 3))
                .orElseThrow();
        Send late = apply(third.send(), Progress.fold("f2", NOW.plusSeconds(1), "r1", "OPENED", "open-1", 2));

        assertThat(third.replacing()).isEqualTo(1);
        assertThat(late.timeline()).extracting(TimelineEntry::step, TimelineEntry::count, TimelineEntry::at)
                .containsExactly(tuple("REQUESTED", 1, NOW), tuple("OPENED", 3, NOW));
        assertThat(late.recipients()).extracting(SendRecipient::status)
                .containsExactly(SendStatus.OPENED, SendStatus.REQUESTED);
    }

    @Test
    void aFoldNamingAStepTheTimelineDoesNotHaveChangesNoStep() {
        Send.Change change = send.apply(Progress.fold("f2", NOW, "r1", "OPENED", "never-heard-of", 2)).orElseThrow();

        assertThat(change.entry()).isNull();
        assertThat(change.send().timeline()).isEqualTo(send.timeline());
        assertThat(change.send().status()).isEqualTo(SendStatus.REQUESTED);
    }

    @Test
    void aReportAboutOneRecipientMovesOnlyItAndTheSendFollowsTheMostAdvanced() {
        Send after = apply(send, delivery("r2", SendStatus.SENT, "<m@x>", null));

        assertThat(after.recipients()).extracting(SendRecipient::status)
                .containsExactly(SendStatus.REQUESTED, SendStatus.SENT);
        assertThat(after.recipients().get(1).messageId()).isEqualTo("<m@x>");
        assertThat(after.status()).isEqualTo(SendStatus.SENT);
    }

    @Test
    void aLateReportAddsItsDetailsAndItsStepButNotItsStatus() {
        Send opened = apply(send, activity("r1", SendStatus.OPENED, false));
        Send sentLate = apply(opened, delivery("r1", SendStatus.SENT, "<late@x>", null));

        assertThat(sentLate.recipients().get(0).status()).isEqualTo(SendStatus.OPENED);
        assertThat(sentLate.recipients().get(0).messageId()).isEqualTo("<late@x>");
        assertThat(sentLate.timeline()).extracting(TimelineEntry::step).containsExactly("REQUESTED", "OPENED", "SENT");
    }

    @Test
    void aFailureReasonBelongsToTheStatusItCameWith() {
        Send deferred = apply(send, delivery("r1", SendStatus.DEFERRED, "<m@x>", "mailbox full"));
        assertThat(deferred.recipients().get(0).failureReason()).isEqualTo("mailbox full");

        Send sent = apply(deferred, delivery("r1", SendStatus.SENT, "<m@x>", null));
        assertThat(sent.recipients().get(0).failureReason()).isNull();

        Send failedLate = apply(sent, delivery("r1", SendStatus.FAILED, "<m@x>", "550 no such user"));
        assertThat(failedLate.recipients().get(0).status()).isEqualTo(SendStatus.SENT);
        assertThat(failedLate.recipients().get(0).failureReason()).isNull();
    }

    @Test
    void downloadsAreRecordedWithoutChangingTheStatus() {
        Send accepted = apply(send, activity("r1", SendStatus.ACCEPTED, false));
        Send downloaded = apply(apply(accepted, download("r1", 10)), download("r1", 20));

        assertThat(downloaded.recipients().get(0).status()).isEqualTo(SendStatus.ACCEPTED);
        assertThat(downloaded.recipients().get(0).downloads()).containsExactly(NOW.plusSeconds(10), NOW.plusSeconds(20));
        assertThat(downloaded.recipients().get(1).downloads()).isEmpty();
    }

    @Test
    void aReturnKeepsItsReason() {
        Send returned = apply(send, new Progress("e", NOW, "r1", "RETURNED", "Грешна сума", SendStatus.RETURNED, null,
                null, "Грешна сума", false));

        assertThat(returned.recipients().get(0).returnReason()).isEqualTo("Грешна сума");
        assertThat(returned.status()).isEqualTo(SendStatus.RETURNED);
    }

    @Test
    void aReportWithoutAStatusOnlyGoesIntoTheTimeline() {
        Send consented = apply(send, new Progress("e", NOW, "r1", "CONSENT_GIVEN", null, null, null, null, null, false));

        assertThat(consented.recipients()).isEqualTo(send.recipients());
        assertThat(consented.timeline()).extracting(TimelineEntry::step).containsExactly("REQUESTED", "CONSENT_GIVEN");
    }

    @Test
    void aReportAboutARecipientTheSendDoesNotHaveChangesNothing() {
        assertThat(send.apply(delivery("r9", SendStatus.SENT, "<m@x>", null))).isEmpty();
    }

    private static Send apply(Send send, Progress progress) {
        return send.apply(progress).orElseThrow().send();
    }

    private static Progress delivery(String recipientId, SendStatus status, String messageId, String reason) {
        return new Progress("e-" + status, NOW, recipientId, status.name(), reason, status, messageId, reason, null, false);
    }

    private static Progress activity(String recipientId, SendStatus status, boolean download) {
        return new Progress("e-" + status, NOW, recipientId, status.name(), null, status, null, null, null, download);
    }

    private static Progress download(String recipientId, int second) {
        return new Progress("d" + second, NOW.plusSeconds(second), recipientId, "DOWNLOADED", null, null, null, null,
                null, true);
    }
}

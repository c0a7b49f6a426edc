package com.invoicedelivery.invoice.send.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.ClientActivityRecorded;
import com.invoicedelivery.events.DeliveryStatus;
import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.InvoiceRenderFailed;
import com.invoicedelivery.invoice.shared.domain.SendStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressReportsTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void aRenderedDocumentMovesTheWholeSend() {
        Progress progress = ProgressReports.of(new InvoiceDocumentReady("e1", AT, "acme", 1, null,
                new DocumentRef("d1", "ab", 10, "Фактура-0000000042.pdf")));

        assertThat(progress).isEqualTo(new Progress("e1", AT, null, "RENDERED", "Фактура-0000000042.pdf",
                SendStatus.RENDERED, null, null, null, false));
    }

    @Test
    void aRenderFailureFailsTheWholeSendWithItsReason() {
        Progress progress = ProgressReports.of(new InvoiceRenderFailed("e1", AT, "acme", 1, "s1", "i1", "no lines"));

        assertThat(progress.recipientId()).isNull();
        assertThat(progress.status()).isEqualTo(SendStatus.FAILED);
        assertThat(progress.failureReason()).isEqualTo("no lines");
        assertThat(progress.step()).isEqualTo("RENDER_FAILED");
    }

    @ParameterizedTest
    @CsvSource({"SENT, SENT, ", "DEFERRED, DEFERRED, mailbox full", "FAILED, FAILED, mailbox full",
            "OUTCOME_UNKNOWN, OUTCOME_UNKNOWN, mailbox full"})
    void deliveryStatusesKeepTheirReasonExceptSent(DeliveryStatus reported, SendStatus status, String failureReason) {
        Progress progress = ProgressReports.of(new EmailDeliveryStatusChanged("e1", AT, "acme", 1, "s1", "i1", "r1",
                "a@b.bg", reported, "<m@x>", "250 Ok", 2, AT.plusSeconds(60), "mailbox full"));

        assertThat(progress.status()).isEqualTo(status);
        assertThat(progress.failureReason()).isEqualTo(failureReason);
        assertThat(progress.messageId()).isEqualTo("<m@x>");
        assertThat(progress.recipientId()).isEqualTo("r1");
        assertThat(progress.step()).isEqualTo(reported.name());
    }

    @Test
    void aDeferralSaysWhenTheNextAttemptIs() {
        Progress progress = ProgressReports.of(new EmailDeliveryStatusChanged("e1", AT, "acme", 1, "s1", "i1", "r1",
                "a@b.bg", DeliveryStatus.DEFERRED, "<m@x>", "451", 2, AT.plusSeconds(60), "greylisted"));

        assertThat(progress.detail()).isEqualTo("greylisted; attempt 2, next attempt at 2026-11-28T10:01:00Z");
    }

    @Test
    void aRetryRequestIsATimelineEntryNamingWhoAskedAndChangesNoStatusOrReason() {
        Progress progress = ProgressReports.of(new EmailDeliveryStatusChanged("e1", AT, "acme", 1, "s1", "i1", "r1",
                "a@b.bg", DeliveryStatus.DEFERRED, "<m@x>", "451", 2, AT, "greylisted", "admin@acme (tenant admin)"));

        assertThat(progress.step()).isEqualTo("RETRY_REQUESTED");
        assertThat(progress.detail()).startsWith("requested by admin@acme (tenant admin); the next attempt");
        assertThat(progress.status()).isNull();
        assertThat(progress.failureReason()).isNull();
        assertThat(progress.recipientId()).isEqualTo("r1");
        SendRecipient deferred = new SendRecipient("r1", "a@b.bg", null, SendStatus.DEFERRED, "<m@x>", "greylisted",
                null, java.util.List.of());
        assertThat(deferred.after(progress)).isEqualTo(deferred);
    }

    @ParameterizedTest
    @CsvSource({"OPENED, OPENED", "VIEWED, VIEWED", "ACCEPTED, ACCEPTED", "RETURNED, RETURNED",
            "CONSENT_GIVEN, ", "CONSENT_REFUSED, ", "DOWNLOADED, "})
    void clientActivitiesAreStatusesExceptConsentAndDownloads(ClientActivity activity, SendStatus status) {
        Progress progress = ProgressReports.of(activity(activity, "reason", false));

        assertThat(progress.status()).isEqualTo(status);
        assertThat(progress.step()).isEqualTo(activity.name());
        assertThat(progress.download()).isEqualTo(activity == ClientActivity.DOWNLOADED);
        assertThat(progress.returnReason()).isEqualTo(activity == ClientActivity.RETURNED ? "reason" : null);
    }

    @Test
    void whatLooksLikeAMachineGoesIntoTheTimelineWithoutAStatus() {
        Progress progress = ProgressReports.of(activity(ClientActivity.OPENED, null, true));

        assertThat(progress.status()).isNull();
        assertThat(progress.step()).isEqualTo("OPENED");
        assertThat(progress.detail()).contains("mail scanner");
    }

    @Test
    void aMachinesDownloadGoesIntoTheTimelineFlaggedButNotIntoTheDownloads() {
        Progress progress = ProgressReports.of(activity(ClientActivity.DOWNLOADED, null, true));

        assertThat(progress.download()).as("a HEAD or a scanner's fetch is not the client's download").isFalse();
        assertThat(progress.step()).isEqualTo("DOWNLOADED");
        assertThat(progress.detail()).contains("mail scanner");
    }

    @ParameterizedTest
    @CsvSource({"ACCEPTED, ACCEPTED, ", "RETURNED, RETURNED, wrong amount"})
    void aDecisionCountsEvenFromABrowserThatLooksAutomated(ClientActivity activity, SendStatus status, String reason) {
        Progress progress = ProgressReports.of(activity(activity, reason, true));

        assertThat(progress.status()).isEqualTo(status);
        assertThat(progress.returnReason()).isEqualTo(reason);
        assertThat(progress.detail()).contains("looks automated");
    }

    private static ClientActivityRecorded activity(ClientActivity activity, String reason, boolean machine) {
        return new ClientActivityRecorded("e1", AT, "acme", 1, "s1", "i1", "r1", activity, reason, machine);
    }
}

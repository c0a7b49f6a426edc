package com.invoicedelivery.tracking.link.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.ClientActivityRecorded;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.LinkRenewalRequested;
import com.invoicedelivery.tracking.TestSends;
import org.junit.jupiter.api.Test;

class LinkTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final Link link = NewLinks.forSend("acme",
            TestSends.linkSend(Language.BG, NOW.plus(Duration.ofDays(1)),
                    TestSends.recipient("a@example.com", TestSends.newToken())), false, NOW).get(0);

    @Test
    void aLinkExpiresAtItsExpiryTime() {
        assertThat(link.isExpiredAt(NOW)).isFalse();
        assertThat(link.isExpiredAt(link.expiresAt().minusMillis(1))).isFalse();
        assertThat(link.isExpiredAt(link.expiresAt())).isTrue();
    }

    @Test
    void thePdfIsDownloadableOnlyAfterAcceptAndOnceTheDocumentExists() {
        LinkedDocument document = new LinkedDocument("doc-1", "ab", "Фактура.pdf", NOW);
        Outcome accepted = Outcome.accepted(NOW);
        Outcome returned = Outcome.returned(new ReturnReason("Грешна сума"), NOW);

        assertThat(with(document, null).isDownloadable()).isFalse();
        assertThat(with(null, accepted).isDownloadable()).isFalse();
        assertThat(with(document, returned).isDownloadable()).isFalse();
        assertThat(with(document, accepted).isDownloadable()).isTrue();
    }

    @Test
    void anOutcomeNamesItsActivity() {
        assertThat(Outcome.accepted(NOW).kind().activity()).isEqualTo(ClientActivity.ACCEPTED);
        Outcome returned = Outcome.returned(new ReturnReason("Грешна сума"), NOW);
        assertThat(returned.kind().activity()).isEqualTo(ClientActivity.RETURNED);
        assertThat(returned.reason()).isEqualTo("Грешна сума");
    }

    @Test
    void aStepIsAnnouncedWithTheLinksIdentityAndTheMachineFlag() {
        ActivityEntry entry = link.step(ClientActivity.RETURNED, "Грешна сума", true, NOW);

        ClientActivityRecorded event = link.announce(entry);

        assertThat(event.eventId()).isEqualTo(entry.eventId()).isNotBlank();
        assertThat(event.occurredAt()).isEqualTo(NOW);
        assertThat(event.tenantId()).isEqualTo("acme");
        assertThat(event.sendId()).isEqualTo(link.sendId());
        assertThat(event.key()).isEqualTo(link.sendId());
        assertThat(event.invoiceId()).isEqualTo(link.invoiceId());
        assertThat(event.recipientId()).isEqualTo(link.recipientId());
        assertThat(event.activity()).isEqualTo(ClientActivity.RETURNED);
        assertThat(event.reason()).isEqualTo("Грешна сума");
        assertThat(event.suspectedMachine()).isTrue();
        assertThat(event.schemaVersion()).isEqualTo(ClientActivityRecorded.SCHEMA_VERSION);
    }

    @Test
    void everyStepHasItsOwnEventId() {
        assertThat(link.step(ClientActivity.OPENED, null, false, NOW).eventId())
                .isNotEqualTo(link.step(ClientActivity.OPENED, null, false, NOW).eventId());
    }

    @Test
    void itsMailCanHaveGoneOutWhenItsDocumentWasReadyOrAtTheEarliestWhenItWasMade() {
        Instant ready = NOW.plusSeconds(42);

        assertThat(link.earliestMailedAt()).isEqualTo(link.createdAt());
        assertThat(with(new LinkedDocument("doc-1", "ab", "f.pdf", ready), null).earliestMailedAt()).isEqualTo(ready);
        assertThat(with(new LinkedDocument("doc-1", "ab", "f.pdf", null), null).earliestMailedAt())
                .isEqualTo(link.createdAt());
    }

    @Test
    void aRenewalRequestNamesTheLinksOwnAddressAndRecipient() {
        LinkRenewalRequested request = link.renewalRequest(NOW);

        assertThat(request.email()).isEqualTo("a@example.com");
        assertThat(request.recipientId()).isEqualTo(link.recipientId());
        assertThat(request.sendId()).isEqualTo(link.sendId()).isEqualTo(request.key());
        assertThat(request.invoiceId()).isEqualTo(link.invoiceId());
        assertThat(request.tenantId()).isEqualTo("acme");
        assertThat(request.occurredAt()).isEqualTo(NOW);
        assertThat(request.eventId()).isNotBlank().isNotEqualTo(link.renewalRequest(NOW).eventId());
        assertThat(request.schemaVersion()).isEqualTo(LinkRenewalRequested.SCHEMA_VERSION);
    }

    @Test
    void aRepeatedFetchByTheSameClientWithinTheWindowFoldsIntoItsFirstOpen() {
        ActivityEntry first = link.opened("client-a", false, NOW);
        Link opened = withHistory(java.util.List.of(first, link.step(ClientActivity.VIEWED, null, false, NOW)));

        assertThat(opened.openToFoldInto("client-a", false, NOW.minusSeconds(60))).contains(first);
        assertThat(opened.openToFoldInto("client-b", false, NOW.minusSeconds(60))).as("another client").isEmpty();
        assertThat(opened.openToFoldInto("client-a", true, NOW.minusSeconds(60))).as("judged otherwise").isEmpty();
        assertThat(opened.openToFoldInto("client-a", false, NOW.plusMillis(1))).as("after the window").isEmpty();
    }

    @Test
    void aBeaconNamesOnlyAnOpenOfItsOwnLink() {
        ActivityEntry open = link.opened("client-a", false, NOW);
        ActivityEntry view = link.step(ClientActivity.VIEWED, null, false, NOW);
        Link opened = withHistory(java.util.List.of(open, view));

        assertThat(opened.pageLoad(open.eventId())).contains(open);
        assertThat(opened.pageLoad(view.eventId())).isEmpty();
        assertThat(opened.pageLoad("made-up")).isEmpty();
    }

    @Test
    void anEntryStoredBeforeFoldingStandsForOneStep() {
        assertThat(new ActivityEntry("e", ClientActivity.OPENED, NOW, null, false, null, 0).count()).isEqualTo(1);
    }

    private Link withHistory(java.util.List<ActivityEntry> history) {
        return new Link(link.id(), link.tenantId(), link.sendId(), link.invoiceId(), link.recipientId(), link.email(),
                link.language(), link.tenantName(), link.invoice(), link.createdAt(), link.expiresAt(), null,
                null, null, null, history);
    }

    private Link with(LinkedDocument document, Outcome outcome) {
        return new Link(link.id(), link.tenantId(), link.sendId(), link.invoiceId(), link.recipientId(), link.email(),
                link.language(), link.tenantName(), link.invoice(), link.createdAt(), link.expiresAt(), document,
                outcome, null, null, link.history());
    }
}

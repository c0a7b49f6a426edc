package com.invoicedelivery.tracking.link.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import com.invoicedelivery.tracking.TestSends;
import com.invoicedelivery.tracking.TrackingIntegrationTest;
import com.invoicedelivery.tracking.link.domain.ActivityEntry;
import com.invoicedelivery.tracking.link.domain.Link;
import com.invoicedelivery.tracking.link.domain.LinkedDocument;
import com.invoicedelivery.tracking.link.domain.NewLinks;
import com.invoicedelivery.tracking.link.domain.Outcome;
import com.invoicedelivery.tracking.link.domain.ReturnReason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The conditional writes that make each decision happen once, against the MongoDB-wire store. */
class LinkStoreIntegrationTest extends TrackingIntegrationTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    LinkStore store;
    @Autowired
    OutboxEntries outbox;
    @Autowired
    MongoTemplate mongo;

    private final Link link = NewLinks.forSend("tenant-" + UUID.randomUUID(),
            TestSends.linkSend(Language.BG, TestSends.usualExpiry(),
                    TestSends.recipient("store@example.com", TestSends.newToken())),
            false, NOW).get(0);

    @Test
    void aLinkIsStoredOnceAndReadBackWhole() {
        assertThat(store.insertIfAbsent(link)).isTrue();
        assertThat(store.insertIfAbsent(link)).isFalse();

        assertThat(store.find(link.id())).contains(link);
    }

    @Test
    void anOpenStoredBeforeCountsStandsForOneFetchAndEachFoldCountsOverTheCountItRead() {
        store.insertIfAbsent(link);
        ActivityEntry opened = link.opened("client-hash", false, NOW);
        store.append(link.id(), opened, outbox.of(link.announce(opened), Topics.TRACKING_EVENTS));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(link.id())), new Update().unset("history.0.count"),
                LinkStore.COLLECTION);

        assertThat(store.find(link.id()).orElseThrow().history().get(0).count()).isEqualTo(1);
        assertThat(store.foldOpen(link.id(), opened.eventId(), 1, fold(opened, 2))).isTrue();
        assertThat(store.foldOpen(link.id(), opened.eventId(), 1, fold(opened, 2)))
                .as("a count read before another fetch was counted").isFalse();
        assertThat(store.foldOpen(link.id(), "no-such-entry", 2, fold(opened, 3))).isFalse();
        Link counted = store.find(link.id()).orElseThrow();
        assertThat(counted.history()).singleElement().satisfies(entry -> assertThat(entry.count()).isEqualTo(2));
    }

    private OutboxEntry fold(ActivityEntry opened, int count) {
        return outbox.of(link.announceFold(opened, count, NOW), Topics.TRACKING_EVENTS);
    }

    @Test
    void concurrentDecisionsLeaveExactlyOneOutcome() throws Exception {
        store.insertIfAbsent(link);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> decisions = IntStream.range(0, 8)
                    .mapToObj(i -> (Callable<Boolean>) () -> i % 2 == 0
                            ? decide(Outcome.accepted(NOW.plusMillis(i)))
                            : decide(Outcome.returned(new ReturnReason("причина " + i), NOW.plusMillis(i))))
                    .toList();
            List<Boolean> results = threads.invokeAll(decisions).stream().map(LinkStoreIntegrationTest::join).toList();

            assertThat(results).containsOnlyOnce(true);
        } finally {
            threads.shutdown();
        }
        Link decided = store.find(link.id()).orElseThrow();
        assertThat(decided.outcome()).isNotNull();
        assertThat(decided.history()).singleElement()
                .satisfies(step -> assertThat(step.activity()).isEqualTo(decided.outcome().kind().activity()))
                .satisfies(step -> assertThat(step.at()).isEqualTo(decided.outcome().at()));
    }

    @Test
    void theFirstViewIsRecordedOnce() {
        store.insertIfAbsent(link);

        assertThat(store.appendFirstView(link.id(), step(ClientActivity.VIEWED), event(ClientActivity.VIEWED))).isTrue();
        assertThat(store.appendFirstView(link.id(), step(ClientActivity.VIEWED), event(ClientActivity.VIEWED))).isFalse();

        assertThat(store.find(link.id()).orElseThrow().history()).hasSize(1);
        assertThat(store.find(link.id()).orElseThrow().viewedAt()).isEqualTo(NOW);
    }

    @Test
    void theFirstDocumentOfASendStands() {
        store.insertIfAbsent(link);

        assertThat(store.attachDocument(link.tenantId(), link.sendId(), new LinkedDocument("doc-1", "aa", "a.pdf", NOW)))
                .isEqualTo(1);
        assertThat(store.attachDocument(link.tenantId(), link.sendId(), new LinkedDocument("doc-2", "bb", "b.pdf", NOW)))
                .isZero();
        assertThat(store.attachDocument("another-tenant", link.sendId(), new LinkedDocument("doc-3", "cc", "c.pdf", NOW)))
                .isZero();

        assertThat(store.find(link.id()).orElseThrow().document()).isEqualTo(new LinkedDocument("doc-1", "aa", "a.pdf", NOW));
    }

    @Test
    void aRenewalIsRecordedOncePerIntervalWithItsEvent() {
        store.insertIfAbsent(link);
        Instant hourAgo = NOW.minus(Duration.ofHours(1));

        assertThat(store.requestRenewal(link.id(), NOW, hourAgo, renewal(NOW))).isTrue();
        assertThat(store.requestRenewal(link.id(), NOW.plusSeconds(60), hourAgo.plusSeconds(60),
                renewal(NOW.plusSeconds(60)))).isFalse();
        assertThat(store.find(link.id()).orElseThrow().renewalRequestedAt()).isEqualTo(NOW);

        Instant nextHour = NOW.plus(Duration.ofHours(1));
        assertThat(store.requestRenewal(link.id(), nextHour, NOW, renewal(nextHour))).isTrue();
        assertThat(store.find(link.id()).orElseThrow().renewalRequestedAt()).isEqualTo(nextHour);
    }

    private OutboxEntry renewal(Instant at) {
        return outbox.of(link.renewalRequest(at), Topics.LINK_RENEWAL_REQUESTED);
    }

    private boolean decide(Outcome outcome) {
        ActivityEntry step = link.step(outcome.kind().activity(), outcome.reason(), false, outcome.at());
        return store.decide(link.id(), outcome, step, outbox.of(link.announce(step), Topics.TRACKING_EVENTS));
    }

    private ActivityEntry step(ClientActivity activity) {
        return link.step(activity, null, false, NOW);
    }

    private OutboxEntry event(ClientActivity activity) {
        return outbox.of(link.announce(step(activity)), Topics.TRACKING_EVENTS);
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

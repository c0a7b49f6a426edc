package com.invoicedelivery.mail.smtp.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.invoicedelivery.kit.testing.EmbeddedMongo;
import com.invoicedelivery.mail.smtp.application.ConnectionSlots.ConnectionSlot;
import com.invoicedelivery.kit.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

/** Connection slots as leases in one document per server, taken by two replicas on one store. */
class StoredConnectionSlotsTest {

    private static final String ACME = "tenant:acme";
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final MovableClock clock = new MovableClock();
    private final MongoTemplate store = new MongoTemplate(new SimpleMongoClientDatabaseFactory(
            EmbeddedMongo.uri("mail_slot_leases_" + UUID.randomUUID().toString().replace("-", ""))));
    private final StoredConnectionSlots first = replica("replica-a");
    private final StoredConnectionSlots second = replica("replica-b");

    @Test
    void aServersSlotsAreSharedByTheReplicasUpToTheCap() {
        assertThat(first.tryAcquire(ACME)).isPresent();
        assertThat(second.tryAcquire(ACME)).isPresent();

        assertThat(first.tryAcquire(ACME)).isEmpty();
        assertThat(second.tryAcquire(ACME)).isEmpty();
        assertThat(second.tryAcquire("tenant:beta")).as("another server has slots of its own").isPresent();
        assertThat(first.leasesOf(ACME)).isEqualTo(2);
    }

    @Test
    void aReleasedSlotIsFreeForTheOtherReplicaAtOnce() {
        ConnectionSlot held = first.tryAcquire(ACME).orElseThrow();
        first.tryAcquire(ACME).orElseThrow();

        held.release();

        assertThat(second.tryAcquire(ACME)).isPresent();
        assertThat(held.held()).isFalse();
    }

    @Test
    void theSlotsOfAReplicaThatStoppedWithoutGivingThemBackAreTakenOverWhenTheirLeaseRunsOut() {
        first.tryAcquire(ACME).orElseThrow();
        first.tryAcquire(ACME).orElseThrow();
        // the first replica crashes here: it neither renews nor releases

        clock.advance(LEASE.minusSeconds(1));
        assertThat(second.tryAcquire(ACME)).as("still leased").isEmpty();
        clock.advance(Duration.ofSeconds(1));

        assertThat(second.tryAcquire(ACME)).isPresent();
        assertThat(second.tryAcquire(ACME)).isPresent();
        assertThat(second.tryAcquire(ACME)).isEmpty();
        assertThat(first.leasesOf(ACME)).as("the expired leases are gone, not piled up").isEqualTo(2);
    }

    @Test
    void aRenewedSlotIsNotTakenOverAndALostOneSaysSo() {
        ConnectionSlot renewed = first.tryAcquire(ACME).orElseThrow();
        ConnectionSlot forgotten = first.tryAcquire(ACME).orElseThrow();

        clock.advance(Duration.ofSeconds(40));
        assertThat(renewed.renew()).isTrue();
        clock.advance(Duration.ofSeconds(40));
        Optional<ConnectionSlot> takenOver = second.tryAcquire(ACME);

        assertThat(takenOver).as("the slot whose lease ran out").isPresent();
        assertThat(second.tryAcquire(ACME)).as("the renewed one is still held").isEmpty();
        assertThat(renewed.held()).isTrue();
        assertThat(forgotten.held()).isFalse();
        assertThat(forgotten.renew()).as("its connection must close").isFalse();
    }

    @Test
    void aStoppingReplicaGivesBackAllItsSlotsOnEveryServerInOneWriteAndNoOtherReplicasSlot() {
        MongoTemplate watched = spy(store);
        StoredConnectionSlots stopping = new StoredConnectionSlots(watched, 2, LEASE, clock, "replica-a");
        ConnectionSlot acme = stopping.tryAcquire(ACME).orElseThrow();
        ConnectionSlot beta = stopping.tryAcquire("tenant:beta").orElseThrow();
        ConnectionSlot other = second.tryAcquire(ACME).orElseThrow();

        stopping.releaseAll(List.of(acme, beta));

        verify(watched, times(1)).updateMulti(any(Query.class), any(UpdateDefinition.class), anyString());
        verify(watched, never()).updateFirst(any(Query.class), any(UpdateDefinition.class), anyString());
        assertThat(acme.held()).isFalse();
        assertThat(beta.held()).isFalse();
        assertThat(first.leasesOf(ACME)).as("the other replica's slot stays").isEqualTo(1);
        assertThat(first.leasesOf("tenant:beta")).isZero();
        assertThat(other.held()).isTrue();
    }

    @Test
    void slotsThatCannotBeGivenBackForLackOfTheStoreAreGivenUpWithoutAnErrorAndExpireByThemselves() {
        MongoTemplate away = spy(store);
        StoredConnectionSlots stopping = new StoredConnectionSlots(away, 2, LEASE, clock, "replica-a");
        ConnectionSlot held = stopping.tryAcquire(ACME).orElseThrow();
        stopping.tryAcquire(ACME).orElseThrow();
        doThrow(new DataAccessResourceFailureException("Timed out while waiting for a server"))
                .when(away).updateMulti(any(Query.class), any(UpdateDefinition.class), anyString());

        stopping.releaseAll(List.of(held));

        assertThat(held.held()).isFalse();
        assertThat(second.tryAcquire(ACME)).as("still leased in the store").isEmpty();
        clock.advance(LEASE);
        assertThat(second.tryAcquire(ACME)).isPresent();
    }

    private StoredConnectionSlots replica(String name) {
        return new StoredConnectionSlots(store, 2, LEASE, clock, name);
    }
}

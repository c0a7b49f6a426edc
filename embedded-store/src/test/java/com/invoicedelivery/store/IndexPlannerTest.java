package com.invoicedelivery.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

class IndexPlannerTest {

    private static SecondaryIndex<Integer> index(String field) {
        return new SecondaryIndex<>(field, List.of(new IndexKey(field, true)), false, "_id");
    }

    /** 1 000 pending documents, two of them of tenant "b". */
    private static List<Index<Integer>> indexes() {
        SecondaryIndex<Integer> pending = index("pending");
        SecondaryIndex<Integer> tenant = index("tenant");
        for (int i = 0; i < 1000; i++) {
            Document document = new Document("_id", "d" + i).append("pending", true)
                    .append("tenant", i % 500 == 0 ? "b" : "a");
            pending.add(document, i, null);
            tenant.add(document, i, null);
        }
        Document without = new Document("_id", "d-none").append("tenant", "a");
        pending.add(without, 1000, null);
        tenant.add(without, 1000, null);
        return List.of(pending, tenant);
    }

    @Test
    void ofTwoServingIndexesTheOneCountingFewerCandidatesIsUsed() {
        assertThat(IndexPlanner.candidates(new Document("pending", true).append("tenant", "b"), indexes()))
                .containsExactly(0, 500);
    }

    @Test
    void anOrOfServedBranchesCountsTheirSumAndGivesTheirUnion() {
        Document filter = new Document("$or", List.of(new Document("tenant", "b"),
                new Document("_id", "x").append("tenant", "b")));
        assertThat(IndexPlanner.candidates(filter, indexes())).containsExactly(0, 500);
    }

    @Test
    void theCountsAreThoseOfThePositionsCollected() {
        SecondaryIndex<Integer> pending = (SecondaryIndex<Integer>) indexes().get(0);
        List<List<Object>> keys = List.of(List.of(true));

        assertThat(pending.countFor(keys)).isEqualTo(pending.positionsFor(keys).size()).isEqualTo(1000);
        assertThat(pending.countWithLeadingField()).isEqualTo(pending.positionsWithLeadingField().size())
                .isEqualTo(1000);
    }

    @Test
    void theOldestDueOfAThousandWaitingJobsIsFoundByLoadingOneDocument() {
        SecondaryIndex<Integer> due = new SecondaryIndex<>("due",
                List.of(new IndexKey("state", true), new IndexKey("nextAttemptAt", true)), false, "_id");
        List<Document> jobs = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Document job = new Document("_id", "j" + i).append("state", "QUEUED")
                    .append("nextAttemptAt", java.time.Instant.ofEpochMilli(1_000_000L - i));
            jobs.add(job);
            due.add(job, i, null);
        }
        List<Integer> candidates = List.copyOf(IndexPlanner.candidates(new Document("state", "QUEUED"), List.of(due)));
        java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();

        List<Integer> first = IndexedQueries.firstInSortOrder(candidates, new Document("state", "QUEUED"),
                new Document("nextAttemptAt", 1), 0, 1, List.of(due), position -> {
                    loads.incrementAndGet();
                    return jobs.get(position);
                }, (document, query) -> true);

        assertThat(first).containsExactly(999);
        assertThat(loads).hasValue(1);
    }
}

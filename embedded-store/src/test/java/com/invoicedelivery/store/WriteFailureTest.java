package com.invoicedelivery.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed background write of the H2 file is reported, not swallowed: H2 does not recover from one (its next write
 * waits for the failed chunk forever), so the owner of the store must hear of it and its cause.
 */
class WriteFailureTest {

    @TempDir
    Path directory;

    /**
     * Neither BSON nor Java serialisation can write it. The collection refuses such a value on insert (it encodes
     * each document to measure it), so it can only reach the file by a change to a stored document after its insert:
     * what this test does to make H2's write fail.
     */
    private static final class Unwritable {
    }

    @Test
    void aDocumentTheFileCannotTakeIsReportedWithItsCauseWhenH2FailsToWriteIt() throws Exception {
        CompletableFuture<Throwable> reported = new CompletableFuture<>();
        IndexedH2Backend backend = IndexedH2Backend.open(directory.resolve("store.mv").toString(), ScanPolicy.allow(),
                reported::complete);
        try {
            MongoCollection<?> things = backend.resolveDatabase("test").createCollectionOrThrowIfExists("things");
            Document stored = new Document("_id", "bad").append("value", "text");
            things.addDocument(stored);
            stored.put("value", new Unwritable());

            // written by H2's background writer within its auto-commit delay (1 s), as in the running store

            Throwable failure = reported.get(30, TimeUnit.SECONDS);
            assertThat(failure).hasStackTraceContaining(Unwritable.class.getName());
        } finally {
            backend.getMvStore().closeImmediately();
        }
    }

    @Test
    void aStoreThatWritesNormallyReportsNothing() throws Exception {
        CompletableFuture<Throwable> reported = new CompletableFuture<>();
        IndexedH2Backend backend = IndexedH2Backend.open(directory.resolve("store.mv").toString(), ScanPolicy.allow(),
                reported::complete);
        try {
            MongoCollection<?> things = backend.resolveDatabase("test").createCollectionOrThrowIfExists("things");
            things.addDocument(new Document("_id", "good").append("value", "text"));
            backend.getMvStore().commit();
        } finally {
            backend.close();
        }
        assertThat(reported).isNotDone();
    }
}

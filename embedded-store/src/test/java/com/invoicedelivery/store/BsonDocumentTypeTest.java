package com.invoicedelivery.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class BsonDocumentTypeTest {

    private final BsonDocumentType type = new BsonDocumentType();

    private Document roundTrip(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        return type.read(written);
    }

    @Test
    void aDocumentIsWrittenAsBsonBehindTheMarker() {
        Document document = new Document("_id", "a").append("at", Instant.parse("2026-12-07T00:00:00Z"))
                .append("lines", List.of(new Document("n", 1)));
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);

        assertThat(buffer.getBuffer().get(0)).isEqualTo(BsonDocumentType.MARKER);
        assertThat(roundTrip(document)).isEqualTo(document);
    }

    @Test
    void aValueTheWireEncoderDoesNotTakeIsStoredTheOldWayAndReadBackNotLost() {
        // java.util.Date is not a value of the wire's decoder (it gives Instant), so its encoder refuses it
        Document document = new Document("_id", "b").append("when", new Date(0));
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);

        assertThat(buffer.getBuffer().get(0)).isNotEqualTo(BsonDocumentType.MARKER);
        assertThat(roundTrip(document)).isEqualTo(document);
    }

    /**
     * mongo-java-server changes a stored document in place when it updates it, while H2's writer may be encoding the
     * page that holds it; before the encoding was tried again, the iteration failed and so did H2's write, and H2
     * never writes again after a failed write (the store stopped answering in a full-size benchmark run).
     */
    @Test
    void aDocumentChangedInPlaceWhileItIsWrittenIsStillWrittenAsBson() throws Exception {
        Document document = new Document("_id", "c").append("status", "QUEUED").append("attempts", 0);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread updater = new Thread(() -> {
            // what AbstractMongoCollection.updateDocument does to the stored instance: removes, then puts fields
            for (int i = 0; writing.get() && i < 5_000_000; i++) {
                document.remove("attempts");
                document.put("status", i % 2 == 0 ? "SENDING" : "QUEUED");
                document.put("attempts", i);
                document.put("extra-" + (i % 7), i);
                document.remove("extra-" + ((i + 3) % 7));
            }
        });
        updater.start();
        int bson = 0;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            for (int i = 0; i < 20_000 && System.nanoTime() < deadline; i++) {
                WriteBuffer buffer = new WriteBuffer();
                type.write(buffer, document);
                ByteBuffer written = buffer.getBuffer();
                written.flip();
                if (written.get(0) == BsonDocumentType.MARKER) {
                    bson++;
                }
                assertThat(type.read(written)).containsKey("_id");
            }
        } finally {
            writing.set(false);
            updater.join(10_000);
        }
        assertThat(bson).isPositive();
    }
}

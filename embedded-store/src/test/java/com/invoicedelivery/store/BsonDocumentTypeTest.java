package com.invoicedelivery.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.List;

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
}

package com.invoicedelivery.store;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the H2 file stores a document: as BSON, the encoding the wire protocol uses for every value the store can hold,
 * instead of H2's default for an unknown class, Java serialisation, which spent a fifth of the store's CPU in a bulk
 * send (ObjectOutputStream) and wrote each document's class descriptions with it. Values written by the default
 * type (files of earlier versions) are still read: each BSON value starts with a marker byte that H2's type never
 * writes first, and anything else is read the old way; a document written again is written as BSON.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** Not a tag of {@link ObjectDataType} (0–19, 32–49, 64–119). */
    static final byte MARKER = (byte) 0xBD;

    private static final Logger LOG = LoggerFactory.getLogger(BsonDocumentType.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final ObjectDataType legacy = new ObjectDataType();

    /**
     * How long an encoding is tried again while the document changes under it. mongo-java-server updates a stored
     * document in place (AbstractMongoCollection.updateDocument removes and puts its fields, then puts the same
     * instance back), while H2's background writer may be encoding the page that holds it: the iteration then fails.
     * What the writer stores for that version may already hold the update, which is harmless (the update's own
     * version is written next). A failed write, on the other hand, is not: H2 does not recover from one; and neither
     * is writing such a document the old way, whose bytes would not read back.
     */
    static final long CHANGING_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(5);

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = Unpooled.buffer(256);
        try {
            if (!encode(document, encoded)) {
                // a value the wire encoder does not take (the collection measures every document by encoding it
                // before storing it, so only a value put in after that can be one): written the old way, which
                // reads back as before
                if (WARNED.compareAndSet(false, true)) {
                    LOG.warn("a document is stored by Java serialisation, not BSON: {}", document.get("_id"));
                }
                synchronized (legacy) {
                    legacy.write(buffer, document);
                }
                return;
            }
            int length = encoded.readableBytes();
            buffer.put(MARKER).putVarInt(length);
            if (encoded.hasArray()) {
                buffer.put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), length);
            } else {
                byte[] bytes = new byte[length];
                encoded.readBytes(bytes);
                buffer.put(bytes);
            }
        } finally {
            encoded.release();
        }
    }

    /** @return false if the wire encoder refuses a value of the document (a type it does not know) */
    private static boolean encode(Document document, ByteBuf encoded) {
        long deadline = System.nanoTime() + CHANGING_BUDGET_NANOS;
        while (true) {
            encoded.clear();
            try {
                BsonEncoder.encodeDocument(document, encoded);
                return true;
            } catch (IllegalArgumentException refused) {
                return false;
            } catch (RuntimeException changing) {
                if (System.nanoTime() > deadline) {
                    throw changing;
                }
                LockSupport.parkNanos(10_000);
            }
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != MARKER) {
            synchronized (legacy) {
                return (Document) legacy.read(buffer);
            }
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** Equal or not: values are never ordered, but H2 compares them for its conditional replace and remove. */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : 1;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** An estimate of the heap a document takes, for H2's page cache; walked, never encoded. */
    @Override
    public int getMemory(Document document) {
        try {
            return (int) Math.min(Integer.MAX_VALUE, memoryOf(document, 0));
        } catch (RuntimeException changing) {
            // changed while walked (see ATTEMPTS): an estimate is all H2 needs
            return 1024;
        }
    }

    private static long memoryOf(Object value, int depth) {
        if (depth > 100) {
            return 16;
        }
        if (value instanceof Map<?, ?> map) {
            long memory = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += 40 + memoryOf(entry.getKey(), depth + 1) + memoryOf(entry.getValue(), depth + 1);
            }
            return memory;
        }
        if (value instanceof Collection<?> collection) {
            long memory = 40;
            for (Object element : collection) {
                memory += 8 + memoryOf(element, depth + 1);
            }
            return memory;
        }
        if (value instanceof CharSequence text) {
            return 48 + text.length();
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        if (value instanceof de.bwaldvogel.mongo.bson.BinData binary) {
            return 32 + binary.getData().length;
        }
        return 24;
    }
}

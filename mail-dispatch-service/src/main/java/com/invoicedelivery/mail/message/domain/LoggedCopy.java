package com.invoicedelivery.mail.message.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * The e-mail log's copy of an e-mail as it is stored. An attached document is already kept by pdf-service, so the
 * copy leaves its base64 body out: {@code head} is the source up to that body, {@code tail} the source after it,
 * and {@code attachment} says which document goes between and how it was encoded. Put back together with the same
 * document's bytes, it is the copy byte for byte. A copy without an attachment (a link-mode e-mail) is whole:
 * {@code head} is all of it, {@code attachment} is null and {@code tail} empty.
 */
public record LoggedCopy(byte[] head, AttachmentReference attachment, byte[] tail) {

    private static final byte[] NOTHING = new byte[0];

    public LoggedCopy {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(tail, "tail");
        if (attachment == null && tail.length > 0) {
            throw new IllegalArgumentException("a whole copy has no tail");
        }
    }

    /** The copy kept whole. */
    public static LoggedCopy whole(byte[] source) {
        return new LoggedCopy(source, null, NOTHING);
    }

    /**
     * The copy with the attachment's base64 body left out, found where {@code reference} says it was encoded; the
     * whole copy when the body is not in the source as that encoding writes it (nothing is lost either way).
     *
     * @param content the bytes attached, which {@code reference} describes (the caller has checked their SHA-256:
     *                the composer attaches only a verified document; only their size is checked again here)
     */
    public static LoggedCopy detached(byte[] source, AttachmentReference reference, byte[] content) {
        if (content.length == 0 || content.length != reference.sizeBytes()) {
            return whole(source);
        }
        byte[] body = reference.encode(content);
        int start = indexOf(source, body);
        if (start < 0) {
            return whole(source);
        }
        return new LoggedCopy(Arrays.copyOfRange(source, 0, start), reference,
                Arrays.copyOfRange(source, start + body.length, source.length));
    }

    public boolean isDetached() {
        return attachment != null;
    }

    /**
     * The copy byte for byte, the document's bytes encoded again in the attachment's place.
     *
     * @param document the attached document's bytes as stored now (ignored for a whole copy)
     * @throws DocumentChangedException when they are not the bytes attached (another size or SHA-256)
     */
    public byte[] reassembled(byte[] document) {
        if (attachment == null) {
            return head.clone();
        }
        if (!attachment.matches(document)) {
            throw new DocumentChangedException(attachment);
        }
        return concat(head, attachment.encode(document), tail);
    }

    /**
     * The copy with an empty attachment body: every header and text of the e-mail, without the document (so it can be
     * shown without fetching it).
     */
    public byte[] withoutAttachmentBody() {
        return attachment == null ? head.clone() : concat(head, NOTHING, tail);
    }

    /** The same copy with header fields put in front (e.g. the DKIM signature the e-mail sent got). */
    public LoggedCopy withHeaderInFront(byte[] header) {
        return new LoggedCopy(concat(header, head, NOTHING), attachment, tail);
    }

    /** How many bytes the stored copy takes (without the document, which pdf-service keeps). */
    public long storedBytes() {
        return (long) head.length + tail.length;
    }

    private static byte[] concat(byte[] first, byte[] second, byte[] third) {
        byte[] joined = new byte[first.length + second.length + third.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        System.arraycopy(third, 0, joined, first.length + second.length, third.length);
        return joined;
    }

    /** The first place {@code body} stands in {@code source}; its first bytes are looked for, then the whole. */
    private static int indexOf(byte[] source, byte[] body) {
        int last = source.length - body.length;
        for (int at = 0; at <= last; at++) {
            if (source[at] == body[0]
                    && Arrays.equals(source, at, at + body.length, body, 0, body.length)) {
                return at;
            }
        }
        return -1;
    }

    /** The stored document is no longer the one attached: the copy cannot be put back together exactly. */
    public static final class DocumentChangedException extends RuntimeException {

        private final transient AttachmentReference attachment;

        DocumentChangedException(AttachmentReference attachment) {
            super("document " + attachment.documentId() + " no longer matches the attachment sent (SHA-256 "
                    + attachment.sha256() + ", " + attachment.sizeBytes() + " bytes)");
            this.attachment = attachment;
        }

        public AttachmentReference attachment() {
            return attachment;
        }
    }
}

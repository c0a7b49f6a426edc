package com.invoicedelivery.mail.message.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

import com.invoicedelivery.kit.digest.Sha256;

/**
 * An attached document kept by reference instead of by its base64 body: the stored document's id, the SHA-256 and
 * size of the bytes attached, and how they were encoded (base64 lines of {@code lineLength} characters, each but
 * the last ended by {@code lineEnding}), so that the same body can be encoded again byte for byte.
 *
 * @param documentId the document in pdf-service
 * @param sha256     the SHA-256 (hex) of the bytes attached
 * @param sizeBytes  the size of the bytes attached
 * @param lineLength the length of the base64 lines (Jakarta Mail writes 76, the most RFC 2045 allows)
 * @param lineEnding what ends a line: {@code CRLF} (MIME's) or {@code LF}
 */
public record AttachmentReference(String documentId, String sha256, long sizeBytes, int lineLength,
                                  String lineEnding) {

    /** What Jakarta Mail's base64 encoder writes when it composes a message. */
    public static final int MIME_LINE_LENGTH = 76;
    public static final String CRLF = "CRLF";
    public static final String LF = "LF";

    public AttachmentReference {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(sha256, "sha256");
        if (lineLength < 4 || lineLength % 4 != 0) {
            throw new IllegalArgumentException("a base64 line length is a positive multiple of 4, not " + lineLength);
        }
        if (!CRLF.equals(lineEnding) && !LF.equals(lineEnding)) {
            throw new IllegalArgumentException("a line ends with CRLF or LF, not " + lineEnding);
        }
    }

    /** The reference to {@code content}, attached as MIME base64 (76-character lines, CRLF). */
    public static AttachmentReference mimeBase64(String documentId, byte[] content) {
        return mimeBase64(documentId, Sha256.hex(content), content);
    }

    /**
     * The same, with the SHA-256 the content was already checked against (e.g. {@link AttachedDocument#verified}),
     * so it is not computed again for every e-mail.
     */
    public static AttachmentReference mimeBase64(String documentId, String checkedSha256, byte[] content) {
        return new AttachmentReference(documentId, checkedSha256.toLowerCase(Locale.ROOT), content.length,
                MIME_LINE_LENGTH, CRLF);
    }

    /** Whether {@code content} is the document attached: the same size and SHA-256. */
    public boolean matches(byte[] content) {
        return content.length == sizeBytes && Sha256.hex(content).equalsIgnoreCase(sha256);
    }

    /** The base64 body as it stood in the e-mail: no line ending after the last line (the MIME structure has it). */
    public byte[] encode(byte[] content) {
        byte[] separator = (CRLF.equals(lineEnding) ? "\r\n" : "\n").getBytes(StandardCharsets.US_ASCII);
        return Base64.getMimeEncoder(lineLength, separator).encode(content);
    }
}

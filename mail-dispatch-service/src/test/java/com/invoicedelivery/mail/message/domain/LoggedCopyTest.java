package com.invoicedelivery.mail.message.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LoggedCopyTest {

    private static final byte[] PDF = pdf(1000);
    private static final String HEAD = "Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    private static final String TAIL = "\r\n--boundary--\r\n";

    @Test
    void aCopyWithoutTheAttachmentsBodyIsPutBackTogetherByteForByteWithTheSameDocument() {
        byte[] source = source(PDF);

        LoggedCopy copy = LoggedCopy.detached(source, AttachmentReference.mimeBase64("doc-1", PDF), PDF);

        assertThat(copy.isDetached()).isTrue();
        assertThat(new String(copy.head(), StandardCharsets.US_ASCII)).isEqualTo(HEAD);
        assertThat(new String(copy.tail(), StandardCharsets.US_ASCII)).isEqualTo(TAIL);
        assertThat(copy.storedBytes()).isEqualTo(HEAD.length() + TAIL.length());
        assertThat(copy.reassembled(PDF)).isEqualTo(source);
    }

    @Test
    void everySizeOfDocumentComesBackExactlyWhateverItsLastLine() {
        // 57 bytes make one full 76-character line: a last line full, short by one, longer by one
        for (int size : new int[] {1, 2, 3, 56, 57, 58, 57 * 20, 57 * 20 + 1}) {
            byte[] pdf = pdf(size);
            byte[] source = source(pdf);

            LoggedCopy copy = LoggedCopy.detached(source, AttachmentReference.mimeBase64("doc-1", pdf), pdf);

            assertThat(copy.isDetached()).as("size %d", size).isTrue();
            assertThat(copy.reassembled(pdf)).as("size %d", size).isEqualTo(source);
        }
    }

    @Test
    void aDocumentWhoseBytesChangedIsRefused() {
        LoggedCopy copy = LoggedCopy.detached(source(PDF), AttachmentReference.mimeBase64("doc-1", PDF), PDF);
        byte[] changed = PDF.clone();
        changed[500] ^= 1;

        assertThatThrownBy(() -> copy.reassembled(changed))
                .isInstanceOf(LoggedCopy.DocumentChangedException.class)
                .hasMessageContaining("doc-1").hasMessageContaining(copy.attachment().sha256());
        assertThatThrownBy(() -> copy.reassembled(Arrays.copyOf(PDF, PDF.length + 1)))
                .isInstanceOf(LoggedCopy.DocumentChangedException.class);
    }

    @Test
    void aSourceThatDoesNotHoldTheBodyAsEncodedIsKeptWhole() {
        byte[] source = (HEAD + Base64.getEncoder().encodeToString(PDF) + TAIL).getBytes(StandardCharsets.US_ASCII);

        LoggedCopy copy = LoggedCopy.detached(source, AttachmentReference.mimeBase64("doc-1", PDF), PDF);

        assertThat(copy.isDetached()).isFalse();
        assertThat(copy.head()).isEqualTo(source);
        assertThat(copy.reassembled(new byte[0])).isEqualTo(source);
    }

    @Test
    void aHeaderPutInFrontOfTheCopyComesBackInFrontOfTheSource() {
        byte[] source = source(PDF);
        byte[] signature = "DKIM-Signature: v=1; b=abc\r\n".getBytes(StandardCharsets.US_ASCII);

        LoggedCopy signed = LoggedCopy.detached(source, AttachmentReference.mimeBase64("doc-1", PDF), PDF)
                .withHeaderInFront(signature);

        assertThat(new String(signed.reassembled(PDF), StandardCharsets.US_ASCII))
                .isEqualTo(new String(signature, StandardCharsets.US_ASCII)
                        + new String(source, StandardCharsets.US_ASCII));
    }

    @Test
    void theCopyReadWithoutTheDocumentHasEveryHeaderAndAnEmptyBody() {
        LoggedCopy copy = LoggedCopy.detached(source(PDF), AttachmentReference.mimeBase64("doc-1", PDF), PDF);

        assertThat(new String(copy.withoutAttachmentBody(), StandardCharsets.US_ASCII)).isEqualTo(HEAD + TAIL);
    }

    private static byte[] source(byte[] pdf) {
        return (HEAD + Base64.getMimeEncoder().encodeToString(pdf) + TAIL).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] pdf(int size) {
        byte[] pdf = new byte[size];
        new Random(size).nextBytes(pdf);
        return pdf;
    }
}

package com.invoicedelivery.mail.message.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.mail.testdata.TestSends;
import org.junit.jupiter.api.Test;

class AttachedDocumentTest {

    @Test
    void theAnnouncedBytesAreAttachedUnderTheAnnouncedName() {
        DocumentRef ref = TestSends.document(TestSends.PDF);

        AttachedDocument attached = AttachedDocument.verified(ref, TestSends.PDF);

        assertThat(attached.fileName()).isEqualTo(TestSends.FILE_NAME);
        assertThat(attached.content()).isEqualTo(TestSends.PDF);
    }

    @Test
    void otherBytesAreRefusedForGoodWithAReadableReason() {
        DocumentRef ref = TestSends.document(TestSends.PDF);
        byte[] other = "%PDF-1.4 another invoice".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> AttachedDocument.verified(ref, other))
                .isInstanceOfSatisfying(MessagePreparationException.class, e -> {
                    assertThat(e.isTemporary()).isFalse();
                    assertThat(e.getMessage()).contains(ref.documentId()).contains("does not match")
                            .contains(ref.sha256()).contains("not sent");
                });
    }
}

package com.invoicedelivery.mail.emaillog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.invoicedelivery.kit.problem.FieldViolation;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.problem.InvalidInputException;
import com.invoicedelivery.kit.problem.NotFoundException;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmail;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmailCopy;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmailSource;
import com.invoicedelivery.mail.emaillog.persistence.EmailStore;
import com.invoicedelivery.mail.message.application.DocumentSource;
import com.invoicedelivery.mail.message.domain.AttachmentReference;
import com.invoicedelivery.mail.message.domain.LoggedCopy;
import com.invoicedelivery.mail.message.domain.MessagePreparationException;
import org.junit.jupiter.api.Test;

class EmailLogTest {

    private static final byte[] PDF = "%PDF-1.4 Фактура 0000000042 %%EOF".getBytes(StandardCharsets.UTF_8);
    private static final String HEAD = "Subject: x\r\nContent-Type: application/pdf\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n";
    private static final String TAIL = "\r\n";
    private static final byte[] SENT = (HEAD + Base64.getMimeEncoder().encodeToString(PDF) + TAIL)
            .getBytes(StandardCharsets.US_ASCII);

    private final EmailStore store = mock(EmailStore.class);
    private final DocumentSource documents = mock(DocumentSource.class);
    private final EmailLog log = new EmailLog(store, documents);

    @Test
    void aPageIsTheTenantsEmailsFromTheOffsetWithBlankFiltersIgnored() {
        given(store.list("acme", "client-1", null, null, 4, 2)).willReturn(List.of(email("5"), email("6")));

        List<LoggedEmail> page = log.list("acme", "client-1", " ", 2, 4);

        assertThat(page).extracting(LoggedEmail::id).containsExactly("5", "6");
    }

    @Test
    void aStatusTheLogDoesNotKnowIsRefusedNamingTheFieldAndReadsNothing() {
        assertThatThrownBy(() -> log.list("acme", null, null, "LOST", 10, 0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("status"));
        verifyNoInteractions(store);
    }

    @Test
    void anOutOfRangeLimitOrOffsetIsRefusedNamingTheFieldsAndReadsNothing() {
        assertThatThrownBy(() -> log.list("acme", null, null, 0, -1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("limit", "offset"));
        assertThatThrownBy(() -> log.list("acme", null, null, EmailLog.MAX_LIMIT + 1, 0))
                .isInstanceOf(InvalidInputException.class);
        verifyNoInteractions(store);
    }

    @Test
    void theSourceOfAnAttachmentEmailIsPutBackTogetherFromTheDocumentAsTheExactBytesSent() {
        storedAttachmentEmail();
        given(documents.fetch("doc-1")).willReturn(PDF);

        LoggedEmailSource source = log.source("acme", "e-1");

        assertThat(source.source()).isEqualTo(SENT);
        assertThat(source.isExactlyAsSent()).isTrue();
    }

    @Test
    void aDocumentWhoseBytesChangedSinceTheSendIsRefusedAsChanged() {
        storedAttachmentEmail();
        given(documents.fetch("doc-1")).willReturn("%PDF-1.4 another invoice".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> log.source("acme", "e-1"))
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SourceUnavailableException.Reason.DOCUMENT_CHANGED);
                    assertThat(e.getMessage()).contains("doc-1").contains("no longer matches");
                });
    }

    @Test
    void anUnreachablePdfServiceIsSaidToBeTemporaryAndADocumentItNoLongerHasGone() {
        storedAttachmentEmail();
        given(documents.fetch("doc-1")).willThrow(MessagePreparationException.temporary("pdf-service is down", null));
        assertThatThrownBy(() -> log.source("acme", "e-1")).isInstanceOfSatisfying(SourceUnavailableException.class,
                e -> assertThat(e.reason()).isEqualTo(SourceUnavailableException.Reason.UNREACHABLE));

        willThrow(MessagePreparationException.permanent("no document doc-1")).given(documents).fetch("doc-1");
        assertThatThrownBy(() -> log.source("acme", "e-1")).isInstanceOfSatisfying(SourceUnavailableException.class,
                e -> assertThat(e.reason()).isEqualTo(SourceUnavailableException.Reason.DOCUMENT_GONE));
    }

    @Test
    void aWholeCopyIsItsOwnSourceWithoutAskingPdfService() {
        given(store.find("acme", "e-1")).willReturn(Optional.of(new LoggedEmailCopy(email("e-1", SENT, false),
                LoggedCopy.whole(SENT))));

        assertThat(log.source("acme", "e-1").source()).isEqualTo(SENT);
        verifyNoInteractions(documents);
    }

    @Test
    void anotherTenantsOrAnUnknownEmailIsNotFound() {
        given(store.find("acme", "e-9")).willReturn(Optional.empty());

        assertThatThrownBy(() -> log.source("acme", "e-9")).isInstanceOf(NotFoundException.class);
        verifyNoInteractions(documents);
    }

    private void storedAttachmentEmail() {
        LoggedCopy copy = LoggedCopy.detached(SENT, AttachmentReference.mimeBase64("doc-1", PDF), PDF);
        assertThat(copy.isDetached()).isTrue();
        given(store.find("acme", "e-1")).willReturn(Optional.of(new LoggedEmailCopy(email("e-1", SENT, false),
                copy)));
    }

    private static LoggedEmail email(String id, byte[] sent, boolean linkHidden) {
        return new LoggedEmail(id, "acme", "client-1", "inv-1", "send-1", "r-" + id, "invoices@acme.example",
                "klient@beta.bg", "Фактура", "<" + id + "@example>", Instant.now(), "SENT", "250 OK", 1, false,
                Sha256.hex(sent), sent.length, linkHidden, null, null, null, null, null);
    }

    private static LoggedEmail email(String id) {
        return new LoggedEmail(id, "acme", "client-1", "inv-1", "send-1", "r-" + id, "invoices@acme.example",
                "klient@beta.bg", "Фактура", "<" + id + "@example>", Instant.now(), "SENT", "250 OK", 1, false,
                "00", 10, true, null, null, null, null, null);
    }
}

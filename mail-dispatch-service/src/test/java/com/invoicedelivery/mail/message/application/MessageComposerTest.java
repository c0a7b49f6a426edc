package com.invoicedelivery.mail.message.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;

import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.mail.message.domain.AttachmentReference;
import com.invoicedelivery.mail.message.domain.LoggedCopy;
import com.invoicedelivery.mail.message.domain.RecipientEmail;
import com.invoicedelivery.mail.message.domain.MessagePreparationException;
import com.invoicedelivery.mail.testdata.TestSends;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/** Composes e-mails and parses them back as a mail client would. */
class MessageComposerTest {

    private static final String LINK = "http://localhost:8084/l/Zm9vYmFyYmF6cXV4cXV1eA";
    private static final String MESSAGE_ID = "<0b7c6f1e-4d1a-4c55-9d65-5b1f4f3f2a10@invoicedelivery.local>";
    private static final Instant DATE = Instant.parse("2026-11-28T10:15:30Z");
    private static final String FROM = "invoices@acme.invoicedelivery.local";

    private final FakeDocuments documents = new FakeDocuments();
    private final MessageComposer composer = new MessageComposer(documents);

    @Test
    void aLinkModeEmailIsMultipartAlternativeWithEncodedHeadersAndTheFixedMessageId() throws Exception {
        PreparedEmail email = composer.compose(TestSends.linkEmail("klient@beta.bg", LINK), LINK, FROM, MESSAGE_ID, DATE);
        MimeMessage parsed = parse(email.source());

        InternetAddress from = (InternetAddress) parsed.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(FROM);
        assertThat(from.getPersonal()).isEqualTo(TestSends.TENANT_NAME);
        assertThat(((InternetAddress) parsed.getReplyTo()[0]).getAddress()).isEqualTo(TestSends.REPLY_TO);
        assertThat(((InternetAddress) parsed.getAllRecipients()[0]).getAddress()).isEqualTo("klient@beta.bg");
        assertThat(parsed.getSubject()).isEqualTo(TestSends.SUBJECT);
        assertThat(parsed.getMessageID()).isEqualTo(MESSAGE_ID);
        assertThat(parsed.getSentDate().toInstant()).isEqualTo(DATE);
        assertThat(parsed.getHeader("Content-Language", null)).isEqualTo("bg");
        // non-ASCII header text travels encoded (RFC 2047), never as raw UTF-8
        assertThat(parsed.getHeader("Subject", null)).startsWith("=?UTF-8?");
        assertThat(parsed.getHeader("From", null)).startsWith("=?UTF-8?").endsWith("<" + FROM + ">");
        assertThat(isAscii(email.source())).isTrue();

        assertThat(parsed.getContentType()).startsWith("multipart/alternative");
        Multipart alternative = (Multipart) parsed.getContent();
        assertThat(alternative.getCount()).isEqualTo(2);
        BodyPart text = alternative.getBodyPart(0);
        BodyPart html = alternative.getBodyPart(1);
        assertThat(text.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(html.getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat((String) text.getContent()).contains("Може да я видите тук: " + LINK)
                .contains(TestSends.INVOICE_NUMBER);
        assertThat((String) html.getContent()).contains("href=\"" + LINK + "\"").contains("Здравейте,");
        assertThat(email.sha256()).isEqualTo(Sha256.hex(email.source()));
        assertThat(email.from()).isEqualTo("\"Акме ООД\" <" + FROM + ">");
    }

    @Test
    void theLogsCopyIsTheSameEmailWithTheLinksTokenHiddenInTextAndHtml() throws Exception {
        String token = LINK.substring(LINK.lastIndexOf('/') + 1);
        PreparedEmail email = composer.compose(TestSends.linkEmail("klient@beta.bg", LINK), LINK, FROM, MESSAGE_ID, DATE);
        MimeMessage logged = parse(email.loggedSource());

        assertThat(email.linkHidden()).isTrue();
        assertThat(new String(email.loggedSource(), StandardCharsets.US_ASCII)).doesNotContain(token);
        assertThat(logged.getMessageID()).isEqualTo(MESSAGE_ID);
        assertThat(logged.getSubject()).isEqualTo(TestSends.SUBJECT);
        assertThat(logged.getSentDate().toInstant()).isEqualTo(DATE);
        Multipart alternative = (Multipart) logged.getContent();
        String hidden = "http://localhost:8084/l/[link token hidden]";
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("Може да я видите тук: " + hidden)
                .doesNotContain(token);
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("href=\"" + hidden + "\"")
                .doesNotContain(token);
        assertThat(email.sha256()).as("the hash is of the bytes sent, the link in them")
                .isEqualTo(Sha256.hex(email.source()));
        assertThat(((String) ((Multipart) parse(email.source()).getContent()).getBodyPart(0).getContent()))
                .contains(LINK);
    }

    @Test
    void anEmailWithoutALinkIsLoggedAsSent() throws Exception {
        DocumentRef ref = TestSends.document(TestSends.PDF);
        documents.put(ref.documentId(), TestSends.PDF);

        PreparedEmail email = composer.compose(TestSends.attachmentEmail("klient@beta.bg", ref), null, FROM,
                MESSAGE_ID, DATE);

        assertThat(email.linkHidden()).isFalse();
        assertThat(email.loggedSource()).isEqualTo(email.source());
    }

    @Test
    void anAttachmentEmailIsLoggedWithoutThePdfsBase64BodyAndPutBackTogetherItIsTheSourceByteForByte() {
        byte[] pdf = onePagePdf();
        DocumentRef ref = TestSends.document(pdf);
        documents.put(ref.documentId(), pdf);

        PreparedEmail email = composer.compose(TestSends.attachmentEmail("klient@beta.bg", ref), null, FROM,
                MESSAGE_ID, DATE);
        LoggedCopy copy = email.loggedCopy();

        assertThat(copy.isDetached()).isTrue();
        assertThat(copy.attachment()).as("what encodes the body again: Jakarta Mail's 76-character lines and CRLF")
                .isEqualTo(new AttachmentReference(ref.documentId(), ref.sha256(), pdf.length, 76, "CRLF"));
        String kept = new String(copy.withoutAttachmentBody(), StandardCharsets.US_ASCII);
        String firstLine = Base64.getEncoder().encodeToString(Arrays.copyOf(pdf, 57));
        assertThat(new String(email.source(), StandardCharsets.US_ASCII)).contains(firstLine);
        assertThat(kept).as("no base64 of the PDF").doesNotContain(firstLine)
                .contains("Content-Transfer-Encoding: base64").contains("filename*=UTF-8''%D0%A4");
        assertThat(copy.storedBytes()).isLessThan(4_000);
        assertThat(copy.reassembled(pdf)).isEqualTo(email.source()).isEqualTo(email.loggedSource());
        assertThat(Sha256.hex(copy.reassembled(pdf))).isEqualTo(email.sha256());
    }

    @Test
    void jakartaMailsBase64IsFoundAndEncodedAgainExactlyWhateverTheLengthOfItsLastLine() {
        // 57 bytes make one full 76-character line: the last line full, one byte short of it, one byte into the next
        for (int size : new int[] {57 * 100, 57 * 100 - 1, 57 * 100 + 1}) {
            byte[] pdf = new byte[size];
            new java.util.Random(size).nextBytes(pdf);
            DocumentRef ref = TestSends.document(pdf);
            documents.put(ref.documentId(), pdf);

            PreparedEmail email = composer.compose(TestSends.attachmentEmail("klient@beta.bg", ref), null, FROM,
                    MESSAGE_ID, DATE);

            assertThat(email.loggedCopy().isDetached()).as("size %d", size).isTrue();
            assertThat(email.loggedCopy().reassembled(pdf)).as("size %d", size).isEqualTo(email.source());
        }
    }

    @Test
    void aLinkModeEmailIsLoggedWholeWithItsTokenHidden() {
        PreparedEmail email = composer.compose(TestSends.linkEmail("klient@beta.bg", LINK), LINK, FROM, MESSAGE_ID, DATE);

        assertThat(email.loggedCopy().isDetached()).isFalse();
        assertThat(email.loggedCopy().head()).isEqualTo(email.loggedSource());
    }

    @Test
    void theMessageToSendWritesExactlyTheComposedSource() throws Exception {
        PreparedEmail email = composer.compose(TestSends.linkEmail("klient@beta.bg", LINK), LINK, FROM, MESSAGE_ID, DATE);

        MimeMessage message = email.message();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        message.writeTo(written, new String[] {"Bcc", "Content-Length"});

        assertThat(written.toByteArray()).isEqualTo(email.source());
        assertThat(message.getMessageID()).isEqualTo(MESSAGE_ID);
        assertThat(((InternetAddress) message.getAllRecipients()[0]).getAddress()).isEqualTo("klient@beta.bg");
    }

    @Test
    void anAttachmentModeEmailCarriesTheCheckedPdfWithItsCyrillicNameEncodedPerRfc2231() throws Exception {
        DocumentRef ref = TestSends.document(TestSends.PDF);
        documents.put(ref.documentId(), TestSends.PDF);

        PreparedEmail email = composer.compose(TestSends.attachmentEmail("klient@beta.bg", ref), null, FROM, MESSAGE_ID, DATE);
        MimeMessage parsed = parse(email.source());

        assertThat(parsed.getContentType()).startsWith("multipart/mixed");
        Multipart mixed = (Multipart) parsed.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat((String) alternative.getBodyPart(0).getContent()).doesNotContain("{link}").doesNotContain("http");

        MimeBodyPart pdf = (MimeBodyPart) mixed.getBodyPart(1);
        assertThat(pdf.isMimeType("application/pdf")).isTrue();
        assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(pdf.getEncoding()).isEqualTo("base64");
        assertThat(pdf.getFileName()).isEqualTo(TestSends.FILE_NAME);
        assertThat(pdf.getHeader("Content-Disposition", null)).contains("filename*").contains("UTF-8''%D0%A4");
        assertThat(pdf.getHeader("Content-Type", null)).contains("name*").contains("UTF-8''%D0%A4");
        try (InputStream content = pdf.getInputStream()) {
            assertThat(content.readAllBytes()).isEqualTo(TestSends.PDF);
        }
    }

    @Test
    void aPdfThatDoesNotMatchItsHashIsNeverAttached() {
        DocumentRef ref = TestSends.document(TestSends.PDF);
        documents.put(ref.documentId(), "%PDF-1.4 someone else's invoice".getBytes(StandardCharsets.UTF_8));
        RecipientEmail letter = TestSends.attachmentEmail("klient@beta.bg", ref);

        assertThatThrownBy(() -> composer.compose(letter, null, FROM, MESSAGE_ID, DATE))
                .isInstanceOfSatisfying(MessagePreparationException.class, e -> {
                    assertThat(e.isTemporary()).isFalse();
                    assertThat(e.getMessage()).contains("does not match");
                });
    }

    @Test
    void anUnavailablePdfIsATemporaryProblem() {
        DocumentRef ref = TestSends.document(TestSends.PDF);
        RecipientEmail letter = TestSends.attachmentEmail("klient@beta.bg", ref);

        assertThatThrownBy(() -> composer.compose(letter, null, FROM, MESSAGE_ID, DATE))
                .isInstanceOfSatisfying(MessagePreparationException.class, e -> assertThat(e.isTemporary()).isTrue());
    }

    @Test
    void anInvalidRecipientAddressIsAPermanentProblemThatNamesIt() {
        RecipientEmail letter = TestSends.linkEmail("not an address", LINK);

        assertThatThrownBy(() -> composer.compose(letter, LINK, FROM, MESSAGE_ID, DATE))
                .isInstanceOfSatisfying(MessagePreparationException.class, e -> {
                    assertThat(e.isTemporary()).isFalse();
                    assertThat(e.getMessage()).contains("recipient address").contains("not an address");
                });
    }

    /** A one-page invoice's size (docs/PERFORMANCE.md: 45,361 bytes); random, as compressed PDF streams are. */
    private static byte[] onePagePdf() {
        byte[] pdf = new byte[45_361];
        new java.util.Random(45_361).nextBytes(pdf);
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        return pdf;
    }

    private static MimeMessage parse(byte[] source) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(source));
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static final class FakeDocuments implements DocumentSource {

        private final java.util.Map<String, byte[]> stored = new java.util.HashMap<>();

        void put(String documentId, byte[] content) {
            stored.put(documentId, content);
        }

        @Override
        public byte[] fetch(String documentId) {
            byte[] content = stored.get(documentId);
            if (content == null) {
                throw MessagePreparationException.temporary("pdf-service is away", null);
            }
            return content;
        }
    }
}

package com.invoicedelivery.mail.message.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.security.PemKeys;
import com.invoicedelivery.mail.message.domain.DkimSigner;
import com.invoicedelivery.mail.testdata.TestSends;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DKIM signatures of composed e-mails, checked by an independent verifier, dkimpy (see {@link PythonDkim}): the
 * signature of real output (Bulgarian headers, a PDF attachment) verifies with the public key, and any change to a
 * signed header or to the body, or another key, breaks it.
 */
class DkimSigningTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static KeyPair keys;

    private final MessageComposer composer = new MessageComposer(documentId -> TestSends.PDF);

    @BeforeAll
    static void keys() {
        keys = PemKeys.generateRsa();
    }

    @Test
    void aSignedEmailStartsWithItsSignatureWhichVerifies() {
        PreparedEmail signed = sign(composer.compose(TestSends.linkEmail("klient@beta.bg", "http://l/token"), "http://l/token",
                "invoices@acme.invoicedelivery.test", "<m-1@invoicedelivery.test>", NOW));
        String source = text(signed.source());

        assertThat(source).startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;"
                + " d=invoicedelivery.test; s=invoices2026;");
        Map<String, String> tags = tags(source);
        assertThat(tags.get("h")).isEqualTo("from:to:subject:date:message-id:reply-to:mime-version:content-type"
                + ":content-language:from");
        assertThat(tags.get("t")).isEqualTo(String.valueOf(NOW.getEpochSecond()));
        assertThat(verifies(source, keys.getPublic())).isTrue();
        assertThat(signed.sha256()).as("the log's hash is of the signed bytes").isEqualTo(Sha256.hex(signed.source()));
        String logged = text(signed.loggedSource());
        int end = 0;
        do {
            end = source.indexOf("\r\n", end) + 2;
        } while (source.charAt(end) == '\t' || source.charAt(end) == ' ');
        String signature = source.substring(0, end);
        assertThat(logged).as("the log's copy shows the signature sent, the link's token hidden after signing")
                .startsWith(signature).doesNotContain("http://l/token").contains("http://l/[link token hidden]");
    }

    @Test
    void anEmailWithBulgarianHeadersAndAPdfAttachmentVerifiesWithDkimpy() throws Exception {
        PreparedEmail signed = sign(composer.compose(TestSends.attachmentEmail("klient@beta.bg",
                TestSends.document(TestSends.PDF)), null, "invoices@acme.invoicedelivery.test", "<m-2@x.test>", NOW));
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(signed.source()));

        assertThat(parsed.getSubject()).isEqualTo(TestSends.SUBJECT);
        assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo(TestSends.TENANT_NAME);
        assertThat(((MimeMultipart) parsed.getContent()).getBodyPart(1).getFileName())
                .isEqualTo(TestSends.FILE_NAME);
        assertThat(PythonDkim.verifies(signed.source(), keys.getPublic())).isTrue();
        String source = text(signed.source());
        assertThat(source).as("the PDF, base64").contains("JVBERi0x");
        assertThat(verifies(source.replace("JVBERi0x", "JVBERi0y"), keys.getPublic())).as("a changed PDF").isFalse();
        assertThat(verifies(source.replace("klient@beta.bg", "klient@beta.bh"), keys.getPublic()))
                .as("a changed recipient").isFalse();
    }

    @Test
    void theLogsCopyOfASignedAttachmentEmailIsPutBackTogetherAsTheSignedBytesSent() {
        PreparedEmail signed = sign(composer.compose(TestSends.attachmentEmail("klient@beta.bg",
                TestSends.document(TestSends.PDF)), null, "invoices@acme.invoicedelivery.test", "<m-5@x.test>", NOW));

        assertThat(signed.loggedCopy().isDetached()).isTrue();
        assertThat(text(signed.loggedCopy().head())).startsWith("DKIM-Signature: ");
        assertThat(signed.loggedCopy().reassembled(TestSends.PDF)).isEqualTo(signed.source());
    }

    @Test
    void aChangedSubjectOrBodyOrAnotherKeyBreaksTheSignature() {
        String source = text(sign(composer.compose(TestSends.linkEmail("klient@beta.bg", "http://l/token"), "http://l/token",
                "invoices@acme.invoicedelivery.test", "<m-3@invoicedelivery.test>", NOW)).source());
        String subject = source.lines().filter(line -> line.startsWith("Subject: ")).findFirst().orElseThrow();

        assertThat(verifies(source.replace(subject, "Subject: =?UTF-8?B?0J/Qu9Cw0YLQtdGC0LU=?="), keys.getPublic()))
                .isFalse();
        assertThat(verifies(source.replace("http://l/token", "http://evil/token"), keys.getPublic())).isFalse();
        assertThat(verifies(source, PemKeys.generateRsa().getPublic())).isFalse();
    }

    @Test
    void whitespaceChangesOnTheWayDoNotBreakARelaxedSignature() {
        String source = text(sign(composer.compose(TestSends.linkEmail("klient@beta.bg", "http://l/token"), "http://l/token",
                "invoices@acme.invoicedelivery.test", "<m-4@invoicedelivery.test>", NOW)).source());
        int body = source.indexOf("\r\n\r\n") + 4;
        String refolded = source.substring(0, body).replaceFirst("\r\nTo: ", "\r\nTo:   \r\n\t")
                + source.substring(body).replaceFirst("\r\n", " \t\r\n") + "\r\n\r\n";

        assertThat(refolded).isNotEqualTo(source);
        assertThat(verifies(refolded, keys.getPublic())).isTrue();
    }

    private static PreparedEmail sign(PreparedEmail email) {
        return MessageSigning.with(new DkimSigner("invoicedelivery.test", "invoices2026", keys.getPrivate()))
                .signedForPlatform(email, NOW);
    }

    private static String text(byte[] source) {
        return new String(source, StandardCharsets.ISO_8859_1);
    }

    private static boolean verifies(String message, PublicKey key) {
        return PythonDkim.verifies(message.getBytes(StandardCharsets.ISO_8859_1), key);
    }

    /** The tags of the first header (the DKIM-Signature), whitespace removed from values. */
    static Map<String, String> tags(String message) {
        String headers = message.substring(0, message.indexOf("\r\n\r\n") + 2);
        String value = headers.split("\r\n(?![ \t])")[0].replaceAll("\r\n[ \t]", " ");
        Map<String, String> tags = new HashMap<>();
        for (String tag : value.substring(value.indexOf(':') + 1).split(";")) {
            int equals = tag.indexOf('=');
            tags.put(tag.substring(0, equals).strip(), tag.substring(equals + 1).replaceAll("\\s", ""));
        }
        return tags;
    }
}

package com.invoicedelivery.mail.message.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.security.PemKeys;
import com.invoicedelivery.mail.message.domain.DkimSigner;
import com.invoicedelivery.mail.testdata.TestSends;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DKIM signatures of composed e-mails, checked by a verifier written here from RFC 6376 (independently of the
 * signer's own canonicalization): the body hash matches, the signature verifies with the public key, and any change
 * to a signed header or to the body breaks it.
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
        PreparedEmail signed = sign(composer.compose(TestSends.linkLetter("klient@beta.bg", "http://l/token"),
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
    }

    @Test
    void anAttachmentEmailVerifiesToo() {
        PreparedEmail signed = sign(composer.compose(TestSends.attachmentLetter("klient@beta.bg",
                TestSends.document(TestSends.PDF)), "invoices@acme.invoicedelivery.test", "<m-2@x.test>", NOW));

        assertThat(verifies(text(signed.source()), keys.getPublic())).isTrue();
    }

    @Test
    void aChangedSubjectOrBodyOrAnotherKeyBreaksTheSignature() {
        String source = text(sign(composer.compose(TestSends.linkLetter("klient@beta.bg", "http://l/token"),
                "invoices@acme.invoicedelivery.test", "<m-3@invoicedelivery.test>", NOW)).source());
        String subject = source.lines().filter(line -> line.startsWith("Subject: ")).findFirst().orElseThrow();

        assertThat(verifies(source.replace(subject, "Subject: =?UTF-8?B?0J/Qu9Cw0YLQtdGC0LU=?="), keys.getPublic()))
                .isFalse();
        assertThat(verifies(source.replace("http://l/token", "http://evil/token"), keys.getPublic())).isFalse();
        assertThat(verifies(source, PemKeys.generateRsa().getPublic())).isFalse();
    }

    @Test
    void whitespaceChangesOnTheWayDoNotBreakARelaxedSignature() {
        String source = text(sign(composer.compose(TestSends.linkLetter("klient@beta.bg", "http://l/token"),
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

    // --- a small verifier after RFC 6376, sections 3.4.2, 3.4.4, 3.5 and 3.7 ---

    static boolean verifies(String message, PublicKey key) {
        int end = message.indexOf("\r\n\r\n");
        List<String> fields = unfoldedFields(message.substring(0, end + 2));
        String body = message.substring(end + 4);
        String dkim = fields.get(0);
        Map<String, String> tags = tags(message);
        if (!tags.get("bh").equals(base64(sha256(canonicalBody(body))))) {
            return false;
        }
        StringBuilder data = new StringBuilder();
        List<String> unused = new ArrayList<>(fields.subList(1, fields.size()));
        for (String name : tags.get("h").split(":")) {
            for (int i = unused.size() - 1; i >= 0; i--) {
                if (unused.get(i).substring(0, unused.get(i).indexOf(':')).strip().equalsIgnoreCase(name)) {
                    data.append(canonicalHeader(unused.remove(i))).append("\r\n");
                    break;
                }
            }
        }
        data.append(canonicalHeader(dkim.replaceAll("b=[^;]*$", "b=")));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(data.toString().getBytes(StandardCharsets.ISO_8859_1));
            return rsa.verify(Base64.getDecoder().decode(tags.get("b")));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The tags of the first header (the DKIM-Signature), whitespace removed from values. */
    static Map<String, String> tags(String message) {
        String value = unfoldedFields(message.substring(0, message.indexOf("\r\n\r\n") + 2)).get(0);
        Map<String, String> tags = new HashMap<>();
        for (String tag : value.substring(value.indexOf(':') + 1).split(";")) {
            int equals = tag.indexOf('=');
            tags.put(tag.substring(0, equals).strip(), tag.substring(equals + 1).replaceAll("\\s", ""));
        }
        return tags;
    }

    private static List<String> unfoldedFields(String headers) {
        List<String> fields = new ArrayList<>();
        for (String line : headers.split("\r\n")) {
            if (line.startsWith(" ") || line.startsWith("\t")) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + line);
            } else if (!line.isEmpty()) {
                fields.add(line);
            }
        }
        return fields;
    }

    private static String canonicalHeader(String field) {
        int colon = field.indexOf(':');
        return field.substring(0, colon).strip().toLowerCase(Locale.ROOT) + ":"
                + field.substring(colon + 1).replaceAll("[ \t]+", " ").strip();
    }

    private static String canonicalBody(String body) {
        StringBuilder canonical = new StringBuilder();
        for (String line : body.split("\r\n", -1)) {
            canonical.append(line.replaceAll("[ \t]+", " ").replaceAll(" $", "")).append("\r\n");
        }
        String result = canonical.toString();
        while (result.endsWith("\r\n\r\n")) {
            result = result.substring(0, result.length() - 2);
        }
        return result.equals("\r\n") ? "" : result;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}

package com.invoicedelivery.mail.emaillog.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;

import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.kit.testing.EmbeddedMongo;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmail;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmailCopy;
import com.invoicedelivery.mail.message.application.MessageComposer;
import com.invoicedelivery.mail.message.application.PreparedEmail;
import com.invoicedelivery.mail.message.domain.LoggedCopy;
import com.invoicedelivery.mail.testdata.TestSends;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/** The e-mail log on the embedded store: what one e-mail takes, and entries of both forms read back. */
class EmailStoreTest {

    private static final String LINK = "http://localhost:8084/l/Zm9vYmFyYmF6cXV4cXV1eA";
    private static final String FROM = "invoices@acme.invoicedelivery.local";
    private static final Instant DATE = Instant.parse("2026-11-28T10:15:30Z");
    /** A one-page Bulgarian invoice as pdf-service renders it (docs/PERFORMANCE.md): 45,361 bytes. */
    private static final byte[] ONE_PAGE_PDF = pdf(45_361);

    private MongoTemplate mongo;
    private EmailStore store;

    @BeforeEach
    void store() {
        mongo = new MongoTemplate(new SimpleMongoClientDatabaseFactory(
                EmbeddedMongo.uri("mail_email_store_" + UUID.randomUUID().toString().replace("-", ""))));
        store = new EmailStore(mongo);
        store.afterPropertiesSet();
    }

    @Test
    void aLoggedAttachmentEmailStoresNoBase64PdfAndReadsBackAsTheSameCopy() {
        DocumentRef document = TestSends.document(ONE_PAGE_PDF);
        PreparedEmail email = new MessageComposer(id -> ONE_PAGE_PDF).compose(
                TestSends.attachmentEmail("klient@beta.bg", document), null, FROM, "<m-1@x.test>", DATE);

        store.save(logged("e-1", email), email.loggedCopy());

        Document stored = mongo.findById("e-1", Document.class, EmailStore.COLLECTION);
        String firstLine = Base64.getEncoder().encodeToString(Arrays.copyOf(ONE_PAGE_PDF, 57));
        assertThat(stored.toJson()).doesNotContain(firstLine).contains(document.documentId())
                .contains(document.sha256());
        assertThat(bsonSize(stored)).as("the PDF is pdf-service's to keep").isLessThan(8_000);
        LoggedEmailCopy found = store.find("acme", "e-1").orElseThrow();
        assertThat(found.copy().attachment()).isEqualTo(email.loggedCopy().attachment());
        assertThat(found.copy().reassembled(ONE_PAGE_PDF)).isEqualTo(email.source());
        assertThat(found.email()).isEqualTo(logged("e-1", email));
    }

    @Test
    void anEntryStoredWithItsWholeSourceBeforeStillReads() {
        PreparedEmail email = new MessageComposer(id -> ONE_PAGE_PDF).compose(
                TestSends.attachmentEmail("klient@beta.bg", TestSends.document(ONE_PAGE_PDF)), null, FROM,
                "<m-2@x.test>", DATE);
        saveAsBefore(logged("e-old", email), email.source());

        LoggedEmailCopy found = store.find("acme", "e-old").orElseThrow();

        assertThat(found.copy().isDetached()).isFalse();
        assertThat(found.copy().reassembled(new byte[0])).isEqualTo(email.source());
        assertThat(store.list("acme", null, "send-1", null, 0, 10)).extracting(LoggedEmail::id).containsExactly("e-old");
    }

    @Test
    void anotherTenantsEntryIsNotFound() {
        PreparedEmail email = new MessageComposer(id -> ONE_PAGE_PDF).compose(
                TestSends.linkEmail("klient@beta.bg", LINK), LINK, FROM, "<m-3@x.test>", DATE);
        store.save(logged("e-3", email), email.loggedCopy());

        assertThat(store.find("beta", "e-3")).isEmpty();
        assertThat(store.find("acme", "e-3")).isPresent();
    }

    /**
     * The design figure for docs/ARCHITECTURE.md: the BSON size of one e-mail's entry for a one-page invoice, in
     * attachment mode (whole, as before, and with the PDF by reference) and in link mode.
     */
    @Test
    void oneEmailsEntryForAOnePageInvoiceTakesAFewKilobytesInEitherMode() {
        MessageComposer composer = new MessageComposer(id -> ONE_PAGE_PDF);
        PreparedEmail attached = composer.compose(TestSends.attachmentEmail("klient@beta.bg",
                TestSends.document(ONE_PAGE_PDF)), null, FROM, "<m-4@x.test>", DATE);
        PreparedEmail linked = composer.compose(TestSends.linkEmail("klient@beta.bg", LINK), LINK, FROM,
                "<m-5@x.test>", DATE);

        saveAsBefore(logged("attachment-before", attached), attached.source());
        store.save(logged("attachment-after", attached), attached.loggedCopy());
        store.save(logged("link", linked), linked.loggedCopy());

        int before = bsonSize(mongo.findById("attachment-before", Document.class, EmailStore.COLLECTION));
        int after = bsonSize(mongo.findById("attachment-after", Document.class, EmailStore.COLLECTION));
        int link = bsonSize(mongo.findById("link", Document.class, EmailStore.COLLECTION));
        System.out.printf("emails entry, 1-page invoice (PDF %,d B, e-mail sent %,d B): attachment mode %,d B whole"
                        + " -> %,d B with the PDF by reference; link mode %,d B (e-mail sent %,d B)%n",
                ONE_PAGE_PDF.length, attached.source().length, before, after, link, linked.source().length);
        assertThat(before).isGreaterThan(ONE_PAGE_PDF.length * 4 / 3);
        assertThat(after).isLessThan(8_000);
        assertThat(link).isLessThan(8_000);
    }

    /** How the log stored every e-mail before: the whole source in {@code source}. */
    private void saveAsBefore(LoggedEmail email, byte[] source) {
        Document document = new Document();
        mongo.getConverter().write(email, document);
        document.remove("_class");
        document.put("source", new Binary(source));
        mongo.save(document, EmailStore.COLLECTION);
    }

    private static LoggedEmail logged(String id, PreparedEmail email) {
        return new LoggedEmail(id, "acme", "client-1", "inv-1", "send-1", "r-1", email.from(), email.to(),
                email.subject(), email.messageId(), DATE, "SENT", "250 2.0.0 Ok: queued as 4Xyz", 1, false,
                email.sha256(), email.source().length, email.linkHidden(), null, null, null, null, null);
    }

    private static int bsonSize(Document document) {
        return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
    }

    private static byte[] pdf(int size) {
        byte[] pdf = new byte[size];
        new Random(size).nextBytes(pdf);
        byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, pdf, 0, header.length);
        return pdf;
    }
}

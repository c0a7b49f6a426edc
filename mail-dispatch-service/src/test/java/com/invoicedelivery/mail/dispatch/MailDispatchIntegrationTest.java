package com.invoicedelivery.mail.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DeliveryStatus;
import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.messaging.CloudEventHeaders;
import com.invoicedelivery.kit.seal.Sealer;
import com.invoicedelivery.kit.security.PemKeys;
import com.invoicedelivery.kit.testing.ConsumerGroups;
import com.invoicedelivery.kit.testing.TestIdentityProvider;
import com.invoicedelivery.kit.testing.TestLinkSeal;
import com.invoicedelivery.kit.testing.TestTokens;
import com.invoicedelivery.kit.testing.TopicProbe;
import com.invoicedelivery.mail.dispatch.application.SealedLinks;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.domain.JobState;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.testdata.Mailbox;
import com.invoicedelivery.mail.testdata.TestSends;
import com.invoicedelivery.mail.testdata.WholeServiceTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Sends through the platform's server: document-ready records in, e-mails in the inbox, delivery statuses out, the
 * e-mail log over REST.
 */
class MailDispatchIntegrationTest extends WholeServiceTest {

    private static final String TENANT = "acme";
    private static final String GROUP = "mail-dispatch-service";
    private static final String DLQ = Topics.DOCUMENT_READY + "." + GROUP + Topics.DEAD_LETTER_SUFFIX;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[0-9a-f-]{36}@" + Pattern.quote(DOMAIN) + ">");

    @Autowired
    JobStore jobs;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    SealedLinks sealedLinks;

    @Test
    void aLinkModeSendBecomesOneEmailPerRecipientAndASentStatusWithItsMessageId() throws Exception {
        Recipient first = TestSends.recipient(address("first"));
        Recipient second = TestSends.recipient(address("second"));
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, first, second);

        bus.publish(TestSends.documentReady(TENANT, send, TestSends.document(TestSends.PDF)));

        for (Recipient recipient : List.of(first, second)) {
            MimeMessage mail = mailbox.await(recipient.email(), WAIT);
            assertLinkEmail(mail, recipient);
            ConsumerRecord<String, String> record = awaitStatus(recipient, DeliveryStatus.SENT);
            EmailDeliveryStatusChanged sent = bus.event(record);
            assertThat(sent.messageId()).isEqualTo(mail.getMessageID());
            assertThat(sent.sendId()).isEqualTo(send.sendId());
            assertThat(sent.invoiceId()).isEqualTo(send.invoiceId());
            assertThat(sent.email()).isEqualTo(recipient.email());
            assertThat(sent.smtpReply()).startsWith("250");
            assertThat(sent.attempt()).isEqualTo(1);
            assertThat(sent.tenantId()).isEqualTo(TENANT);
            assertThat(record.key()).isEqualTo(send.sendId());
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE))
                    .isEqualTo("com.invoicedelivery.EmailDeliveryStatusChanged");
            assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE))
                    .isEqualTo("/invoice-delivery/mail-dispatch-service");
        }
        assertThat(mailbox.to(first.email())).hasSize(1);
        assertThat(mailbox.to(second.email())).hasSize(1);
        assertThat(jobs.forSend(TENANT, send.sendId())).extracting(DispatchJob::state)
                .containsExactly(JobState.SENT, JobState.SENT);
    }

    @Test
    void aRedeliveredEventSendsNothingMore() throws Exception {
        Recipient recipient = TestSends.recipient(address("redelivered"));
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.EN, recipient);
        InvoiceDocumentReady event = TestSends.documentReady(TENANT, send, TestSends.document(TestSends.PDF));

        bus.publish(event);
        awaitStatus(recipient, DeliveryStatus.SENT);
        bus.publish(event);
        bus.publish(TestSends.documentReady(TENANT, send, event.document()));
        ConsumerGroups.awaitCaughtUp(brokers, GROUP, Topics.DOCUMENT_READY, WAIT);

        assertThat(bus.statusesOf(recipient.recipientId(), Duration.ofSeconds(2))).hasSize(1);
        assertThat(mailbox.to(recipient.email())).hasSize(1);
        assertThat(jobs.forSend(TENANT, send.sendId())).hasSize(1);
    }

    @Test
    void anAttachmentModeSendCarriesThePdfFetchedFromPdfServiceUnderItsCyrillicName() throws Exception {
        byte[] pdf = ("%PDF-1.4 Фактура " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        DocumentRef document = TestSends.document(pdf);
        PDF_SERVICE.put(document.documentId(), pdf);
        Recipient recipient = TestSends.attachmentRecipient(address("attachment"));
        SendDetails send = TestSends.send(DeliveryMode.ATTACHMENT, Language.BG, recipient);

        bus.publish(TestSends.documentReady(TENANT, send, document));

        MimeMessage mail = mailbox.await(recipient.email(), WAIT);
        assertThat(mail.getContentType()).startsWith("multipart/mixed");
        Multipart mixed = (Multipart) mail.getContent();
        assertThat(mixed.getBodyPart(0).isMimeType("multipart/alternative")).isTrue();
        MimeBodyPart attachment = (MimeBodyPart) mixed.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo(TestSends.FILE_NAME);
        try (InputStream content = attachment.getInputStream()) {
            assertThat(content.readAllBytes()).isEqualTo(pdf);
        }
        // the service's own token for pdf-service, from the identity provider by the client-credentials grant
        List<String> issued = TestIdentityProvider.shared().tokenRequests().stream()
                .filter(request -> "mail-dispatch-service".equals(request.clientId())
                        && "pdf-service".equals(request.scope()) && request.accessToken() != null)
                .map(request -> "Bearer " + request.accessToken())
                .toList();
        assertThat(PDF_SERVICE.authorizations()).isNotEmpty().allMatch(issued::contains);

        awaitStatus(recipient, DeliveryStatus.SENT);
        String id = DispatchJob.idOf(send.sendId(), recipient.recipientId());
        JsonNode logged = getJson("/api/emails/" + id, TestTokens.user(TENANT)).get("attachments").get(0);
        assertThat(logged.get("fileName").asString()).isEqualTo(TestSends.FILE_NAME);
        assertThat(logged.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(logged.get("size").asLong()).isEqualTo(pdf.length);
    }

    @Test
    void aPdfThatDoesNotMatchTheAnnouncedHashFailsTheDeliveryAndNothingIsSent() throws Exception {
        DocumentRef announced = TestSends.document(TestSends.PDF);
        PDF_SERVICE.put(announced.documentId(), "%PDF-1.4 not the announced bytes".getBytes(StandardCharsets.UTF_8));
        Recipient recipient = TestSends.attachmentRecipient(address("wrong-hash"));
        SendDetails send = TestSends.send(DeliveryMode.ATTACHMENT, Language.BG, recipient);

        bus.publish(TestSends.documentReady(TENANT, send, announced));

        EmailDeliveryStatusChanged failed = bus.event(awaitStatus(recipient, DeliveryStatus.FAILED));
        assertThat(failed.reason()).contains(announced.documentId()).contains("does not match");
        assertThat(failed.messageId()).matches(MESSAGE_ID);
        assertThat(mailbox.to(recipient.email())).isEmpty();
        assertThat(jobs.find(DispatchJob.idOf(send.sendId(), recipient.recipientId())).orElseThrow().state())
                .isEqualTo(JobState.FAILED);
    }

    @Test
    void anUnavailablePdfServiceDefersTheDeliveryForAMinute() throws Exception {
        DocumentRef document = TestSends.document(TestSends.PDF);
        PDF_SERVICE.failWith(document.documentId(), 503);
        Recipient recipient = TestSends.attachmentRecipient(address("pdf-away"));
        SendDetails send = TestSends.send(DeliveryMode.ATTACHMENT, Language.BG, recipient);
        Instant published = Instant.now();

        bus.publish(TestSends.documentReady(TENANT, send, document));

        EmailDeliveryStatusChanged deferred = bus.event(awaitStatus(recipient, DeliveryStatus.DEFERRED));
        assertThat(deferred.reason()).contains("pdf-service did not deliver document " + document.documentId());
        assertThat(deferred.nextAttemptAt()).isBetween(published.plusSeconds(55), Instant.now().plusSeconds(65));
        DispatchJob job = jobs.find(DispatchJob.idOf(send.sendId(), recipient.recipientId())).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.DEFERRED);
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(mailbox.to(recipient.email())).isEmpty();
    }

    @Test
    void aJobFoundSendingAfterItsLeaseIsPublishedAsOutcomeUnknownAndResentOnceWithTheSameMessageId()
            throws Exception {
        Recipient recipient = TestSends.recipient(address("interrupted"));
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, recipient);
        String messageId = "<" + UUID.randomUUID() + "@" + DOMAIN + ">";
        Instant now = Instant.now();
        DispatchJob interrupted = new DispatchJob(DispatchJob.idOf(send.sendId(), recipient.recipientId()), TENANT,
                send.sendId(), send.invoiceId(), send.clientId(), recipient.recipientId(), "platform", messageId,
                TestSends.linkEmail(recipient.email(), recipient.linkUrl(), TENANT, send.sendId(),
                        recipient.recipientId()), JobState.SENDING, 1,
                now.minusSeconds(900), now.minusSeconds(900), now.minusSeconds(1), false, null, null, null, null, null);

        assertThat(jobs.insertIfAbsent(interrupted)).isTrue();

        EmailDeliveryStatusChanged unknown =
                bus.event(awaitStatus(recipient, DeliveryStatus.OUTCOME_UNKNOWN));
        EmailDeliveryStatusChanged sent = bus.event(awaitStatus(recipient, DeliveryStatus.SENT));
        assertThat(unknown.messageId()).isEqualTo(messageId);
        assertThat(unknown.attempt()).isEqualTo(1);
        assertThat(unknown.reason()).contains("interrupted").contains("same Message-ID");
        assertThat(sent.messageId()).isEqualTo(messageId);
        assertThat(sent.attempt()).isEqualTo(2);
        List<MimeMessage> mails = mailbox.to(recipient.email());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getMessageID()).isEqualTo(messageId);
        DispatchJob job = jobs.find(interrupted.id()).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.SENT);
        assertThat(job.outcomeUnknown()).as("flagged for operators").isTrue();
        JsonNode logged = getJson("/api/emails?sendId=" + send.sendId(), TestTokens.user(TENANT)).get(0);
        assertThat(logged.get("outcomeUnknownResend").asBoolean()).isTrue();
    }

    @Test
    void theEmailLogShowsWhatWasSentWithTheLinksTokenHiddenAndTheHashOfTheExactBytesSent() throws Exception {
        Recipient recipient = TestSends.recipient(address("logged"));
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, recipient);
        bus.publish(TestSends.documentReady(TENANT, send, TestSends.document(TestSends.PDF)));
        awaitStatus(recipient, DeliveryStatus.SENT);
        MimeMessage received = mailbox.await(recipient.email(), WAIT);
        String token = TestTokens.user(TENANT);
        String linkToken = recipient.linkToken();
        String hiddenLink = recipient.linkUrl().replace(linkToken, "[link token hidden]");
        assertThat(Mailbox.part(received, "text/plain")).as("the delivered e-mail carries the working link")
                .contains(recipient.linkUrl());

        JsonNode list = getJson("/api/emails?clientId=" + send.clientId(), token);
        assertThat(list).hasSize(1);
        JsonNode item = list.get(0);
        String id = item.get("id").asString();
        assertThat(id).isEqualTo(send.sendId() + ":" + recipient.recipientId());
        assertThat(item.get("to").asString()).isEqualTo(recipient.email());
        assertThat(item.get("subject").asString()).isEqualTo(TestSends.SUBJECT);
        assertThat(item.get("messageId").asString()).isEqualTo(received.getMessageID());
        assertThat(item.get("status").asString()).isEqualTo("SENT");
        assertThat(item.get("sendId").asString()).isEqualTo(send.sendId());
        assertThat(item.get("invoiceId").asString()).isEqualTo(send.invoiceId());

        JsonNode details = getJson("/api/emails/" + id, token);
        assertThat(details.toString()).as("no working client link in the log").doesNotContain(linkToken);
        assertThat(details.get("from").asString()).contains(TestSends.TENANT_NAME)
                .contains("invoices@acme." + DOMAIN);
        assertThat(details.get("textBody").asString()).contains(hiddenLink).contains(TestSends.INVOICE_NUMBER);
        assertThat(details.get("htmlBody").asString()).contains("href=\"" + hiddenLink + "\"");
        assertThat(details.get("replyTo").asString()).isEqualTo(TestSends.REPLY_TO);
        assertThat(details.get("attachments")).isEmpty();
        assertThat(details.get("messageId").asString()).isEqualTo(received.getMessageID());
        assertThat(details.get("sentAt").asString()).isNotBlank();
        assertThat(details.get("linkHidden").asBoolean()).isTrue();
        assertThat(details.get("sourceNote").asString()).contains("hidden").contains("exact bytes sent");

        // GreenMail adds its trace headers on top and keeps the line break before the end-of-data dot as part of the
        // terminator: below the trace headers, plus that line break, are the exact bytes sent
        byte[] asReceived = Mailbox.bytes(received);
        int sentSize = details.get("sizeBytes").asInt();
        byte[] sent = (new String(asReceived, StandardCharsets.US_ASCII).substring(asReceived.length - (sentSize - 2))
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(details.get("sha256").asString()).as("the hash of the exact bytes delivered")
                .isEqualTo(Sha256.hex(sent));

        HttpResponse<byte[]> source = get("/api/emails/" + id + "/source", token);
        assertThat(source.statusCode()).isEqualTo(200);
        assertThat(source.headers().firstValue("Content-Type")).hasValue("message/rfc822");
        assertThat(source.headers().firstValue("X-Content-SHA256")).hasValue(Sha256.hex(source.body()));
        assertThat(source.headers().firstValue("X-Sent-SHA256")).hasValue(Sha256.hex(sent));
        assertThat(source.headers().firstValue("X-Link-Token-Hidden")).hasValue("true");
        String logged = new String(source.body(), StandardCharsets.US_ASCII);
        assertThat(logged).as("the source shows no working link").doesNotContain(linkToken);
        MimeMessage loggedMessage = Mailbox.parse(source.body());
        assertThat(loggedMessage.getMessageID()).isEqualTo(received.getMessageID());
        assertThat(loggedMessage.getHeader("Date", null)).isEqualTo(received.getHeader("Date", null));
        assertThat(Mailbox.part(loggedMessage, "text/plain")).as("the text sent, the token hidden")
                .isEqualTo(Mailbox.part(received, "text/plain").replace(recipient.linkUrl(), hiddenLink));
        assertThat(Mailbox.part(loggedMessage, "text/html"))
                .isEqualTo(Mailbox.part(received, "text/html").replace(recipient.linkUrl(), hiddenLink));
    }

    @Test
    void theEmailLogKeepsAnAttachmentEmailWithoutItsPdfAndItsSourceIsTheExactBytesTheServerReceived()
            throws Exception {
        byte[] pdf = onePagePdf();
        DocumentRef document = TestSends.document(pdf);
        PDF_SERVICE.put(document.documentId(), pdf);
        Recipient recipient = TestSends.attachmentRecipient(address("by-reference"));
        SendDetails send = TestSends.send(DeliveryMode.ATTACHMENT, Language.BG, recipient);
        bus.publish(TestSends.documentReady(TENANT, send, document));
        MimeMessage received = mailbox.await(recipient.email(), WAIT);
        awaitStatus(recipient, DeliveryStatus.SENT);
        String id = DispatchJob.idOf(send.sendId(), recipient.recipientId());
        String token = TestTokens.user(TENANT);

        org.bson.Document stored = mongo.findById(id, org.bson.Document.class, "emails");
        String firstLine = java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(pdf, 57));
        assertThat(new String(Mailbox.bytes(received), StandardCharsets.US_ASCII)).contains(firstLine);
        assertThat(stored.toJson()).as("no base64 of the PDF in the log").doesNotContain(firstLine)
                .contains(document.documentId()).contains(document.sha256());
        assertThat(stored).doesNotContainKey("source");
        assertThat(new org.bson.RawBsonDocument(stored, new org.bson.codecs.DocumentCodec()).getByteBuffer()
                .remaining()).as("the log's entry, in bytes").isLessThan(8_000);

        JsonNode details = getJson("/api/emails/" + id, token);
        assertThat(details.get("attachments").get(0).get("size").asLong()).isEqualTo(pdf.length);
        byte[] sent = sentBytes(received, details.get("sizeBytes").asInt());
        assertThat(details.get("sha256").asString()).isEqualTo(Sha256.hex(sent));
        HttpResponse<byte[]> source = get("/api/emails/" + id + "/source", token);
        assertThat(source.statusCode()).isEqualTo(200);
        assertThat(source.body()).as("put back together byte for byte").isEqualTo(sent);
        assertThat(source.headers().firstValue("X-Content-SHA256")).hasValue(Sha256.hex(sent));
        assertThat(source.headers().firstValue("X-Sent-SHA256")).hasValue(Sha256.hex(sent));
        assertThat(source.headers().firstValue("X-Source-Verified")).hasValue("true");

        byte[] changed = pdf.clone();
        changed[1000] ^= 1;
        PDF_SERVICE.put(document.documentId(), changed);
        HttpResponse<byte[]> refused = get("/api/emails/" + id + "/source", token);
        assertThat(refused.statusCode()).as("a document whose bytes changed is refused").isEqualTo(409);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("attachment-changed")
                .contains(document.documentId());
        PDF_SERVICE.failWith(document.documentId(), 404);
        assertThat(get("/api/emails/" + id + "/source", token).statusCode()).as("a document gone").isEqualTo(410);
        PDF_SERVICE.failWith(document.documentId(), 503);
        HttpResponse<byte[]> unavailable = get("/api/emails/" + id + "/source", token);
        assertThat(unavailable.statusCode()).as("pdf-service unavailable").isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(get("/api/emails/" + id, token).statusCode()).as("the details need no PDF").isEqualTo(200);
    }

    @Test
    void anEntryLoggedWithItsWholeSourceBeforeTheAttachmentWasKeptByReferenceStillReads() throws Exception {
        byte[] pdf = ("%PDF-1.4 Фактура " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        DocumentRef document = TestSends.document(pdf);
        PDF_SERVICE.put(document.documentId(), pdf);
        Recipient recipient = TestSends.attachmentRecipient(address("logged-whole"));
        SendDetails send = TestSends.send(DeliveryMode.ATTACHMENT, Language.BG, recipient);
        bus.publish(TestSends.documentReady(TENANT, send, document));
        MimeMessage received = mailbox.await(recipient.email(), WAIT);
        awaitStatus(recipient, DeliveryStatus.SENT);
        String id = DispatchJob.idOf(send.sendId(), recipient.recipientId());
        String token = TestTokens.user(TENANT);
        byte[] sent = sentBytes(received, getJson("/api/emails/" + id, token).get("sizeBytes").asInt());
        // the entry as the log stored every e-mail before: the whole source in "source"
        org.bson.Document stored = mongo.findById(id, org.bson.Document.class, "emails");
        stored.remove("sourceHead");
        stored.remove("sourceTail");
        stored.remove("attachment");
        stored.put("source", new org.bson.types.Binary(sent));
        mongo.save(stored, "emails");
        PDF_SERVICE.failWith(document.documentId(), 503);

        HttpResponse<byte[]> source = get("/api/emails/" + id + "/source", token);
        assertThat(source.statusCode()).isEqualTo(200);
        assertThat(source.body()).isEqualTo(sent);
        assertThat(source.headers().firstValue("X-Source-Verified")).hasValue("true");
        JsonNode attachment = getJson("/api/emails/" + id, token).get("attachments").get(0);
        assertThat(attachment.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(attachment.get("fileName").asString()).isEqualTo(TestSends.FILE_NAME);
    }

    @Test
    void aSentJobKeepsNeitherTheLinkNorItsSealedForm() throws Exception {
        Recipient recipient = TestSends.recipient(address("forgotten"));
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, recipient);
        bus.publish(TestSends.documentReady(TENANT, send, TestSends.document(TestSends.PDF)));
        awaitStatus(recipient, DeliveryStatus.SENT);

        DispatchJob job = jobs.find(DispatchJob.idOf(send.sendId(), recipient.recipientId())).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.SENT);
        assertThat(job.letter().sealedLink()).isNull();
        String stored = mongo.findById(job.id(), org.bson.Document.class, JobStore.COLLECTION).toJson();
        assertThat(stored).doesNotContain(recipient.linkToken()).doesNotContain("sealedLink")
                .doesNotContain("linkUrl");
        assertThat(mongo.findAll(org.bson.Document.class, JobStore.COLLECTION).toString()
                + mongo.findAll(org.bson.Document.class, "emails").toString())
                .as("nothing this service stores holds the token").doesNotContain(recipient.linkToken());
    }

    @Test
    void aRecordWhoseLinkIsSealedToAnotherKeyGoesToTheDeadLetterTopicWithTheReasonAndNothingIsSent()
            throws Exception {
        Recipient recipient = TestSends.recipient(address("wrong-key"));
        SendDetails send = TestSends.sealed(TENANT, TestSends.send(DeliveryMode.LINK, Language.BG, recipient),
                Sealer.to((RSAPublicKey) PemKeys.generateRsa().getPublic()));
        InvoiceDocumentReady event = new InvoiceDocumentReady(UUID.randomUUID().toString(), Instant.now(), TENANT,
                InvoiceDocumentReady.SCHEMA_VERSION, send, TestSends.document(TestSends.PDF));

        try (TopicProbe deadLetters = new TopicProbe(brokers, DLQ)) {
            bus.publish(event);
            ConsumerRecord<String, String> dead = deadLetters.await(r -> send.sendId().equals(r.key()), WAIT);
            assertThat(TopicProbe.header(dead, "x-exception-message")).contains(send.sendId())
                    .contains("cannot be opened").contains("sealed to another key");
            assertThat(dead.value()).as("the dead letter holds no token and no link in clear")
                    .doesNotContain(recipient.linkToken()).doesNotContain("/l/");
        }
        assertThat(jobs.forSend(TENANT, send.sendId())).isEmpty();
        assertThat(mailbox.to(recipient.email())).isEmpty();
    }

    @Test
    void aRecordOfTheOldVersionWithTheLinkInClearIsStillSentAndItsJobKeepsTheLinkOnlySealed() throws Exception {
        Recipient recipient = TestSends.recipient(address("old-version"));
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, recipient);

        bus.publish(TestSends.clearLinkDocumentReady(TENANT, send, TestSends.document(TestSends.PDF)));

        MimeMessage mail = mailbox.await(recipient.email(), WAIT);
        assertLinkEmail(mail, recipient);
        awaitStatus(recipient, DeliveryStatus.SENT);
        assertThat(mongo.findAll(org.bson.Document.class, JobStore.COLLECTION).toString())
                .doesNotContain(recipient.linkToken());
    }

    @Test
    void jobsStoredWithTheirLinkInClearBeforeTheUpgradeKeepItOnlySealedOrNotAtAllWhenFinished() {
        String waitingId = "send-old:" + UUID.randomUUID();
        String sentId = "send-old:" + UUID.randomUUID();
        String link = "http://localhost:8084/l/c3RvcmVkLWJlZm9yZS10aGUtdXBncmFkZQ";
        for (String[] job : new String[][] {{waitingId, "DEFERRED"}, {sentId, "SENT"}}) {
            mongo.insert(new org.bson.Document("_id", job[0]).append("tenantId", TENANT).append("sendId", "send-old")
                    .append("recipientId", job[0].substring(9)).append("state", job[1]).append("attempt", 1)
                    .append("outcomeUnknown", false)
                    .append("nextAttemptAt", java.util.Date.from(Instant.now().plus(Duration.ofDays(1))))
                    .append("letter", new org.bson.Document("recipientEmail", "old@beta.example")
                            .append("linkUrl", link)), JobStore.COLLECTION);
        }

        assertThat(jobs.sealClearLinks(sealedLinks::sealClear)).isEqualTo(2);

        DispatchJob waiting = jobs.find(waitingId).orElseThrow();
        assertThat(TestLinkSeal.openLink(waiting.letter().sealedLink()).linkUrl()).isEqualTo(link);
        assertThat(sealedLinks.open(waiting)).isEqualTo(link);
        assertThat(mongo.findById(waitingId, org.bson.Document.class, JobStore.COLLECTION).toJson())
                .doesNotContain(link);
        assertThat(mongo.findById(sentId, org.bson.Document.class, JobStore.COLLECTION).toJson())
                .doesNotContain(link).doesNotContain("sealedLink");
        assertThat(jobs.sealClearLinks(sealedLinks::sealClear)).as("once").isZero();
    }

    @Test
    void anotherTenantsEmailIsNotFoundAndNotListed() throws Exception {
        Recipient recipient = TestSends.recipient(address("isolated"));
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, recipient);
        bus.publish(TestSends.documentReady(TENANT, send, TestSends.document(TestSends.PDF)));
        awaitStatus(recipient, DeliveryStatus.SENT);
        String id = DispatchJob.idOf(send.sendId(), recipient.recipientId());
        String otherTenant = TestTokens.user("another-tenant");

        assertThat(get("/api/emails/" + id, TestTokens.user(TENANT)).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> details = get("/api/emails/" + id, otherTenant);
        assertThat(details.statusCode()).isEqualTo(404);
        assertThat(details.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/api/emails/" + id + "/source", otherTenant).statusCode()).isEqualTo(404);
        assertThat(getJson("/api/emails?sendId=" + send.sendId(), otherTenant)).isEmpty();
        assertThat(get("/api/emails/" + id, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anEventNamingAnotherTenantForASendQueuedHereChangesNothingAndIsDeadLetteredWithItsReason() throws Exception {
        Recipient recipient = TestSends.recipient(address("owned"));
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.EN, recipient);
        InvoiceDocumentReady event = TestSends.documentReady(TENANT, send, TestSends.document(TestSends.PDF));
        bus.publish(event);
        awaitStatus(recipient, DeliveryStatus.SENT);

        try (TopicProbe deadLetters = new TopicProbe(brokers, DLQ)) {
            bus.publish(TestSends.documentReady("intruder", send, event.document()));
            ConsumerRecord<String, String> dead = deadLetters.await(r -> send.sendId().equals(r.key()), WAIT);
            assertThat(TopicProbe.header(dead, "x-exception-message"))
                    .contains("names tenant intruder").contains("another tenant's").contains("nothing changed");
        }
        assertThat(jobs.forSend(TENANT, send.sendId())).extracting(DispatchJob::state).containsExactly(JobState.SENT);
        assertThat(jobs.forSend("intruder", send.sendId())).isEmpty();
        assertThat(mailbox.to(recipient.email())).hasSize(1);
    }

    @Test
    void aRecordThatNamesNoSendGoesStraightToTheDeadLetterTopic() throws Exception {
        String key = "broken-" + UUID.randomUUID();
        String record = json.writeValueAsString(Map.of("eventId", key, "occurredAt", Instant.now().toString(),
                "tenantId", TENANT, "schemaVersion", 1));

        try (TopicProbe deadLetters = new TopicProbe(brokers, DLQ)) {
            bus.publish(key, record);
            ConsumerRecord<String, String> dead = deadLetters.await(r -> key.equals(r.key()), WAIT);
            assertThat(TopicProbe.header(dead, "x-exception-message")).contains("names no send");
        }
    }

    private void assertLinkEmail(MimeMessage mail, Recipient recipient) throws Exception {
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("invoices@acme." + DOMAIN);
        assertThat(from.getPersonal()).isEqualTo(TestSends.TENANT_NAME);
        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo(TestSends.REPLY_TO);
        assertThat(mail.getSubject()).isEqualTo(TestSends.SUBJECT);
        assertThat(mail.getMessageID()).matches(MESSAGE_ID);
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(Mailbox.part(mail, "text/plain")).contains(recipient.linkUrl()).contains(TestSends.INVOICE_NUMBER);
        assertThat(Mailbox.part(mail, "text/html")).contains("href=\"" + recipient.linkUrl() + "\"");
    }

    private ConsumerRecord<String, String> awaitStatus(Recipient recipient, DeliveryStatus status) {
        return bus.awaitStatusRecord(recipient.recipientId(), status, WAIT);
    }

    /**
     * The exact bytes sent, from what GreenMail received: it adds its trace headers on top and keeps the line break
     * before the end-of-data dot as part of the terminator, so below the trace headers, plus that line break, are
     * the bytes sent.
     */
    private static byte[] sentBytes(MimeMessage received, int sentSize) throws Exception {
        byte[] asReceived = Mailbox.bytes(received);
        return (new String(asReceived, StandardCharsets.US_ASCII).substring(asReceived.length - (sentSize - 2))
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A one-page invoice's size (docs/PERFORMANCE.md: 45,361 bytes); random, as compressed PDF streams are. */
    private static byte[] onePagePdf() {
        byte[] pdf = new byte[45_361];
        new java.util.Random().nextBytes(pdf);
        byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, pdf, 0, header.length);
        return pdf;
    }

    private static String address(String name) {
        return name + "-" + UUID.randomUUID() + "@beta.example";
    }

    private JsonNode getJson(String path, String token) {
        return api.getJson(path, token);
    }

    private HttpResponse<byte[]> get(String path, String token) {
        return api.get(path, token);
    }
}

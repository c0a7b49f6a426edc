package com.invoicedelivery.mail.emaillog.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import com.invoicedelivery.mail.emaillog.domain.LoggedAttempt;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmail;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmailCopy;
import com.invoicedelivery.mail.message.domain.AttachmentReference;
import com.invoicedelivery.mail.message.domain.LoggedCopy;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The e-mail log: one document per e-mail sent, its listed fields beside its copy. A whole copy (a link-mode e-mail,
 * and every entry logged before attachments were kept by reference) is {@code source}; a copy without its attached
 * PDF's base64 body is {@code sourceHead}, {@code sourceTail} and {@code attachment} (the document's id, SHA-256 and
 * size, and the base64 line length and line ending), so the PDF, which pdf-service keeps, is not stored twice.
 */
public class EmailStore implements InitializingBean {

    public static final String COLLECTION = "emails";

    private static final String SOURCE = "source";
    private static final String SOURCE_HEAD = "sourceHead";
    private static final String SOURCE_TAIL = "sourceTail";
    private static final String ATTACHMENT = "attachment";
    private static final String TYPE_HINT = "_class";
    private static final String ATTEMPTS = "attempts";

    private final MongoTemplate mongo;

    public EmailStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("clientId", Sort.Direction.ASC).on("sentAt", Sort.Direction.DESC).named("client"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("sendId", Sort.Direction.ASC).named("send"));
    }

    /**
     * Stores the sent e-mail with its copy, over an earlier entry of the same job (its earlier attempts, or the
     * resend after an interrupted attempt), keeping the attempts listed before. One upsert by {@code _id}.
     */
    public void save(LoggedEmail email, LoggedCopy copy) {
        Document document = new Document();
        mongo.getConverter().write(email, document);
        document.remove(TYPE_HINT);
        document.remove(ATTEMPTS);
        Object id = document.remove("_id");
        Update update = new Update();
        document.forEach(update::set);
        if (copy.isDetached()) {
            AttachmentReference attachment = copy.attachment();
            update.set(SOURCE_HEAD, new Binary(copy.head()));
            update.set(SOURCE_TAIL, new Binary(copy.tail()));
            update.set(ATTACHMENT, new Document("documentId", attachment.documentId())
                    .append("sha256", attachment.sha256())
                    .append("sizeBytes", attachment.sizeBytes())
                    .append("lineLength", attachment.lineLength())
                    .append("lineEnding", attachment.lineEnding()));
            update.unset(SOURCE);
        } else {
            update.set(SOURCE, new Binary(copy.head()));
            update.unset(SOURCE_HEAD).unset(SOURCE_TAIL).unset(ATTACHMENT);
        }
        for (String absent : List.of("reason", "nextAttemptAt", "lastAttemptAt")) {
            if (!document.containsKey(absent)) {
                update.unset(absent);
            }
        }
        mongo.upsert(query(where("_id").is(id)), update, COLLECTION);
    }

    /**
     * Adds an attempt's outcome to the e-mail's entry (made, without a source, by the first attempt that did not
     * succeed): its status, reply, reason and next attempt become the entry's. One upsert by {@code _id}.
     *
     * @param entry what identifies the e-mail (tenant, send, recipient, address, subject, Message-ID); its
     *              {@code status}, {@code smtpReply}, {@code reason} and {@code nextAttemptAt} are the attempt's
     */
    public void addAttempt(LoggedEmail entry, LoggedAttempt attempt) {
        Update update = new Update()
                .setOnInsert("tenantId", entry.tenantId())
                .setOnInsert("clientId", entry.clientId())
                .setOnInsert("invoiceId", entry.invoiceId())
                .setOnInsert("sendId", entry.sendId())
                .setOnInsert("recipientId", entry.recipientId())
                .setOnInsert("to", entry.to())
                .setOnInsert("subject", entry.subject())
                .setOnInsert("messageId", entry.messageId())
                .setOnInsert("outcomeUnknownResend", false)
                .setOnInsert("sizeBytes", 0L)
                .setOnInsert("linkHidden", false)
                .set("status", attempt.outcome())
                .set("smtpReply", attempt.smtpReply())
                .set("reason", attempt.reason())
                .set("attempt", attempt.attempt())
                .set("lastAttemptAt", attempt.at())
                .set("nextAttemptAt", attempt.nextAttemptAt())
                .push(ATTEMPTS, attemptDocument(attempt));
        mongo.upsert(query(where("_id").is(entry.id())), update, COLLECTION);
    }

    private static Document attemptDocument(LoggedAttempt attempt) {
        Document document = new Document("attempt", attempt.attempt()).append("at", attempt.at())
                .append("outcome", attempt.outcome());
        if (attempt.smtpReply() != null) {
            document.append("smtpReply", attempt.smtpReply());
        }
        if (attempt.reason() != null) {
            document.append("reason", attempt.reason());
        }
        if (attempt.nextAttemptAt() != null) {
            document.append("nextAttemptAt", attempt.nextAttemptAt());
        }
        return document;
    }

    /**
     * Adds a report that came back to the job's entry (found by {@code _id}, the job's id); a permanent failure makes
     * its status BOUNCED. Called once per report: the dispatch job has counted it first.
     *
     * @return false when there is no such entry (the e-mail was not logged)
     */
    public boolean addReport(String tenantId, String id, LoggedEmail.DeliveryReport report, boolean bounced) {
        Document entry = new Document("kind", report.kind()).append("status", report.status())
                .append("reason", report.reason()).append("reportingMta", report.reportingMta())
                .append("at", java.util.Date.from(report.at()));
        Update update = new Update().push("reports", entry);
        if (bounced) {
            update.set("status", "BOUNCED");
        }
        return mongo.updateFirst(query(where("_id").is(id).and("tenantId").is(tenantId)), update, COLLECTION)
                .getModifiedCount() == 1;
    }

    /**
     * The tenant's e-mails, newest first (by their latest attempt; entries logged before attempts were, which are all
     * older, by when they were sent), without their sources.
     *
     * @param status null for every status
     */
    public List<LoggedEmail> list(String tenantId, String clientId, String sendId, String status, int offset,
                                  int limit) {
        Criteria criteria = where("tenantId").is(tenantId);
        if (clientId != null) {
            criteria = criteria.and("clientId").is(clientId);
        }
        if (sendId != null) {
            criteria = criteria.and("sendId").is(sendId);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        Query page = query(criteria).with(Sort.by(Sort.Direction.DESC, "lastAttemptAt", "sentAt", "_id"))
                .skip(offset).limit(limit);
        page.fields().exclude(SOURCE).exclude(SOURCE_HEAD).exclude(SOURCE_TAIL).exclude(ATTACHMENT);
        return mongo.find(page, LoggedEmail.class, COLLECTION);
    }

    /** The tenant's e-mail with its copy; empty when there is none, or it is another tenant's. */
    public Optional<LoggedEmailCopy> find(String tenantId, String id) {
        Document document = mongo.findOne(query(where("_id").is(id).and("tenantId").is(tenantId)), Document.class,
                COLLECTION);
        if (document == null) {
            return Optional.empty();
        }
        LoggedEmail email = mongo.getConverter().read(LoggedEmail.class, document);
        return Optional.of(new LoggedEmailCopy(email, copy(document)));
    }

    /** Null for an entry of an e-mail not sent (no source). */
    private static LoggedCopy copy(Document document) {
        Document attachment = document.get(ATTACHMENT, Document.class);
        if (attachment == null && document.get(SOURCE) == null) {
            return null;
        }
        if (attachment == null) {
            return LoggedCopy.whole(document.get(SOURCE, Binary.class).getData());
        }
        AttachmentReference reference = new AttachmentReference(attachment.getString("documentId"),
                attachment.getString("sha256"), ((Number) attachment.get("sizeBytes")).longValue(),
                ((Number) attachment.get("lineLength")).intValue(), attachment.getString("lineEnding"));
        return new LoggedCopy(document.get(SOURCE_HEAD, Binary.class).getData(), reference,
                document.get(SOURCE_TAIL, Binary.class).getData());
    }
}

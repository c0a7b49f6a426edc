package com.invoicedelivery.mail.dispatch.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.invoicedelivery.kit.messaging.OutboxDocuments;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.domain.JobState;
import com.invoicedelivery.mail.dispatch.domain.Transition;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The dispatch queue: one document per job. Every change is one atomic write of one document: a claim is a
 * findAndModify, and an outcome is a conditional update (still SENDING under the same claim) that also appends
 * the status event to the job's outbox.
 */
public class JobStore implements InitializingBean {

    public static final String COLLECTION = "dispatch_jobs";

    private static final String TYPE_HINT = "_class";
    static final String SEALED_LINK = "letter.sealedLink";
    private static final String CLEAR_LINK = "letter.linkUrl";
    private static final String BOUNCE_TOKEN = "bounceToken";
    private static final String BOUNCE_REPORTS = "bounceReports";
    private static final List<String> DUE_STATES =
            List.of(JobState.QUEUED.name(), JobState.DEFERRED.name(), JobState.OUTCOME_UNKNOWN.name());

    /** The states of a job waiting for a later attempt, which "retry now" may make due at once. */
    private static final List<String> RETRYABLE_STATES =
            List.of(JobState.DEFERRED.name(), JobState.OUTCOME_UNKNOWN.name());

    private final MongoTemplate mongo;

    public JobStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC).named("due"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC)
                .on("leaseUntil", Sort.Direction.ASC).named("leases"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("sendId", Sort.Direction.ASC).named("send"));
        // "retry now" for a tenant's own server: its waiting jobs not yet due, without reading other tenants' jobs
        mongo.indexOps(COLLECTION).createIndex(new Index().on("smtpServer", Sort.Direction.ASC)
                .on("state", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC).named("server_waiting"));
        // the start-up sealing finds the jobs still holding a link in clear (none once sealed): sparse, so the
        // index holds only those few
        mongo.indexOps(COLLECTION).createIndex(new Index().on(CLEAR_LINK, Sort.Direction.ASC).sparse()
                .named("clear_link"));
        // a report coming back finds its job by the token in the address it was sent to (jobs stored before bounces
        // were read have none: sparse)
        mongo.indexOps(COLLECTION).createIndex(new Index().on(BOUNCE_TOKEN, Sort.Direction.ASC).sparse()
                .named("bounce_token"));
    }

    /** The job whose envelope sender carries {@code token}. */
    public Optional<DispatchJob> findByBounceToken(String token) {
        return Optional.ofNullable(mongo.findOne(query(where(BOUNCE_TOKEN).is(token)), DispatchJob.class,
                COLLECTION));
    }

    /**
     * Records a report that came back about the job, once: the report's key is added to the job's
     * {@code bounceReports}, its outcome kept as {@code lastReport}, and the event announcing it appended to the
     * outbox, in one write conditional on the key not being there yet.
     *
     * @return false when the job had this report already (a report delivered twice): nothing changed
     */
    public boolean recordReport(String jobId, String reportKey, Document lastReport, OutboxEntry event) {
        Query notYet = query(where("_id").is(jobId).and(BOUNCE_REPORTS).ne(reportKey));
        Update update = OutboxDocuments.push(new Update().addToSet(BOUNCE_REPORTS, reportKey)
                .set("lastReport", lastReport), toDocument(event));
        return mongo.updateFirst(notYet, update, COLLECTION).getModifiedCount() == 1;
    }

    /** Stores a new job; false when a job with its id exists already (a redelivered event). */
    public boolean insertIfAbsent(DispatchJob job) {
        return OutboxDocuments.insertIfAbsent(mongo, toDocument(job), COLLECTION);
    }

    /**
     * Claims the job that has been due longest, leaving out jobs for the servers named: SENDING, held until
     * {@code now + lease}, its attempt counted. Atomic, so two workers (or two instances) never claim the same job.
     *
     * @param busyServers references of the servers that may not take another message now
     */
    public Optional<DispatchJob> claimNext(Instant now, Duration lease, Set<String> busyServers) {
        Criteria due = where("state").in(DUE_STATES).and("nextAttemptAt").lte(now);
        if (!busyServers.isEmpty()) {
            due = due.and("smtpServer").nin(busyServers);
        }
        Query oldestDue = query(due).with(Sort.by(Sort.Direction.ASC, "nextAttemptAt"));
        Update claim = new Update().set("state", JobState.SENDING.name()).set("leaseUntil", now.plus(lease))
                .set("claimedAt", now).inc("attempt", 1);
        return Optional.ofNullable(mongo.findAndModify(oldestDue, claim, FindAndModifyOptions.options().returnNew(true),
                DispatchJob.class, COLLECTION));
    }

    /**
     * The queue as an operator sees it, for one class of server (the platform's, or any tenant's): jobs waiting
     * (QUEUED, DEFERRED, OUTCOME_UNKNOWN), those of them due now, and since when the longest-due one is due. Read
     * through the index {@code due} (state, then nextAttemptAt), never the collection.
     */
    public QueueFigures queueFigures(boolean platformServer, Instant now) {
        Criteria server = platformServer ? where("smtpServer").is(SmtpServer.PLATFORM)
                : where("smtpServer").ne(SmtpServer.PLATFORM);
        long waiting = mongo.count(query(where("state").in(DUE_STATES).andOperator(server)), COLLECTION);
        if (waiting == 0) {
            return new QueueFigures(0, 0, null);
        }
        Criteria due = where("state").in(DUE_STATES).and("nextAttemptAt").lte(now).andOperator(server);
        long dueNow = mongo.count(query(due), COLLECTION);
        Query oldest = query(due).with(Sort.by(Sort.Direction.ASC, "nextAttemptAt")).limit(1);
        oldest.fields().include("nextAttemptAt");
        Document first = mongo.findOne(oldest, Document.class, COLLECTION);
        Instant oldestDueAt = first == null || first.getDate("nextAttemptAt") == null ? null
                : first.getDate("nextAttemptAt").toInstant();
        return new QueueFigures(waiting, dueNow, oldestDueAt);
    }

    /** @param oldestDueAt when the longest-due job became due; null when none is due */
    public record QueueFigures(long waiting, long due, Instant oldestDueAt) {
    }

    /**
     * The jobs of one server waiting for a later attempt (DEFERRED or OUTCOME_UNKNOWN, not due before {@code now}),
     * the longest-waiting first, at most {@code limit}; through the index {@code server_waiting}.
     */
    public List<DispatchJob> waitingForServer(String smtpServer, Instant now, int limit) {
        Query waiting = query(where("smtpServer").is(smtpServer).and("state").in(RETRYABLE_STATES)
                .and("nextAttemptAt").gt(now)).with(Sort.by(Sort.Direction.ASC, "nextAttemptAt")).limit(limit);
        return mongo.find(waiting, DispatchJob.class, COLLECTION);
    }

    /**
     * "Retry now": makes a waiting job due at {@code now} and appends the event that says who asked, in one write,
     * provided it still waits (DEFERRED or OUTCOME_UNKNOWN, due later than now). A second request finds it due and
     * changes nothing; a worker that claimed it meanwhile wins.
     *
     * @return false when the job was not waiting any more: nothing changed
     */
    public boolean makeDue(String id, Instant now, String requestedBy, OutboxEntry event) {
        Query waiting = query(where("_id").is(id).and("state").in(RETRYABLE_STATES).and("nextAttemptAt").gt(now));
        Update update = OutboxDocuments.push(new Update().set("nextAttemptAt", now)
                .set("retryRequestedAt", now).set("retryRequestedBy", requestedBy).set("updatedAt", now),
                toDocument(event));
        return mongo.updateFirst(waiting, update, COLLECTION).getModifiedCount() == 1;
    }

    /** Jobs still SENDING after their lease ran out. */
    public List<DispatchJob> withExpiredLease(Instant now, int limit) {
        Query expired = query(where("state").is(JobState.SENDING.name()).and("leaseUntil").lt(now)).limit(limit);
        return mongo.find(expired, DispatchJob.class, COLLECTION);
    }

    /**
     * Moves a claimed job on and appends the event announcing it (none when {@code event} is null: a notice to the
     * tenant), in one write, provided the job is still held by the same claim (SENDING, same attempt).
     *
     * @return false when the claim was lost meanwhile (its lease ran out and the job was taken over): nothing changed
     */
    public boolean apply(DispatchJob claimed, Transition transition, Instant now, OutboxEntry event) {
        Query sameClaim = query(where("_id").is(claimed.id()).and("state").is(JobState.SENDING.name())
                .and("attempt").is(claimed.attempt()));
        Update moved = new Update().set("state", transition.state().name())
                .set("nextAttemptAt", transition.nextAttemptAt())
                .set("lastReply", transition.reply())
                .set("lastReason", transition.reason())
                .set("updatedAt", now)
                .unset("leaseUntil");
        Update update = event == null ? moved : OutboxDocuments.push(moved, toDocument(event));
        if (transition.state() == JobState.OUTCOME_UNKNOWN) {
            update.set("outcomeUnknown", true);
        }
        if (transition.state().isFinal()) {
            // sent or given up: the link is needed no more, so not even its sealed form stays
            update.set("finishedAt", now).unset(SEALED_LINK);
        }
        return mongo.updateFirst(sameClaim, update, COLLECTION).getModifiedCount() == 1;
    }

    /**
     * Undoes a claim whose job was not tried (its server had no connection slot free): the attempt is not counted,
     * the lease dropped, and the job due as before. Its state before the claim is not kept with the claim; it is
     * told from what the job carries: no attempt before this one → QUEUED, an interrupted attempt on record →
     * OUTCOME_UNKNOWN, otherwise DEFERRED (all three are due alike; nothing is published for the put back).
     *
     * @return false when the claim was lost meanwhile: nothing changed
     */
    public boolean putBack(DispatchJob claimed) {
        Query sameClaim = query(where("_id").is(claimed.id()).and("state").is(JobState.SENDING.name())
                .and("attempt").is(claimed.attempt()));
        JobState before = claimed.attempt() <= 1 ? JobState.QUEUED
                : claimed.outcomeUnknown() ? JobState.OUTCOME_UNKNOWN : JobState.DEFERRED;
        Update update = new Update().set("state", before.name()).inc("attempt", -1).unset("leaseUntil");
        return mongo.updateFirst(sameClaim, update, COLLECTION).getModifiedCount() == 1;
    }

    /**
     * Jobs stored before links were sealed kept the link in clear ({@code letter.linkUrl}): seals it for an
     * unfinished job and drops it from every job, so no job keeps a link in clear. Idempotent; run at every start.
     *
     * @return how many jobs were changed
     */
    public int sealClearLinks(ClearLinkSealing sealing) {
        int changed = 0;
        for (Document job : mongo.find(query(where(CLEAR_LINK).exists(true)), Document.class, COLLECTION)) {
            String linkUrl = job.get("letter", Document.class).getString("linkUrl");
            Update update = new Update().unset(CLEAR_LINK);
            if (linkUrl != null && !JobState.valueOf(job.getString("state")).isFinal()) {
                update.set(SEALED_LINK, sealing.seal(job.getString("tenantId"), job.getString("sendId"),
                        job.getString("recipientId"), linkUrl));
            }
            changed += (int) mongo.updateFirst(query(where("_id").is(job.get("_id")).and(CLEAR_LINK).exists(true)),
                    update, COLLECTION).getModifiedCount();
        }
        return changed;
    }

    /** Seals a job's clear link for its tenant, send and recipient. */
    @FunctionalInterface
    public interface ClearLinkSealing {
        String seal(String tenantId, String sendId, String recipientId, String linkUrl);
    }

    public Optional<DispatchJob> find(String id) {
        return Optional.ofNullable(mongo.findById(id, DispatchJob.class, COLLECTION));
    }

    public List<DispatchJob> forSend(String tenantId, String sendId) {
        return mongo.find(query(where("tenantId").is(tenantId).and("sendId").is(sendId)), DispatchJob.class,
                COLLECTION);
    }

    /** The stored form of a value, without type hints: every field's type is fixed by the record it belongs to. */
    private Document toDocument(Object value) {
        Document document = new Document();
        mongo.getConverter().write(value, document);
        removeTypeHints(document);
        return document;
    }

    private static void removeTypeHints(Document document) {
        document.remove(TYPE_HINT);
        document.values().forEach(value -> {
            if (value instanceof Document nested) {
                removeTypeHints(nested);
            }
        });
    }
}

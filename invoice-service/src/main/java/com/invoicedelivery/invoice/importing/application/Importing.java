package com.invoicedelivery.invoice.importing.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.invoicedelivery.events.ImportRowResult;
import com.invoicedelivery.events.InvoiceImportCompleted;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.invoice.importing.domain.ImportBatch;
import com.invoicedelivery.invoice.importing.domain.ImportOutcome;
import com.invoicedelivery.invoice.importing.persistence.ImportBatchStore;
import com.invoicedelivery.invoice.send.application.SendingContexts;
import com.invoicedelivery.invoice.send.domain.EmailComposer;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.StateConflictException;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a batch of invoices (and sends them, when asked), every row in a few store round trips for all, then records what became of each row. The
 * same batch id again imports nothing: it is answered from the record, its imported rows ALREADY_IMPORTED with the
 * first import's ids. A batch cut short (a crash, a failing store) is simply run again: every row finds what it made
 * before, by its derived ids, and only the record is new.
 */
public class Importing {

    private static final Logger log = LoggerFactory.getLogger(Importing.class);

    private final ImportBatchStore batches;
    private final RowImporter rows;
    private final SendingContexts contexts;
    private final OutboxEntries outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public Importing(ImportBatchStore batches, RowImporter rows, SendingContexts contexts, OutboxEntries outbox,
                     OutboxRelay relay, Clock clock) {
        this.batches = batches;
        this.rows = rows;
        this.contexts = contexts;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * @param announce true for a batch from Kafka: the outcome is also published as {@code InvoiceImportCompleted}
     * @throws com.invoicedelivery.invoice.shared.domain.RuleViolationException naming {@code batchId} or {@code invoices}
     * @throws StateConflictException naming {@code tenantId} when operations have not registered the tenant yet
     */
    public ImportOutcome importBatch(String tenantId, ImportBatch batch, boolean announce) {
        ImportBatch checked = batch.validated();
        Optional<ImportOutcome> done = batches.find(tenantId, checked.batchId());
        if (done.isPresent()) {
            return answerAgain(tenantId, done.get(), announce);
        }
        EmailComposer composer = contexts.composerFor(tenantId);
        RowImporter.BatchContext context = new RowImporter.BatchContext(tenantId, checked.batchId(),
                checked.sendAfterImport(), checked.clientPolicy(), composer);
        List<ImportRowResult> results = rows.importAll(context, checked.rows());
        ImportOutcome outcome = new ImportOutcome(checked.batchId(), results);
        if (!batches.insert(tenantId, outcome, announce ? answer(tenantId, outcome) : null, now())) {
            // another delivery of the batch finished first; its rows have the same ids as these
            return answerAgain(tenantId, batches.find(tenantId, checked.batchId()).orElseThrow(), announce);
        }
        if (announce) {
            relay.kick(ImportBatchStore.COLLECTION, ImportBatchStore.id(tenantId, outcome.batchId()));
        }
        log.info("import batch {} of tenant {}: {} imported, {} refused, {}sent", outcome.batchId(), tenantId,
                outcome.count(ImportRowResult.Status.IMPORTED), outcome.count(ImportRowResult.Status.REFUSED),
                checked.sendAfterImport() ? "" : "not ");
        return outcome;
    }

    /**
     * Answers a batch from Kafka that cannot be imported at all (a field the request does not have, no tenant
     * registered, no or too many invoices): every row it has is REFUSED with {@code reasons}, and the answer says
     * them for the batch. Nothing is recorded: the importer may send the batch again, mended, under the same id.
     */
    public ImportOutcome refuseBatch(String tenantId, String batchId, int rowCount, List<RuleViolation> reasons) {
        ImportOutcome outcome = ImportOutcome.refusedBatch(batchId, rowCount, reasons);
        List<ImportRowResult.ImportRowError> errors = reasons.stream()
                .map(reason -> new ImportRowResult.ImportRowError(reason.field(), reason.message())).toList();
        OutboxEntry answer = outbox.of(new InvoiceImportCompleted(UUID.randomUUID().toString(), now(), tenantId,
                InvoiceImportCompleted.SCHEMA_VERSION, batchId, outcome.rows(), errors), Topics.IMPORT_COMPLETED);
        relay.kick(ImportBatchStore.REFUSALS, batches.insertRefusal(tenantId, batchId, answer, now()));
        log.info("import batch {} of tenant {} refused whole: {}", batchId, tenantId, errors);
        return outcome;
    }

    private ImportOutcome answerAgain(String tenantId, ImportOutcome first, boolean announce) {
        ImportOutcome repeated = first.repeated();
        if (announce) {
            batches.answerAgain(tenantId, first.batchId(), answer(tenantId, repeated));
            relay.kick(ImportBatchStore.COLLECTION, ImportBatchStore.id(tenantId, first.batchId()));
        }
        log.info("import batch {} of tenant {} was imported before: nothing imported or sent again", first.batchId(),
                tenantId);
        return repeated;
    }

    private OutboxEntry answer(String tenantId, ImportOutcome outcome) {
        return outbox.of(new InvoiceImportCompleted(UUID.randomUUID().toString(), now(), tenantId,
                InvoiceImportCompleted.SCHEMA_VERSION, outcome.batchId(), outcome.rows(), List.of()), Topics.IMPORT_COMPLETED);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

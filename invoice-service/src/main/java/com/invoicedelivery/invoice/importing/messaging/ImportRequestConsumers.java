package com.invoicedelivery.invoice.importing.messaging;

import java.util.List;
import java.util.function.Consumer;

import com.invoicedelivery.events.InvoiceImportRequested;
import com.invoicedelivery.events.SchemaVersions;
import com.invoicedelivery.invoice.importing.application.Importing;
import com.invoicedelivery.invoice.importing.domain.ImportBatch;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import com.invoicedelivery.invoice.shared.domain.StateConflictException;
import com.invoicedelivery.invoice.shared.domain.Texts;
import com.invoicedelivery.kit.messaging.MalformedRecordException;
import com.invoicedelivery.kit.problem.FieldViolation;
import com.invoicedelivery.kit.problem.JsonViolations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumer of {@code invoice.import-requested} (binding, group invoice-service and dead-letter topic in
 * application.yml). The topic is external input: it is read strictly, as the API is (a field the request does not
 * have is an error), but an importer is always answered. A record whose batch id can be read is answered on
 * {@code invoice.import-completed}, whatever else is wrong with it (a field a newer importer added, a schema version
 * this release does not read, no tenant registered, no invoices): the batch is refused whole, every row with the
 * reasons. Only a record without a readable batch id (broken JSON, no batch id) goes to the dead-letter topic, with
 * the reason: nobody could tell which batch an answer is about.
 */
@Configuration(proxyBeanMethods = false)
public class ImportRequestConsumers {

    @Bean
    Consumer<Message<byte[]>> importRequested(Importing importing, JsonMapper json) {
        return message -> {
            byte[] payload = message.getPayload();
            InvoiceImportRequested request;
            try {
                request = json.readerFor(InvoiceImportRequested.class)
                        .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(payload);
            } catch (JacksonException unreadable) {
                FieldViolation violation = JsonViolations.of(unreadable);
                refuse(importing, json, payload, List.of(new RuleViolation(violation.field(), violation.message())),
                        unreadable);
                return;
            }
            if (request == null || Texts.isBlank(request.batchId())) {
                throw new MalformedRecordException("the import request names no batch id: nobody to answer");
            }
            List<RuleViolation> envelope = envelopeViolations(request);
            if (!envelope.isEmpty()) {
                importing.refuseBatch(tenantOrNull(request.tenantId()), request.batchId().strip(), rowCount(request),
                        envelope);
                return;
            }
            try {
                importing.importBatch(request.tenantId(), new ImportBatch(request.batchId(), request.sendAfterImport(),
                        request.invoices(), request.clientPolicy()), true);
            } catch (RuleViolationException | StateConflictException refused) {
                List<RuleViolation> reasons = refused instanceof RuleViolationException rule ? rule.violations()
                        : ((StateConflictException) refused).violations();
                importing.refuseBatch(request.tenantId(), request.batchId().strip(), rowCount(request),
                        reasons.isEmpty() ? List.of(new RuleViolation("tenantId", refused.getMessage())) : reasons);
            }
        };
    }

    /** What the record lacks to be a batch of a tenant, or a version this release does not read. */
    private static List<RuleViolation> envelopeViolations(InvoiceImportRequested request) {
        if (Texts.isBlank(request.tenantId())) {
            return List.of(new RuleViolation("tenantId", "is required"));
        }
        if (Texts.isBlank(request.eventId())) {
            return List.of(new RuleViolation("eventId", "is required"));
        }
        if (!SchemaVersions.isReadable(request)) {
            return List.of(new RuleViolation("schemaVersion", request.schemaVersion()
                    + " is not a version this release reads " + SchemaVersions.readable(InvoiceImportRequested.class)));
        }
        return List.of();
    }

    /**
     * Answers a record that is not a readable request, when its batch id can be read all the same (tolerantly, as
     * a tree); otherwise it goes to the dead-letter topic.
     */
    private static void refuse(Importing importing, JsonMapper json, byte[] payload, List<RuleViolation> reasons,
                               JacksonException unreadable) {
        JsonNode tree;
        try {
            tree = json.readTree(payload);
        } catch (JacksonException notJson) {
            tree = null;
        }
        JsonNode batchId = tree == null ? null : tree.get("batchId");
        if (batchId == null || !batchId.isString() || Texts.isBlank(batchId.asString())) {
            throw new MalformedRecordException("the record is not a readable InvoiceImportRequested and names no "
                    + "batch id to answer: " + reasons.get(0).field() + " " + reasons.get(0).message(), unreadable);
        }
        JsonNode tenantId = tree.get("tenantId");
        JsonNode invoices = tree.get("invoices");
        importing.refuseBatch(tenantId != null && tenantId.isString() ? tenantOrNull(tenantId.asString()) : null,
                batchId.asString().strip(), invoices != null && invoices.isArray() ? invoices.size() : 0, reasons);
    }

    private static String tenantOrNull(String tenantId) {
        return Texts.isBlank(tenantId) ? null : tenantId.strip();
    }

    private static int rowCount(InvoiceImportRequested request) {
        return request.invoices() == null ? 0 : request.invoices().size();
    }
}

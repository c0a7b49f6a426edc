package com.invoicedelivery.invoice.importing.messaging;

import java.util.function.Consumer;

import com.invoicedelivery.events.InvoiceImportRequested;
import com.invoicedelivery.invoice.importing.application.Importing;
import com.invoicedelivery.invoice.importing.domain.ImportBatch;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import com.invoicedelivery.invoice.shared.domain.StateConflictException;
import com.invoicedelivery.invoice.shared.domain.Texts;
import com.invoicedelivery.kit.messaging.MalformedRecordException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumer of {@code invoice.import-requested} (binding, group invoice-service and dead-letter topic in
 * application.yml). It reads the record itself, strictly (an unknown field is an error, as on the API), so that a
 * record that is not a readable batch (broken JSON, unknown fields, no tenant or batch id) goes straight to the dead-letter topic with the reason, instead of being retried.
 * The answer, {@code InvoiceImportCompleted}, leaves through the batch record's outbox.
 */
@Configuration(proxyBeanMethods = false)
public class ImportRequestConsumers {

    @Bean
    Consumer<Message<byte[]>> importRequested(Importing importing, JsonMapper json) {
        return message -> {
            InvoiceImportRequested request = read(json, message.getPayload());
            try {
                importing.importBatch(request.tenantId(),
                        new ImportBatch(request.batchId(), request.sendAfterImport(), request.invoices()), true);
            } catch (RuleViolationException | StateConflictException unanswerable) {
                throw new MalformedRecordException("import batch " + request.batchId() + " of tenant "
                        + request.tenantId() + " cannot be imported: " + unanswerable.getMessage(), unanswerable);
            }
        };
    }

    private static InvoiceImportRequested read(JsonMapper json, byte[] payload) {
        InvoiceImportRequested request;
        try {
            request = json.readerFor(InvoiceImportRequested.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(payload);
        } catch (JacksonException unreadable) {
            throw new MalformedRecordException("the record is not a readable InvoiceImportRequested: "
                    + unreadable.getOriginalMessage(), unreadable);
        }
        if (request == null || Texts.isBlank(request.eventId()) || Texts.isBlank(request.tenantId())
                || Texts.isBlank(request.batchId())) {
            throw new MalformedRecordException("the import request lacks its event id, tenant or batch id");
        }
        return request;
    }

}

package com.invoicedelivery.pdf.documents.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.InvoiceRenderFailed;
import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.messaging.MalformedRecordException;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.pdf.documents.domain.StoredDocument;
import com.invoicedelivery.pdf.documents.persistence.DocumentRepository;
import com.invoicedelivery.pdf.documents.persistence.RenderFailureRepository;
import com.invoicedelivery.pdf.rendering.application.InvoicePdfRenderer;
import com.invoicedelivery.pdf.rendering.application.RenderingException;
import com.invoicedelivery.pdf.rendering.domain.DocumentFileName;
import com.invoicedelivery.pdf.rendering.domain.RenderRequirements;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a send request into its stored PDF and an {@code InvoiceDocumentReady} event, or, when the invoice cannot
 * be rendered, into one {@code InvoiceRenderFailed} event with the reason. Either outcome is recorded once per
 * send, so a redelivered request changes nothing. Infrastructure failures (MongoDB down, a full rendering queue)
 * are thrown, for the binder to retry the record.
 */
public class SendRenderingService {

    /** Renders by outcome ({@code rendered}, {@code failed}) and, for a failure, reason class. */
    static final String RENDERS = "pdf.renders";
    static final String RENDER_TIME = "pdf.render.duration";
    static final String ENGINE_FAILURE_REASON =
            "the PDF could not be produced from this invoice (the error is logged for the operators)";

    private static final Logger log = LoggerFactory.getLogger(SendRenderingService.class);

    private final InvoicePdfRenderer renderer;
    private final DocumentRepository documents;
    private final RenderFailureRepository failures;
    private final OutboxEntries outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer renderTime;

    public SendRenderingService(InvoicePdfRenderer renderer, DocumentRepository documents,
                                RenderFailureRepository failures, OutboxEntries outbox, OutboxRelay relay, Clock clock,
                                MeterRegistry meters) {
        this.meters = meters;
        // buckets for histogram_quantile across replicas: an invoice renders in tens of milliseconds to seconds
        this.renderTime = Timer.builder(RENDER_TIME).description("time to render one invoice to PDF")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(meters);
        this.renderer = renderer;
        this.documents = documents;
        this.failures = failures;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    public void handle(InvoiceSendRequested request) {
        SendDetails send = identifiedSend(request);
        if (documents.existsForSend(send.sendId()) || failures.existsForSend(send.sendId())) {
            log.info("send {} was already handled; redelivery ignored", send.sendId());
            return;
        }
        List<String> unmet = RenderRequirements.unmet(send.invoice(), send.language());
        if (!unmet.isEmpty()) {
            fail(request, RenderRequirements.reason(unmet), "unmet_requirements");
            return;
        }
        byte[] pdf;
        Timer.Sample rendering = Timer.start(meters);
        try {
            pdf = renderer.render(send.invoice(), send.language());
        } catch (RenderingException e) {
            log.error("send {}: invoice {} cannot be rendered", send.sendId(), send.invoiceId(), e);
            fail(request, ENGINE_FAILURE_REASON, "engine");
            return;
        } finally {
            rendering.stop(renderTime);
        }
        store(request, pdf);
    }

    private void store(InvoiceSendRequested request, byte[] pdf) {
        SendDetails send = request.send();
        Instant now = clock.instant();
        StoredDocument document = new StoredDocument(UUID.randomUUID().toString(), request.tenantId(), send.sendId(),
                send.invoiceId(), Sha256.hex(pdf), pdf.length, DocumentFileName.of(send.invoice(), send.language()), now);
        // the recipients are passed through as they came: a record of the old version (links in clear, written
        // before the upgrade) stays of the old version, so its readers know how to read them
        int version = request.carriesClearLinks() ? InvoiceDocumentReady.CLEAR_LINK_VERSION
                : InvoiceDocumentReady.SCHEMA_VERSION;
        InvoiceDocumentReady ready = new InvoiceDocumentReady(UUID.randomUUID().toString(), now, request.tenantId(),
                version, send, new DocumentRef(document.documentId(), document.sha256(),
                document.sizeBytes(), document.fileName()));
        if (documents.storeOnce(document, pdf, outbox.of(ready, Topics.DOCUMENT_READY))) {
            log.info("send {}: stored document {} ({} bytes)", send.sendId(), document.documentId(), pdf.length);
            meters.counter(RENDERS, "outcome", "rendered", "reason", "none").increment();
            relay.kick(DocumentRepository.COLLECTION, document.documentId());
        } else {
            log.info("send {} got its document from an earlier delivery; this one is dropped", send.sendId());
        }
    }

    /** @param reasonClass the meter's bounded name for the reason: the reason itself names the invoice's gaps */
    private void fail(InvoiceSendRequested request, String reason, String reasonClass) {
        SendDetails send = request.send();
        Instant now = clock.instant();
        InvoiceRenderFailed failed = new InvoiceRenderFailed(UUID.randomUUID().toString(), now, request.tenantId(),
                InvoiceRenderFailed.SCHEMA_VERSION, send.sendId(), send.invoiceId(), reason);
        if (failures.recordOnce(send.sendId(), request.tenantId(), send.invoiceId(), reason, now,
                outbox.of(failed, Topics.RENDER_FAILED))) {
            log.warn("send {}: {}", send.sendId(), reason);
            meters.counter(RENDERS, "outcome", "failed", "reason", reasonClass).increment();
            relay.kick(RenderFailureRepository.COLLECTION, send.sendId());
        }
    }

    private static SendDetails identifiedSend(InvoiceSendRequested request) {
        if (request == null || request.send() == null || blank(request.send().sendId())) {
            throw new MalformedRecordException("the send-requested record names no send");
        }
        if (!request.hasKnownVersion()) {
            throw new MalformedRecordException("send " + request.send().sendId() + ": schema version "
                    + request.schemaVersion() + " is not one this service reads (1, 2)");
        }
        if (blank(request.tenantId())) {
            throw new MalformedRecordException("send " + request.send().sendId() + " names no tenant");
        }
        return request.send();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

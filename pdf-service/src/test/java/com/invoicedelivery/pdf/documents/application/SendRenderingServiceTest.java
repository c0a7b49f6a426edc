package com.invoicedelivery.pdf.documents.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.InvoiceRenderFailed;
import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.messaging.MalformedRecordException;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.pdf.documents.domain.StoredDocument;
import com.invoicedelivery.pdf.documents.persistence.DocumentRepository;
import com.invoicedelivery.pdf.documents.persistence.RenderFailureRepository;
import com.invoicedelivery.pdf.rendering.application.InvoicePdfRenderer;
import com.invoicedelivery.pdf.rendering.application.RenderingException;
import com.invoicedelivery.pdf.testdata.Invoices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;

class SendRenderingServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final byte[] PDF = "%PDF-1.4 rendered".getBytes();

    private final JsonMapper json = JsonMapper.builder().build();
    private final InvoicePdfRenderer renderer = mock(InvoicePdfRenderer.class);
    private final DocumentRepository documents = mock(DocumentRepository.class);
    private final RenderFailureRepository failures = mock(RenderFailureRepository.class);
    private final OutboxRelay relay = mock(OutboxRelay.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SendRenderingService service = new SendRenderingService(renderer, documents, failures,
            new OutboxEntries(json), relay, Clock.fixed(NOW, ZoneOffset.UTC), meters);

    private final InvoiceSendRequested request = Invoices.sendRequested("acme", Invoices.invoice(), Language.BG);
    private final String sendId = request.send().sendId();

    @Test
    void storesTheRenderedPdfWithItsReadyEventAndKicksTheRelay() {
        given(renderer.render(request.send().invoice(), Language.BG)).willReturn(PDF);
        given(documents.storeOnce(any(), eq(PDF), any())).willReturn(true);

        service.handle(request);

        ArgumentCaptor<StoredDocument> document = ArgumentCaptor.forClass(StoredDocument.class);
        ArgumentCaptor<OutboxEntry> entry = ArgumentCaptor.forClass(OutboxEntry.class);
        verify(documents).storeOnce(document.capture(), eq(PDF), entry.capture());
        assertThat(document.getValue()).extracting(StoredDocument::tenantId, StoredDocument::sendId,
                        StoredDocument::sha256, StoredDocument::sizeBytes, StoredDocument::fileName, StoredDocument::createdAt)
                .containsExactly("acme", sendId, Sha256.hex(PDF), (long) PDF.length, "Фактура-0000000123.pdf", NOW);
        assertThat(entry.getValue().topic()).isEqualTo(Topics.DOCUMENT_READY);
        assertThat(entry.getValue().key()).isEqualTo(sendId);
        InvoiceDocumentReady ready = json.readValue(entry.getValue().payload(), InvoiceDocumentReady.class);
        assertThat(ready.document().documentId()).isEqualTo(document.getValue().documentId());
        assertThat(ready.document().sha256()).isEqualTo(Sha256.hex(PDF));
        assertThat(ready.send()).isEqualTo(request.send());
        verify(relay).kick(DocumentRepository.COLLECTION, document.getValue().documentId());
        assertThat(renders("rendered", "none")).isEqualTo(1);
        assertThat(meters.get(SendRenderingService.RENDER_TIME).timer().count()).isEqualTo(1);
    }

    @Test
    void aSendAlreadyHandledIsNotRenderedAgain() {
        given(documents.existsForSend(sendId)).willReturn(true);

        service.handle(request);

        verifyNoInteractions(renderer, relay);
        verify(documents, never()).storeOnce(any(), any(), any());
    }

    @Test
    void aSendThatAlreadyFailedIsNotRenderedAgain() {
        given(failures.existsForSend(sendId)).willReturn(true);

        service.handle(request);

        verifyNoInteractions(renderer, relay);
        verify(failures, never()).recordOnce(anyString(), anyString(), anyString(), anyString(), any(), any());
    }

    @Test
    void aStoreLostToAnEarlierDeliveryPublishesNothing() {
        given(renderer.render(any(), any())).willReturn(PDF);
        given(documents.storeOnce(any(), any(), any())).willReturn(false);

        service.handle(request);

        verifyNoInteractions(relay);
    }

    @Test
    void anInvoiceThatCannotBeRenderedFailsWithTheReasonWithoutRendering() {
        InvoiceSendRequested noLines = Invoices.sendRequested("acme", Invoices.withLines(Invoices.invoice(), List.of()),
                Language.EN);
        given(failures.recordOnce(anyString(), anyString(), anyString(), anyString(), any(), any())).willReturn(true);

        service.handle(noLines);

        InvoiceRenderFailed failed = recordedFailure(noLines.send().sendId());
        assertThat(failed.reason()).isEqualTo("the invoice cannot be rendered: it has no lines");
        assertThat(failed.invoiceId()).isEqualTo(noLines.send().invoiceId());
        verifyNoInteractions(renderer);
        verify(relay).kick(RenderFailureRepository.COLLECTION, noLines.send().sendId());
        assertThat(renders("failed", "unmet_requirements")).isEqualTo(1);
    }

    @Test
    void totalsThatDoNotAddUpFailTheSendInsteadOfPrintingThem() {
        InvoiceSendRequested contradictory = Invoices.sendRequested("acme", Invoices.from(Invoices.invoice())
                .totals(new BigDecimal("1334.56"), new BigDecimal("246.91"), new BigDecimal("1600.00")).build(),
                Language.BG);
        given(failures.recordOnce(anyString(), anyString(), anyString(), anyString(), any(), any())).willReturn(true);

        service.handle(contradictory);

        assertThat(recordedFailure(contradictory.send().sendId()).reason()).isEqualTo(
                "the invoice cannot be rendered: the total (1600.00) is not the tax base plus the VAT (1581.47)");
        verifyNoInteractions(renderer);
    }

    @Test
    void aRenderingErrorFailsTheSendInsteadOfRetryingIt() {
        given(renderer.render(any(), any())).willThrow(new RenderingException("boom", new IllegalStateException()));
        given(failures.recordOnce(anyString(), anyString(), anyString(), anyString(), any(), any())).willReturn(true);

        service.handle(request);

        assertThat(recordedFailure(sendId).reason()).isEqualTo(SendRenderingService.ENGINE_FAILURE_REASON);
        verify(documents, never()).storeOnce(any(), any(), any());
        assertThat(renders("failed", "engine")).isEqualTo(1);
        assertThat(meters.get(SendRenderingService.RENDER_TIME).timer().count()).as("a failed render took time too")
                .isEqualTo(1);
    }

    private double renders(String outcome, String reason) {
        return meters.get(SendRenderingService.RENDERS).tags("outcome", outcome, "reason", reason).counter().count();
    }

    @Test
    void anInfrastructureErrorIsThrownForTheBinderToRetry() {
        given(renderer.render(any(), any())).willReturn(PDF);
        given(documents.storeOnce(any(), any(), any())).willThrow(new IllegalStateException("MongoDB is down"));

        assertThatThrownBy(() -> service.handle(request)).hasMessage("MongoDB is down");
        verifyNoInteractions(relay);
    }

    @Test
    void aRecordWithoutSendOrTenantIsMalformed() {
        InvoiceSendRequested noSend = new InvoiceSendRequested("e-1", NOW, "acme", 1, null);
        InvoiceSendRequested noTenant = new InvoiceSendRequested("e-2", NOW, " ", 1, request.send());

        assertThatThrownBy(() -> service.handle(noSend)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("names no send");
        assertThatThrownBy(() -> service.handle(noTenant)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("names no tenant");
        verifyNoInteractions(renderer, documents, failures);
    }

    private InvoiceRenderFailed recordedFailure(String sendId) {
        ArgumentCaptor<OutboxEntry> entry = ArgumentCaptor.forClass(OutboxEntry.class);
        verify(failures).recordOnce(eq(sendId), eq("acme"), anyString(), anyString(), eq(NOW), entry.capture());
        assertThat(entry.getValue().topic()).isEqualTo(Topics.RENDER_FAILED);
        return json.readValue(entry.getValue().payload(), InvoiceRenderFailed.class);
    }
}

package com.invoicedelivery.invoice.send.web;

import java.net.URI;
import java.util.List;

import com.invoicedelivery.invoice.send.application.InvoiceSending;
import com.invoicedelivery.invoice.send.application.SendQueries;
import com.invoicedelivery.invoice.send.domain.IdempotencyKey;
import com.invoicedelivery.invoice.send.domain.Send;
import com.invoicedelivery.kit.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SendController {

    private final InvoiceSending sending;
    private final SendQueries queries;

    public SendController(InvoiceSending sending, SendQueries queries) {
        this.sending = sending;
        this.queries = queries;
    }

    @Operation(summary = "Send an issued invoice: by default to the client's addresses, in the client's language,"
            + " with the tenant's template; answers 202 with the send to follow. The same Idempotency-Key again"
            + " answers with the same send")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ApiResponse(responseCode = "409", description = "The invoice is a draft, its client no longer exists, or the "
            + "`Idempotency-Key` came with another request before (the problem names the field).")
    @PostMapping("/api/invoices/{invoiceId}/send")
    public ResponseEntity<SendView.Accepted> send(Caller caller, @PathVariable String invoiceId,
                                                  @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
                                                  @RequestBody(required = false) SendRequest request) {
        Send send = sending.send(caller.requireTenant(), invoiceId, SendRequest.optionsOf(request), idempotencyKey);
        return ResponseEntity.accepted().location(URI.create("/api/sends/" + send.id())).body(SendView.Accepted.of(send));
    }

    @Operation(summary = "A send: each recipient's status and the timeline of every step")
    @GetMapping("/api/sends/{sendId}")
    public SendView get(Caller caller, @PathVariable String sendId) {
        return SendView.of(queries.get(caller.requireTenant(), sendId));
    }

    @Operation(summary = "An invoice's sends, newest first")
    @GetMapping("/api/invoices/{invoiceId}/sends")
    public List<SendView> forInvoice(Caller caller, @PathVariable String invoiceId) {
        return queries.forInvoice(caller.requireTenant(), invoiceId).stream().map(SendView::of).toList();
    }
}

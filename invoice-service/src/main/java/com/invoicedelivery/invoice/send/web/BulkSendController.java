package com.invoicedelivery.invoice.send.web;

import com.invoicedelivery.invoice.send.application.BulkSending;
import com.invoicedelivery.invoice.send.application.SendPreviews;
import com.invoicedelivery.invoice.send.domain.IdempotencyKey;
import com.invoicedelivery.invoice.send.domain.InvoiceSelection;
import com.invoicedelivery.kit.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sending from the invoice list: the preview of the invoices ticked, then one send for all of them. */
@RestController
public class BulkSendController {

    private final SendPreviews previews;
    private final BulkSending sending;

    public BulkSendController(SendPreviews previews, BulkSending sending) {
        this.previews = previews;
        this.sending = sending;
    }

    @Operation(summary = "Preview the e-mails of 1 to 500 invoices: recipients, subject, message, language, mode, and"
            + " whether each can be sent (a Draft cannot)")
    @PostMapping("/api/sends/preview")
    public PreviewView preview(Caller caller, @RequestBody PreviewRequest request) {
        return PreviewView.of(previews.preview(caller.requireTenant(), new InvoiceSelection(request.invoiceIds())));
    }

    @Operation(summary = "Send 1 to 200 invoices, each with its own recipients, subject, message and language; all or"
            + " nothing. The same Idempotency-Key again answers with the same sends")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ApiResponse(responseCode = "404", description = "An invoice of the batch is unknown to the tenant (`errors` "
            + "names `invoices[i].invoiceId`).")
    @ApiResponse(responseCode = "409", description = "All or nothing: an invoice of the batch is a draft or cannot "
            + "be sent, or the `Idempotency-Key` came with another request before (`errors` names each).")
    @PostMapping("/api/sends")
    public ResponseEntity<BulkSendView> send(Caller caller,
                                             @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
                                             @RequestBody BulkSendRequest request) {
        return ResponseEntity.accepted().body(BulkSendView.of(
                sending.send(caller.requireTenant(), request.toBatch(), idempotencyKey)));
    }
}

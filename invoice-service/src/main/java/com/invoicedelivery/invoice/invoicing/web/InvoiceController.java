package com.invoicedelivery.invoice.invoicing.web;

import java.net.URI;
import java.util.List;

import com.invoicedelivery.invoice.invoicing.application.Invoices;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceStatus;
import com.invoicedelivery.invoice.shared.domain.SendStatus;
import com.invoicedelivery.kit.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/invoices")
public class InvoiceController {

    private final Invoices invoices;

    public InvoiceController(Invoices invoices) {
        this.invoices = invoices;
    }

    @Operation(summary = "Create a draft invoice; without a number it gets the next one of the tenant's sequence")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "404", description = "No client of the tenant by `clientId`.")
    @ApiResponse(responseCode = "409", description = "The tenant has an invoice with this `number` already.")
    @PostMapping
    public ResponseEntity<InvoiceView> create(Caller caller, @RequestBody InvoiceRequest request) {
        Invoice invoice = invoices.create(caller.requireTenant(), request.toDraft());
        return ResponseEntity.created(URI.create("/api/invoices/" + invoice.id())).body(InvoiceView.of(invoice));
    }

    @Operation(summary = "Issue a draft invoice; only an issued invoice can be sent")
    @ApiResponse(responseCode = "409", description = "The invoice is not a draft (any more): it has been issued "
            + "already.")
    @ResponseStatus(HttpStatus.OK)
    @PostMapping("/{invoiceId}/issue")
    public InvoiceView issue(Caller caller, @PathVariable String invoiceId) {
        return InvoiceView.of(invoices.issue(caller.requireTenant(), invoiceId));
    }

    @Operation(summary = "The tenant's invoices, newest number first, optionally by status and latest send status")
    @GetMapping
    public List<InvoiceView> list(Caller caller, @RequestParam(required = false) InvoiceStatus status,
                                  @RequestParam(required = false) SendStatus sendStatus) {
        return invoices.list(caller.requireTenant(), status, sendStatus).stream().map(InvoiceView::of).toList();
    }

    @Operation(summary = "One invoice with its lines and totals")
    @GetMapping("/{invoiceId}")
    public InvoiceView get(Caller caller, @PathVariable String invoiceId) {
        return InvoiceView.of(invoices.get(caller.requireTenant(), invoiceId));
    }
}

package com.invoicedelivery.invoice.tenant.web;

import com.invoicedelivery.invoice.tenant.application.Tenants;
import com.invoicedelivery.kit.problem.InvalidInputException;
import com.invoicedelivery.kit.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's own settings ("Settings → E-mails"); changing them is for its administrators (ApiAccessConfiguration). */
@RestController
@RequestMapping("/api/settings")
public class SettingsController {

    private final Tenants tenants;

    public SettingsController(Tenants tenants) {
        this.tenants = tenants;
    }

    @Operation(summary = "The tenant's profile and e-mail setting")
    @ApiResponse(responseCode = "404", description = "The caller's tenant is not registered (operations register "
            + "tenants).")
    @ResponseStatus(HttpStatus.OK)
    @GetMapping
    public SettingsView get(Caller caller) {
        return SettingsView.of(tenants.get(caller.requireTenant()));
    }

    @Operation(summary = "Send invoices as attached PDF files instead of links (not on the Trial plan: 409)")
    @ApiResponse(responseCode = "404", description = "The caller's tenant is not registered (operations register "
            + "tenants).")
    @ApiResponse(responseCode = "409", description = "Attached PDF files are not on the Trial plan (`errors` names "
            + "`attachInvoices`), or the plan is being changed: try again.")
    @ResponseStatus(HttpStatus.OK)
    @PutMapping("/email")
    public SettingsView putEmail(Caller caller, @RequestBody EmailSettingsRequest request) {
        if (request.attachInvoices() == null) {
            throw new InvalidInputException("attachInvoices", "is required: true or false");
        }
        return SettingsView.of(tenants.chooseAttachments(caller.requireTenant(), request.attachInvoices()));
    }

    @Operation(summary = "What clients' link pages show besides the invoice: the privacy notice (https) and contact")
    @ApiResponse(responseCode = "404", description = "The caller's tenant is not registered (operations register "
            + "tenants).")
    @ResponseStatus(HttpStatus.OK)
    @PutMapping("/client-page")
    public SettingsView putClientPage(Caller caller, @RequestBody ClientPageRequest request) {
        return SettingsView.of(tenants.chooseClientPage(caller.requireTenant(), request.toClientPage()));
    }

    @Operation(summary = "How many days (1 to 730) the personal links of new sends work")
    @ApiResponse(responseCode = "404", description = "The caller's tenant is not registered (operations register "
            + "tenants).")
    @ResponseStatus(HttpStatus.OK)
    @PutMapping("/links")
    public SettingsView putLinks(Caller caller, @RequestBody LinkSettingsRequest request) {
        return SettingsView.of(tenants.chooseLinkValidity(caller.requireTenant(), request.validityDays()));
    }
}

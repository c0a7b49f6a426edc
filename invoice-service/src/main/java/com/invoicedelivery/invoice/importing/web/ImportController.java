package com.invoicedelivery.invoice.importing.web;

import com.invoicedelivery.invoice.importing.application.Importing;
import com.invoicedelivery.invoice.importing.domain.ImportBatch;
import com.invoicedelivery.kit.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Importing invoices (and sending them right after) from the tenant's own invoicing system. */
@RestController
public class ImportController {

    private final Importing importing;

    public ImportController(Importing importing) {
        this.importing = importing;
    }

    @Operation(summary = "Import 1 to 500 issued invoices, optionally sending each right after; answers per row what"
            + " was imported and what was refused and why. The same batchId again imports nothing twice")
    @ApiResponse(responseCode = "409", description = "Operations have not registered the tenant yet (`errors` names "
            + "`tenantId`).")
    @ResponseStatus(HttpStatus.OK)
    @PostMapping("/api/imports")
    public ImportView importBatch(Caller caller, @RequestBody ImportRequest request) {
        return ImportView.of(importing.importBatch(caller.requireTenant(),
                new ImportBatch(request.batchId(), Boolean.TRUE.equals(request.sendAfterImport()), request.invoices(),
                        request.clientPolicy()),
                false));
    }
}

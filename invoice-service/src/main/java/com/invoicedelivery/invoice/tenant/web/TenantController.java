package com.invoicedelivery.invoice.tenant.web;

import java.util.List;

import com.invoicedelivery.invoice.tenant.application.Tenants;
import com.invoicedelivery.kit.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The tenant registry, for operations staff (role {@code operations}, see ApiAccessConfiguration). */
@RestController
@RequestMapping("/api/operations/tenants")
public class TenantController {

    private final Tenants tenants;

    public TenantController(Tenants tenants) {
        this.tenants = tenants;
    }

    @Operation(summary = "Create a tenant or replace its profile (plan, sub-domain, company, settings)")
    @ResponseStatus(HttpStatus.OK)
    @ApiResponse(responseCode = "409", description = "Another tenant has the `subdomain`, or a Trial tenant asks for "
            + "`attachInvoices`.")
    @PutMapping("/{tenantId}")
    public TenantView put(@PathVariable String tenantId, @RequestBody TenantRequest request) {
        return TenantView.of(tenants.put(request.toTenant(tenantId)));
    }

    @Operation(summary = "Every tenant's profile, by id (at most 500)")
    @GetMapping
    public List<TenantView> list(@RequestParam(defaultValue = "500") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be from 1 to 500");
        }
        return tenants.list(limit).stream().map(TenantView::of).toList();
    }

    @Operation(summary = "A tenant's profile")
    @GetMapping("/{tenantId}")
    public TenantView get(@PathVariable String tenantId) {
        return TenantView.of(tenants.get(tenantId));
    }
}

package com.invoicedelivery.invoice.send.web;

import com.invoicedelivery.invoice.send.application.DeliveryOverviews;
import com.invoicedelivery.invoice.send.domain.DeliveryOverview;
import com.invoicedelivery.kit.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery overview of a window of requests ({@code from}, {@code to}: ISO-8601 instants, at most 31 days;
 * default the last 24 hours): recipients per status, the top failure and deferral reasons, the oldest item still
 * waiting at each stage, and the request-to-acceptance percentiles. Operations see every tenant (or one, with
 * {@code tenantId}); a tenant's admin sees its own at {@code /api/delivery/overview}.
 */
@RestController
public class DeliveryOverviewController {

    private final DeliveryOverviews overviews;

    public DeliveryOverviewController(DeliveryOverviews overviews) {
        this.overviews = overviews;
    }

    @Operation(summary = "Operations: delivery of the sends requested in [from, to) across tenants (or of tenantId):"
            + " recipients per status, top failure and deferral reasons, oldest item per waiting stage,"
            + " request-to-SMTP-acceptance p50/p95/p99")
    @GetMapping("/api/operations/delivery")
    public DeliveryOverview everyTenant(@RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String tenantId) {
        return overviews.overview(from, to, tenantId == null || tenantId.isBlank() ? null : tenantId);
    }

    @Operation(summary = "The tenant's delivery of the sends requested in [from, to): the same figures as operations"
            + " see, of its own sends only")
    @GetMapping("/api/delivery/overview")
    public DeliveryOverview ownTenant(Caller caller, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to) {
        return overviews.overview(from, to, caller.requireTenant());
    }
}

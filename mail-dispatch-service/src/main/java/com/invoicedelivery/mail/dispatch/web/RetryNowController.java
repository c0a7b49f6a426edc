package com.invoicedelivery.mail.dispatch.web;

import com.invoicedelivery.kit.security.Caller;
import com.invoicedelivery.kit.security.Roles;
import com.invoicedelivery.mail.dispatch.application.RetryNow;
import com.invoicedelivery.mail.dispatch.domain.RetryNowResult;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Retry now" of e-mails waiting for a later attempt (DEFERRED, OUTCOME_UNKNOWN): a tenant admin for its own mail
 * ({@code /api/dispatch/**}), operations for any tenant's ({@code /api/operations/dispatch/tenants/{tenantId}/**}).
 * Idempotent: a repeated request retries nothing more and says so per e-mail. Another tenant's send answers 404.
 */
@RestController
public class RetryNowController {

    private final RetryNow retryNow;

    public RetryNowController(RetryNow retryNow) {
        this.retryNow = retryNow;
    }

    @Operation(summary = "Retry now the tenant's e-mail of a send to one recipient, when it waits for a later attempt")
    @PostMapping("/api/dispatch/sends/{sendId}/recipients/{recipientId}/retry")
    public RetryNowResult recipient(Caller caller, @PathVariable String sendId, @PathVariable String recipientId) {
        return retryNow.recipient(caller.requireTenant(), sendId, recipientId, who(caller));
    }

    @Operation(summary = "Retry now every e-mail of one of the tenant's sends that waits for a later attempt")
    @PostMapping("/api/dispatch/sends/{sendId}/retry")
    public RetryNowResult send(Caller caller, @PathVariable String sendId) {
        return retryNow.send(caller.requireTenant(), sendId, who(caller));
    }

    @Operation(summary = "Retry now every e-mail waiting for the tenant's own SMTP server (e.g. once it is fixed);"
            + " at most 500 per call, more=true when there are others")
    @PostMapping("/api/dispatch/own-server/retry")
    public RetryNowResult ownServer(Caller caller) {
        return retryNow.tenantServer(caller.requireTenant(), who(caller));
    }

    @Operation(summary = "Operations: retry now a tenant's e-mail of a send to one recipient")
    @PostMapping("/api/operations/dispatch/tenants/{tenantId}/sends/{sendId}/recipients/{recipientId}/retry")
    public RetryNowResult recipientOf(Caller caller, @PathVariable String tenantId, @PathVariable String sendId,
                                      @PathVariable String recipientId) {
        return retryNow.recipient(tenantId, sendId, recipientId, who(caller));
    }

    @Operation(summary = "Operations: retry now every waiting e-mail of a tenant's send")
    @PostMapping("/api/operations/dispatch/tenants/{tenantId}/sends/{sendId}/retry")
    public RetryNowResult sendOf(Caller caller, @PathVariable String tenantId, @PathVariable String sendId) {
        return retryNow.send(tenantId, sendId, who(caller));
    }

    @Operation(summary = "Operations: retry now every e-mail waiting for a tenant's own SMTP server")
    @PostMapping("/api/operations/dispatch/tenants/{tenantId}/own-server/retry")
    public RetryNowResult ownServerOf(Caller caller, @PathVariable String tenantId) {
        return retryNow.tenantServer(tenantId, who(caller));
    }

    /** Who asked, as the send's timeline shows it: the token's subject and the role it acted in. */
    static String who(Caller caller) {
        String role = caller.hasRole(Roles.OPERATIONS) && caller.tenantId() == null ? "operations" : "tenant admin";
        return (caller.subject() == null ? "unknown" : caller.subject()) + " (" + role + ")";
    }
}

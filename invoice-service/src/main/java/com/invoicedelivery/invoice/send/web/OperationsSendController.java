package com.invoicedelivery.invoice.send.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.invoicedelivery.invoice.send.application.SendQueries;
import com.invoicedelivery.invoice.shared.domain.SendStatus;
import com.invoicedelivery.kit.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations' read-only view across tenants (role {@code operations}, see ApiAccessConfiguration): the sends that
 * need a person, by default those with a recipient that failed, is being retried, or whose outcome is unknown.
 */
@RestController
public class OperationsSendController {

    static final int MAX_LIMIT = 500;
    private static final Set<SendStatus> NEEDING_ATTENTION =
            EnumSet.of(SendStatus.FAILED, SendStatus.BOUNCED, SendStatus.DEFERRED, SendStatus.OUTCOME_UNKNOWN);

    private final SendQueries queries;

    public OperationsSendController(SendQueries queries) {
        this.queries = queries;
    }

    /** A send and the tenant it belongs to. */
    record TenantSend(String tenantId, SendView send) {
    }

    @Operation(summary = "Sends of every tenant with a recipient in the given statuses (default: FAILED, DEFERRED,"
            + " OUTCOME_UNKNOWN), newest first")
    @GetMapping("/api/operations/sends")
    public List<TenantSend> needingAttention(@RequestParam(name = "status", required = false) Set<SendStatus> statuses,
                                             @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be from 1 to " + MAX_LIMIT);
        }
        Set<SendStatus> wanted = statuses == null || statuses.isEmpty() ? NEEDING_ATTENTION : statuses;
        return queries.needingAttention(wanted, limit).stream()
                .map(send -> new TenantSend(send.tenantId(), SendView.of(send)))
                .toList();
    }
}

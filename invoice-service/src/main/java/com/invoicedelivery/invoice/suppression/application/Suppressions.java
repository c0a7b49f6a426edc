package com.invoicedelivery.invoice.suppression.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.events.BounceKind;
import com.invoicedelivery.events.EmailBounced;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import com.invoicedelivery.invoice.shared.domain.UnknownReferenceException;
import com.invoicedelivery.invoice.suppression.domain.SuppressedAddress;
import com.invoicedelivery.invoice.suppression.persistence.SuppressionStore;

/**
 * The tenant's suppression list: addresses that hard-bounced or complained. Filled from mail-dispatch's reports
 * ({@link EmailBounced}); read by the preview and bulk sends; cleared by the tenant, one address at a time.
 */
public class Suppressions {

    public static final int MAX_LIMIT = 500;

    private final SuppressionStore store;

    public Suppressions(SuppressionStore store) {
        this.store = store;
    }

    /** Puts the event's address on its tenant's list when the report was a hard bounce or a complaint. */
    public void record(EmailBounced event) {
        if (event.kind() == BounceKind.SOFT || event.email() == null) {
            return;
        }
        store.put(new SuppressedAddress(event.tenantId(), SuppressedAddress.normalized(event.email()),
                event.kind().name(), event.reason(), event.occurredAt(), event.sendId()));
    }

    /** The tenant's entries for {@code emails}, by normalized address; one store read whatever their number. */
    public Map<String, SuppressedAddress> among(String tenantId, Collection<String> emails) {
        return store.findAll(tenantId, emails.stream().map(SuppressedAddress::normalized).distinct().toList());
    }

    public List<SuppressedAddress> list(String tenantId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new RuleViolationException(List.of(new RuleViolation("limit", "must be 1-" + MAX_LIMIT)));
        }
        return store.list(tenantId, limit);
    }

    /**
     * Takes the address off the tenant's list: its next bulk sends include it again.
     *
     * @throws UnknownReferenceException when the tenant has no such entry (another tenant's is not seen)
     */
    public void clear(String tenantId, String email) {
        String address = SuppressedAddress.normalized(email);
        if (address == null || address.isEmpty() || !store.delete(tenantId, address)) {
            throw new UnknownReferenceException("Suppressed address", List.of(String.valueOf(email)),
                    List.of(new RuleViolation("email", "is not on your suppression list")));
        }
    }
}

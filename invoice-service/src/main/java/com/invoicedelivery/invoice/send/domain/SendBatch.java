package com.invoicedelivery.invoice.send.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.invoice.shared.domain.Violations;

/** Many invoices sent at once, each with what the user chose for it in the preview. */
public record SendBatch(List<Item> items) {

    public static final int MAX_INVOICES = 200;

    /**
     * One invoice of the batch.
     *
     * @param confirmSuppressed true: send to its recipients on the tenant's suppression list too (the tenant
     *                          confirmed them after the preview flagged them); false: skip them
     */
    public record Item(String invoiceId, SendOptions options, boolean confirmSuppressed) {

        public Item(String invoiceId, SendOptions options) {
            this(invoiceId, options, false);
        }
    }

    /**
     * The batch with each item's options normalized. All or nothing: any broken rule refuses the whole batch.
     *
     * @throws com.invoicedelivery.invoice.shared.domain.RuleViolationException naming every field that breaks a rule, as
     *                                                               {@code invoices[i].recipients[j]}
     */
    public SendBatch validated() {
        Violations violations = new Violations();
        if (violations.check(items != null && !items.isEmpty(), "invoices", "must list at least one invoice")
                && violations.withinLimit(items.size(), MAX_INVOICES, "invoices",
                        "must list at most " + MAX_INVOICES + " invoices per send")) {
            validateItems(violations);
        }
        violations.throwIfAny();
        return new SendBatch(items.stream().map(item -> new Item(item.invoiceId().strip(), item.options().normalized(),
                item.confirmSuppressed()))
                .toList());
    }

    private void validateItems(Violations violations) {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int index = 0; index < items.size(); index++) {
            Item item = items.get(index);
            Violations itemViolations = violations.element("invoices", index);
            if (!violations.check(item != null, "invoices[" + index + "]", "is empty")) {
                continue;
            }
            if (itemViolations.requireId(item.invoiceId(), "invoiceId")) {
                Integer first = firstIndex.putIfAbsent(item.invoiceId().strip(), index);
                itemViolations.check(first == null, "invoiceId",
                        "is listed more than once (also at invoices[" + first + "])");
            }
            item.options().validate(itemViolations);
        }
    }

    /** Adds what the batch asks for to a request's fingerprint. */
    public RequestFingerprint addTo(RequestFingerprint fingerprint) {
        fingerprint.add(String.valueOf(items.size()));
        items.forEach(item -> item.options().addTo(fingerprint.add(item.invoiceId())
                .add(item.confirmSuppressed() ? "confirm-suppressed" : "")));
        return fingerprint;
    }
}

package com.invoicedelivery.invoice.shared.domain;

import java.util.List;

/**
 * Things a request names (e.g. {@code invoices[3].invoiceId}) do not exist for the caller. Nothing was changed;
 * each such field is listed.
 */
public class UnknownReferenceException extends RuntimeException {

    private final List<RuleViolation> violations;

    /**
     * @param what       what the ids are of, e.g. {@code Invoice}
     * @param ids        the ids not found, each once, as the message names them (the violations name the fields)
     */
    public UnknownReferenceException(String what, List<String> ids, List<RuleViolation> violations) {
        super(ids.size() == 1 ? what + " " + ids.get(0) + " was not found"
                : what + "s " + String.join(", ", ids) + " were not found");
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}

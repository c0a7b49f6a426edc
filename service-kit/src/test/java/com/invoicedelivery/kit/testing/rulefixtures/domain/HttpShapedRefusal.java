package com.invoicedelivery.kit.testing.rulefixtures.domain;

import com.invoicedelivery.kit.problem.ConflictException;

/** A domain class that refuses in HTTP's terms, on purpose, so {@code ArchitectureRulesTest} sees the rule fail. */
public class HttpShapedRefusal {

    public void refuse() {
        throw new ConflictException("status", "is not a draft");
    }
}

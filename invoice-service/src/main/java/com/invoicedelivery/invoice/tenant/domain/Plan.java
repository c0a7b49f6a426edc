package com.invoicedelivery.invoice.tenant.domain;

/** The tenant's subscription; some features are not available on the trial. */
public enum Plan {
    TRIAL,
    PAID
}

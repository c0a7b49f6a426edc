package com.invoicedelivery.invoice.invoicing.domain;

public enum InvoiceStatus {
    /** Being prepared: may change, cannot be sent. */
    DRAFT,
    /** Issued to the client: final, can be sent. */
    ISSUED
}

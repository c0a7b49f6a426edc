package com.invoicedelivery.events;

public enum DocumentKind {
    INVOICE,
    PROFORMA,
    CREDIT_NOTE,
    DEBIT_NOTE
}

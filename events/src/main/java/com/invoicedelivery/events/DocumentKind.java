package com.invoicedelivery.events;

@Description("The kind of document, as printed on it.")
public enum DocumentKind {
    INVOICE,
    PROFORMA,
    CREDIT_NOTE,
    DEBIT_NOTE
}

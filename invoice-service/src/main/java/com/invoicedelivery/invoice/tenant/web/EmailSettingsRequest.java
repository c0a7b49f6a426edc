package com.invoicedelivery.invoice.tenant.web;

/** The body of {@code PUT /api/settings/email}: the setting "Invoices as attached files". */
record EmailSettingsRequest(Boolean attachInvoices) {
}

package com.invoicedelivery.invoice.tenant.web;

/** The body of {@code PUT /api/settings/links}: how many days a personal link works after its send. */
record LinkSettingsRequest(Integer validityDays) {
}

package com.invoicedelivery.invoice.template.web;

/** The body of {@code PUT /api/templates/{language}}. */
record TemplateRequest(String subject, String message) {
}

package com.invoicedelivery.invoice.tenant.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code PUT /api/settings/email}: the setting "Invoices as attached files". */
record EmailSettingsRequest(
        @Schema(description = "True: e-mail invoices as attached PDF files (not on the Trial plan); false: as"
                + " personal links.", example = "true")
        Boolean attachInvoices) {
}

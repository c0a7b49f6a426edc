package com.invoicedelivery.invoice.tenant.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code PUT /api/settings/links}: how many days a personal link works after its send. */
record LinkSettingsRequest(
        @Schema(description = "How many days (1 to 730) the personal links of new sends work.", example = "180")
        Integer validityDays) {
}

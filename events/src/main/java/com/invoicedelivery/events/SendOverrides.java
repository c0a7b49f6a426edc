package com.invoicedelivery.events;

import java.util.List;

/** What a sender changed for one invoice's send; a null field keeps the default (client's addresses, template). */
@Description("What a sender changed for one invoice's send; an absent field keeps the default (the client's "
        + "addresses, the tenant's template).")
public record SendOverrides(@OptionalField List<String> recipients, @OptionalField String subject,
                            @OptionalField String message, @OptionalField Language language) {
}

package com.invoicedelivery.events;

import java.util.List;

/** What a sender changed for one invoice's send; a null field keeps the default (client's addresses, template). */
public record SendOverrides(List<String> recipients, String subject, String message, Language language) {
}

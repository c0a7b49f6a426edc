package com.invoicedelivery.events;

import java.util.List;

/** A client as an import row describes it. */
public record ImportedClient(String name, String address, String city, String country, String uic, String vatNumber,
                             String responsiblePerson, List<String> emails, Language language) {
}

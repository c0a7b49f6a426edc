package com.invoicedelivery.invoice.client.web;

import java.util.List;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.shared.domain.PartyDetails;

/** The body of {@code POST /api/clients}. */
record ClientRequest(String name, String address, String city, String country, String uic, String vatNumber,
                     String responsiblePerson, List<String> emails, Language language) {

    PartyDetails details() {
        return new PartyDetails(name, address, city, country, uic, vatNumber, responsiblePerson);
    }
}

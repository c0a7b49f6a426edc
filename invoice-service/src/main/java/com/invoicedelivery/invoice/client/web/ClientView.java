package com.invoicedelivery.invoice.client.web;

import java.time.Instant;
import java.util.List;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.shared.domain.PartyDetails;

/** A client as the API shows it. */
record ClientView(String id, String name, String address, String city, String country, String uic,
                  String vatNumber, String responsiblePerson, List<String> emails, Language language,
                  Instant createdAt) {

    static ClientView of(Client client) {
        PartyDetails details = client.details();
        return new ClientView(client.id(), details.name(), details.address(), details.city(), details.country(),
                details.uic(), details.vatNumber(), details.responsiblePerson(), client.emails(), client.language(),
                client.createdAt());
    }
}

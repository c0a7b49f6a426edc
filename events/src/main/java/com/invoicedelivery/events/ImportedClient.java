package com.invoicedelivery.events;

import java.util.List;

/** A client as an import row describes it. */
@Description("A client as an import row describes it; reused when the tenant already has a client with the same UIC.")
public record ImportedClient(String name, String address, String city, String country,
                             @Description("The unified identification code (9 or 13 digits); required for a "
                                     + "Bulgarian client.") @OptionalField String uic,
                             @OptionalField String vatNumber, @OptionalField String responsiblePerson,
                             @Description("Where the client's invoices go: at least one address.") List<String> emails,
                             Language language) {
}

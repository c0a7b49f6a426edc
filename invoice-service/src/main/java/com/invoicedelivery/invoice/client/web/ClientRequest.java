package com.invoicedelivery.invoice.client.web;

import java.util.List;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.shared.domain.PartyDetails;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/clients}. */
record ClientRequest(
        @Schema(description = "The client's registered name, as invoices show it.", example = "Уеб Студио ООД")
        String name,
        @Schema(description = "Street address.", example = "ул. „Клиентска“ 7")
        String address,
        @Schema(description = "City.", example = "Варна")
        String city,
        @Schema(description = "Country.", example = "България")
        String country,
        @Schema(description = "Unified identification code (ЕИК/БУЛСТАТ).", example = "103456789")
        String uic,
        @Schema(description = "VAT number, if registered for VAT.", example = "BG103456789")
        String vatNumber,
        @Schema(description = "The person responsible (МОЛ).", example = "Петя Иванова")
        String responsiblePerson,
        @ArraySchema(arraySchema = @Schema(
                description = "The addresses the client's invoices are e-mailed to: at least one.",
                example = "[\"accounting@client.example\"]"),
                schema = @Schema(example = "accounting@client.example"))
        List<String> emails,
        @Schema(description = "The language of the client's e-mails and pages; default BG.", example = "BG")
        Language language) {

    PartyDetails details() {
        return new PartyDetails(name, address, city, country, uic, vatNumber, responsiblePerson);
    }
}

package com.invoicedelivery.invoice.client.web;

import java.util.Map;

import com.invoicedelivery.kit.openapi.SchemaDescriptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What each field of a client as the API shows it means, for the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class ClientSchemaDescriptions {

    @Bean
    SchemaDescriptions clientDescriptions() {
        return new SchemaDescriptions(Map.of(
                "ClientView", Map.ofEntries(
                        Map.entry("id", "The client's id, as invoices name it (clientId)."),
                        Map.entry("name", "The client's registered name, as invoices show it."),
                        Map.entry("address", "Street address."),
                        Map.entry("city", "City."),
                        Map.entry("country", "Country."),
                        Map.entry("uic", "Unified identification code (ЕИК/БУЛСТАТ)."),
                        Map.entry("vatNumber", "VAT number, if registered for VAT; null otherwise."),
                        Map.entry("responsiblePerson", "The person responsible (МОЛ)."),
                        Map.entry("emails", "The addresses the client's invoices are e-mailed to."),
                        Map.entry("language", "The language of the client's e-mails and pages."),
                        Map.entry("createdAt", "When the client was created (ISO 8601 instant)."))));
    }
}

package com.invoicedelivery.invoice.client.web;

import java.util.List;
import java.util.Map;

import com.invoicedelivery.kit.openapi.SchemaDescriptions;
import com.invoicedelivery.kit.openapi.SchemaExamples;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each field of a client as the API shows it means, for the OpenAPI document, with an example: the client the
 * tests create ({@code Requests.client} in the tests).
 */
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

    @Bean
    SchemaExamples clientExamples() {
        return new SchemaExamples(Map.of(
                "ClientView", Map.ofEntries(
                        Map.entry("id", "c2a9f0d4-8b1e-4f7c-a3d5-6e7f8a9b0c11"),
                        Map.entry("name", "Уеб Студио ООД"),
                        Map.entry("address", "ул. „Клиентска“ 7"),
                        Map.entry("city", "Варна"),
                        Map.entry("country", "България"),
                        Map.entry("uic", "103456789"),
                        Map.entry("vatNumber", "BG103456789"),
                        Map.entry("responsiblePerson", "Петя Иванова"),
                        Map.entry("emails", List.of("accounting@client.example")),
                        Map.entry("language", "BG"),
                        Map.entry("createdAt", "2026-12-07T08:00:00Z"))));
    }
}

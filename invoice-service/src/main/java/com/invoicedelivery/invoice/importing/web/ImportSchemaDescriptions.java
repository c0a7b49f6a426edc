package com.invoicedelivery.invoice.importing.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.kit.openapi.SchemaDescriptions;
import com.invoicedelivery.kit.openapi.SchemaExamples;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each field of an import and its answer means, for the OpenAPI document: the rows are the records of module
 * {@code events} (the same a bulk importer puts on Kafka, described there for the AsyncAPI document), which carry
 * no Swagger annotations; the words are theirs where they have some. The examples are a row of the import tests
 * (a new client described in full, one line at 20 %, the send's recipients overridden).
 */
@Configuration(proxyBeanMethods = false)
class ImportSchemaDescriptions {

    @Bean
    SchemaDescriptions importDescriptions() {
        return new SchemaDescriptions(Map.of(
                "ImportRequest", Map.of(
                        "batchId", "The importer's id of the batch: a batch delivered again is not imported twice"
                                + " (its rows answer ALREADY_IMPORTED).",
                        "sendAfterImport", "Whether each invoice imported is sent right after the import.",
                        "invoices", "The rows: one issued invoice each.",
                        "clientPolicy", "What a row does with a client (by its UIC) the tenant already has with other"
                                + " details; absent: UPDATE."),
                "ImportView", Map.of(
                        "batchId", "The batch's id, as the request gave it.",
                        "rows", "Per row, in the order of the rows, what was imported or refused and why."),
                "ImportedInvoice", Map.ofEntries(
                        Map.entry("externalRef", "The importer's reference of the row (at most 100 characters),"
                                + " repeated in the answer."),
                        Map.entry("clientId", "One of the tenant's clients; or describe the client in client."),
                        Map.entry("client", "The client described in full; reused when the tenant has a client with"
                                + " the same UIC."),
                        Map.entry("number", "Ten digits; absent: the next of the tenant's sequence."),
                        Map.entry("kind", "What the document is; absent: INVOICE."),
                        Map.entry("issueDate", "The date of issue."),
                        Map.entry("taxEventDate", "The date of the taxable event; absent: the issue date."),
                        Map.entry("dueDate", "When payment is due."),
                        Map.entry("currency", "ISO 4217 code; absent: EUR."),
                        Map.entry("paymentMethod", "How the client pays, as the invoice shows it."),
                        Map.entry("lines", "The invoice's lines, in order: at least one."),
                        Map.entry("notes", "A note printed on the invoice."),
                        Map.entry("send", "What the send after the import changes; absent: every default.")),
                "ImportedClient", Map.of(
                        "name", "The client's registered name, as invoices show it.",
                        "address", "Street address.",
                        "city", "City.",
                        "country", "Country.",
                        "uic", "The unified identification code (9 or 13 digits); required for a Bulgarian client.",
                        "vatNumber", "VAT number, if registered for VAT.",
                        "responsiblePerson", "The person responsible (МОЛ).",
                        "emails", "Where the client's invoices go: at least one address.",
                        "language", "The language of the client's e-mails and pages."),
                "ImportedLine", Map.of(
                        "description", "What is sold.",
                        "quantity", "How many units.",
                        "unit", "The unit.",
                        "unitPrice", "The price of one unit, before VAT.",
                        "vatRate", "The VAT rate in percent, e.g. 20.",
                        "vatExemptionReason", "The legal ground of a 0 % rate (required then)."),
                "SendOverrides", Map.of(
                        "recipients", "The addresses to send to instead of the client's.",
                        "subject", "The e-mail's subject instead of the template's.",
                        "message", "The e-mail's text instead of the template's.",
                        "language", "The e-mail's language instead of the client's."),
                "ImportRowResult", Map.of(
                        "row", "The row's index in the batch, from 0.",
                        "externalRef", "The importer's reference of the row, as it gave it.",
                        "status", "IMPORTED, ALREADY_IMPORTED (the ids of the first import) or REFUSED.",
                        "invoiceId", "The invoice imported (IMPORTED, ALREADY_IMPORTED).",
                        "sendId", "The send of the invoice, when it was sent after import.",
                        "errors", "Why the row was refused; empty otherwise.",
                        "client", "Which client the row used; null when the row was refused before a client was"
                                + " looked for."),
                "ImportRowError", Map.of(
                        "field", "The refused field, by its JSON path inside the row, e.g. lines[0].vatRate.",
                        "message", "Why it was refused, for a person to read."),
                "ClientUse", Map.of(
                        "clientId", "The client the row used.",
                        "resolution", "How the row came by it: CREATED, MATCHED, UPDATED or CONFLICT.",
                        "fields", "UPDATED: the fields replaced by the row's; CONFLICT: the fields that differ; else"
                                + " empty.")));
    }

    @Bean
    SchemaExamples importExamples() {
        return new SchemaExamples(Map.of(
                "ImportRequest", Map.of(
                        "batchId", "batch-2026-12-07-001",
                        "sendAfterImport", true,
                        "clientPolicy", "UPDATE"),
                "ImportView", Map.of(
                        "batchId", "batch-2026-12-07-001"),
                "ImportedInvoice", Map.ofEntries(
                        Map.entry("externalRef", "ext-1"),
                        Map.entry("clientId", "c2a9f0d4-8b1e-4f7c-a3d5-6e7f8a9b0c11"),
                        Map.entry("number", "0000000042"),
                        Map.entry("kind", "INVOICE"),
                        Map.entry("issueDate", "2026-11-28"),
                        Map.entry("taxEventDate", "2026-11-28"),
                        Map.entry("dueDate", "2026-12-08"),
                        Map.entry("currency", "EUR"),
                        Map.entry("paymentMethod", "Банков превод"),
                        Map.entry("notes", "Благодарим за доверието!")),
                "ImportedClient", Map.of(
                        "name", "Нов Клиент ООД",
                        "address", "ул. „Клиентска“ 7",
                        "city", "Варна",
                        "country", "България",
                        "uic", "203456789",
                        "vatNumber", "BG203456789",
                        "responsiblePerson", "Петя Иванова",
                        "emails", List.of("new@client.example"),
                        "language", "EN"),
                "ImportedLine", Map.of(
                        "description", "Поддръжка на уебсайт",
                        "quantity", new BigDecimal("1"),
                        "unit", "мес.",
                        "unitPrice", new BigDecimal("100.00"),
                        "vatRate", new BigDecimal("20"),
                        "vatExemptionReason", "чл. 113, ал. 9 ЗДДС"),
                "SendOverrides", Map.of(
                        "recipients", List.of("override@client.example"),
                        "subject", "Внесена фактура {invoiceNumber}",
                        "message", "Здравейте, {clientName}! Фактурата е тук: {link}",
                        "language", "EN"),
                "ImportRowResult", Map.of(
                        "row", 1,
                        "externalRef", "ext-1",
                        "status", "IMPORTED",
                        "invoiceId", "b7e4c1a2-5d3f-4e8a-9c6b-1a2d3e4f5a60",
                        "sendId", "e5d6c7b8-1a2b-4c3d-8e9f-0a1b2c3d4e52"),
                "ImportRowError", Map.of(
                        "field", "lines[0].vatRate",
                        "message", "must be 20, 9 or 0"),
                "ClientUse", Map.of(
                        "clientId", "c2a9f0d4-8b1e-4f7c-a3d5-6e7f8a9b0c11",
                        "resolution", "UPDATED",
                        "fields", List.of("emails"))));
    }
}

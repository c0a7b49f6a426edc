package com.invoicedelivery.invoice.invoicing.web;

import java.math.BigDecimal;
import java.util.Map;

import com.invoicedelivery.kit.openapi.SchemaDescriptions;
import com.invoicedelivery.kit.openapi.SchemaExamples;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the invoice's totals mean, for the OpenAPI document: they are domain records (no Swagger annotations). */
@Configuration(proxyBeanMethods = false)
class InvoicingSchemaDescriptions {

    @Bean
    SchemaDescriptions invoicingDescriptions() {
        return new SchemaDescriptions(Map.of(
                "Totals", Map.of(
                        "taxBase", "The sum of the lines' amounts before VAT.",
                        "vatAmount", "The VAT of all rates, each computed once on its rate's tax base.",
                        "total", "What the client pays: tax base plus VAT.",
                        "vat", "One group per VAT rate, highest rate first."),
                "VatGroup", Map.of(
                        "rate", "The VAT rate in percent.",
                        "taxBase", "The sum of the amounts of the lines at this rate.",
                        "vatAmount", "The VAT of this rate's tax base, rounded to cents.",
                        "exemptionReason", "The legal ground(s) of a 0 % rate; null otherwise.")));
    }

    /** The totals of the tests' one-line invoice (1 × 100.00 at 20 % VAT); the group of a line at 0 %. */
    @Bean
    SchemaExamples invoicingExamples() {
        return new SchemaExamples(Map.of(
                "Totals", Map.of(
                        "taxBase", new BigDecimal("100.00"),
                        "vatAmount", new BigDecimal("20.00"),
                        "total", new BigDecimal("120.00")),
                "VatGroup", Map.of(
                        "rate", new BigDecimal("0"),
                        "taxBase", new BigDecimal("100.00"),
                        "vatAmount", new BigDecimal("0.00"),
                        "exemptionReason", "чл. 113, ал. 9 ЗДДС")));
    }
}

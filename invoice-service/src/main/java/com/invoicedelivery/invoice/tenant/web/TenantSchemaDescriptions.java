package com.invoicedelivery.invoice.tenant.web;

import java.util.HashMap;
import java.util.Map;

import com.invoicedelivery.kit.openapi.SchemaDescriptions;
import com.invoicedelivery.kit.openapi.SchemaExamples;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each field of a tenant and its settings means, for the OpenAPI document: the request, the views and the
 * company share fields, and the bank account is a domain record (no Swagger annotations there). The examples are the
 * tenant the tests register ({@code Requests.tenant} in the tests).
 */
@Configuration(proxyBeanMethods = false)
class TenantSchemaDescriptions {

    @Bean
    SchemaDescriptions tenantDescriptions() {
        Map<String, String> tenant = new HashMap<>();
        tenant.put("name", "The tenant's name, as the platform shows it.");
        tenant.put("subdomain", "The tenant's own sub-domain, a lower-case DNS label unique across tenants; the"
                + " default sender address is invoices@<subdomain>.<platform domain>.");
        tenant.put("plan", "The tenant's plan: TRIAL or PAID.");
        tenant.put("company", "The tenant's company as its invoices show it (the issuer).");
        tenant.put("attachInvoices", "The setting \"Invoices as attached files\"; honoured on the PAID plan only.");

        Map<String, String> view = new HashMap<>(tenant);
        view.put("id", "The tenant id the identity provider puts in its users' tokens.");
        view.put("deliveryMode", "How the tenant's invoices travel now, given its setting and its plan.");

        Map<String, String> settings = new HashMap<>(tenant);
        settings.put("tenantId", "The tenant id the identity provider puts in its users' tokens.");
        settings.put("attachInvoices", "The setting as stored; a TRIAL tenant sends links whatever it says.");
        settings.put("linkValidityDays", "How many days the personal links of a send work; null: the platform's"
                + " default (180).");
        settings.put("clientPage", "What clients' link pages show besides the invoice; every part null until set.");

        return new SchemaDescriptions(Map.of(
                "TenantRequest", tenant,
                "TenantView", view,
                "SettingsView", settings,
                "CompanyBody", Map.of(
                        "name", "The company's registered name, as invoices show it.",
                        "address", "Street address.",
                        "city", "City.",
                        "country", "Country.",
                        "uic", "Unified identification code (ЕИК/БУЛСТАТ).",
                        "vatNumber", "VAT number, if registered for VAT.",
                        "responsiblePerson", "The person responsible (МОЛ).",
                        "email", "The company's e-mail address.",
                        "bank", "The account invoices ask clients to pay into."),
                "BankAccount", Map.of(
                        "bankName", "The bank's name.",
                        "iban", "The account's IBAN, without spaces, in capitals.",
                        "bic", "The bank's BIC (8 or 11 characters).")));
    }

    @Bean
    SchemaExamples tenantExamples() {
        Map<String, Object> tenant = new HashMap<>();
        tenant.put("name", "Акме ООД");
        tenant.put("subdomain", "acme");
        tenant.put("plan", "PAID");
        tenant.put("attachInvoices", false);

        Map<String, Object> view = new HashMap<>(tenant);
        view.put("id", "acme");
        view.put("deliveryMode", "LINK");

        Map<String, Object> settings = new HashMap<>(tenant);
        settings.put("tenantId", "acme");
        settings.put("linkValidityDays", 180);

        return new SchemaExamples(Map.of(
                "TenantRequest", tenant,
                "TenantView", view,
                "SettingsView", settings,
                "CompanyBody", Map.of(
                        "name", "Акме ООД",
                        "address", "ул. „Тестова“ 1",
                        "city", "София",
                        "country", "България",
                        "uic", "201234567",
                        "vatNumber", "BG201234567",
                        "responsiblePerson", "Тест Тестов",
                        "email", "office@acme.example"),
                "BankAccount", Map.of(
                        "bankName", "Тест Банк",
                        "iban", "BG80BNBG96611020345678",
                        "bic", "BNBGBGSD")));
    }
}

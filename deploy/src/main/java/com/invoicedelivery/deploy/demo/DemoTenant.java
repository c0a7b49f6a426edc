package com.invoicedelivery.deploy.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.deploy.infra.LocalIdentity;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.kit.security.Roles;
import tools.jackson.databind.JsonNode;

/**
 * The demo tenant of the local run: a Bulgarian company with clients in Bulgarian and English and invoices in
 * several statuses, created through the same REST API the web UI uses. Seeding runs once: a tenant that
 * already has clients is left as it is.
 */
public final class DemoTenant {

    public static final String TENANT_ID = "demo";
    /** The demo tenant's administrator: a client of the identity provider, and the token's subject. */
    public static final String ADMIN = "admin@demo";
    /** Operations staff of the local run: no tenant, role operations. */
    public static final String OPERATOR = "local-operator";
    /** The printed tokens are for a person trying the platform out for a day (the contract's longest, 12 h). */
    public static final Duration TOKEN_VALIDITY = Duration.ofHours(12);

    private final ApiClient operations;
    private final ApiClient tenant;

    /**
     * @param operationsToken an operations token ({@link #operationsToken}), to create the tenant
     * @param tenantToken     the tenant administrator's token ({@link #token}), to fill it
     */
    public DemoTenant(String apiUrl, String operationsToken, String tenantToken) {
        this.operations = new ApiClient(apiUrl, operationsToken);
        this.tenant = new ApiClient(apiUrl, tenantToken);
    }

    /**
     * A bearer token of the demo tenant's administrator (who is also a tenant user), from the identity provider
     * by the client-credentials grant.
     */
    public static String token(LocalIdentity identity) {
        return identity.tokenFor(ADMIN, TENANT_ID, List.of(Roles.TENANT_ADMIN), TOKEN_VALIDITY);
    }

    /**
     * A bearer token of operations (creates tenants, reads across them), from the identity provider. For all four
     * services, pdf-service included: operations scrape every service's /actuator/prometheus and replay every
     * service's dead letters (README "Operating it"); pdf-service's tenant API stays closed to it (no tenant role).
     */
    public static String operationsToken(LocalIdentity identity) {
        return identity.tokenFor(OPERATOR, null, List.of(Roles.OPERATIONS), TOKEN_VALIDITY,
                Arrays.stream(PlatformService.values()).map(PlatformService::module).toList());
    }

    /** Creates the demo data unless it is there; returns true when it created it. */
    public boolean seedIfAbsent() {
        operations.put("/api/operations/tenants/" + TENANT_ID, tenantProfile()).expect(200);
        JsonNode clients = tenant.get("/api/clients").expect(200);
        if (clients != null && clients.size() > 0) {
            return false;
        }
        String alfa = createClient("Алфа Трейд ООД", "бул. „Витоша“ 15", "София", "204567893", "BG204567893",
                "Иван Петров", List.of("accounting@alfa-trade.example"), "BG");
        String beta = createClient("Бета Консулт ЕАД", "ул. „Шипка“ 4", "Пловдив", "115678902", "BG115678902",
                "Мария Георгиева", List.of("finance@beta-consult.example", "director@beta-consult.example"), "BG");
        String gamma = createClient("Gamma Logistics Ltd", "12 Harbour Street", "Varna", "203987654", "BG203987654",
                "John Smith", List.of("ap@gamma-logistics.example"), "EN");

        issue(createInvoice(alfa, "Абонамент за счетоводен софтуер, ноември 2026", "1", "бр.", "120.00"));
        String consulting = createInvoice(beta, "Консултантски услуги", "12.5", "ч.", "80.00");
        issue(consulting);
        issue(createInvoice(gamma, "Freight forwarding Sofia – Hamburg", "1", "pcs", "1450.00"));
        createInvoice(alfa, "Внедряване на модул „Склад“ (чернова)", "3", "дни", "400.00");
        // one invoice already on its way, so the demo shows a send with its statuses
        tenant.post("/api/invoices/" + consulting + "/send", Map.of()).expect(202);
        return true;
    }

    private String createClient(String name, String address, String city, String uic, String vatNumber,
                                String responsiblePerson, List<String> emails, String language) {
        Map<String, Object> client = Map.of("name", name, "address", address, "city", city, "country", "България",
                "uic", uic, "vatNumber", vatNumber, "responsiblePerson", responsiblePerson,
                "emails", emails, "language", language);
        return tenant.post("/api/clients", client).expect(201).get("id").asText();
    }

    private String createInvoice(String clientId, String description, String quantity, String unit, String price) {
        LocalDate today = LocalDate.now();
        Map<String, Object> line = Map.of("description", description, "quantity", quantity, "unit", unit,
                "unitPrice", price, "vatRate", "20");
        Map<String, Object> invoice = Map.of("clientId", clientId, "kind", "INVOICE",
                "issueDate", today.toString(), "taxEventDate", today.toString(),
                "dueDate", today.plusDays(14).toString(), "currency", "EUR",
                "paymentMethod", "Банков превод", "lines", List.of(line));
        return tenant.post("/api/invoices", invoice).expect(201).get("id").asText();
    }

    private void issue(String invoiceId) {
        tenant.post("/api/invoices/" + invoiceId + "/issue", Map.of()).expect(200);
    }

    private static Map<String, Object> tenantProfile() {
        Map<String, Object> bank = Map.of("bankName", "Банка ДСК", "iban", "BG80BNBG96611020345678", "bic", "STSABGSF");
        Map<String, Object> company = Map.of("name", "Демо Софтуер ЕООД", "address", "ул. „Граф Игнатиев“ 1",
                "city", "София", "country", "България", "uic", "175074752", "vatNumber", "BG175074752",
                "responsiblePerson", "Георги Димитров", "email", "office@demo-soft.example", "bank", bank);
        return Map.of("name", "Демо Софтуер ЕООД", "subdomain", "demo", "plan", "PAID", "company", company);
    }
}

package com.invoicedelivery.deploy.e2e;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.demo.ApiClient;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.kit.security.Roles;
import tools.jackson.databind.JsonNode;

/** A tenant of the running platform as its users see it through invoice-service: create it, its clients, invoices. */
final class TenantFixture {

    private final LocalPlatform platform;
    private final String tenantId;
    private final ApiClient api;

    private TenantFixture(LocalPlatform platform, String tenantId, ApiClient api) {
        this.platform = platform;
        this.tenantId = tenantId;
        this.api = api;
    }

    /** Creates (or updates) a PAID tenant whose company address is {@code office@<tenantId>.example}. */
    static TenantFixture create(LocalPlatform platform, String tenantId, String name) {
        return create(platform, tenantId, name, "PAID", false);
    }

    static TenantFixture create(LocalPlatform platform, String tenantId, String name, String plan, boolean attach) {
        Map<String, Object> company = Map.of("name", name, "address", "ул. „Тестова“ 1", "city", "София",
                "country", "България", "uic", "201234567", "vatNumber", "BG201234567",
                "responsiblePerson", "Тест Тестов", "email", "office@" + tenantId + ".example",
                "bank", Map.of("bankName", "Тест Банк", "iban", "BG80BNBG96611020345678", "bic", "BNBGBGSD"));
        operations(platform).put("/api/operations/tenants/" + tenantId, Map.of("name", name, "subdomain", tenantId,
                "plan", plan, "attachInvoices", attach, "company", company)).expect(200);
        ApiClient api = new ApiClient(platform.gatewayUrl(), platform.identity().tokenFor(
                "user@" + tenantId, tenantId, List.of(Roles.TENANT_ADMIN)));
        return new TenantFixture(platform, tenantId, api);
    }

    static ApiClient operations(LocalPlatform platform) {
        return new ApiClient(platform.gatewayUrl(),
                platform.identity().tokenFor("e2e-operator", null, List.of(Roles.OPERATIONS)));
    }

    String tenantId() {
        return tenantId;
    }

    ApiClient api() {
        return api;
    }

    /** The same tenant's user, talking to another service of the platform (through the gateway, as the UI does). */
    ApiClient api(PlatformService service) {
        return new ApiClient(platform.gatewayUrl(), platform.identity().tokenFor(
                "user@" + tenantId, tenantId, List.of(Roles.TENANT_ADMIN)));
    }

    String createClient(String name, List<String> emails, String language) {
        Map<String, Object> client = Map.of("name", name, "address", "ул. „Клиентска“ 7", "city", "Варна",
                "country", "България", "uic", "103456789", "vatNumber", "BG103456789",
                "responsiblePerson", "Петя Иванова", "emails", emails, "language", language);
        return api.post("/api/clients", client).expect(201).get("id").asText();
    }

    /** A DRAFT invoice with one line at 20 % VAT. */
    JsonNode createInvoice(String clientId, String quantity, String unitPrice) {
        LocalDate today = LocalDate.now();
        Map<String, Object> line = Map.of("description", "Поддръжка на уебсайт", "quantity", quantity,
                "unit", "мес.", "unitPrice", unitPrice, "vatRate", "20");
        return api.post("/api/invoices", Map.of("clientId", clientId, "kind", "INVOICE",
                "issueDate", today.toString(), "taxEventDate", today.toString(),
                "dueDate", today.plusDays(10).toString(), "currency", "EUR", "paymentMethod", "Банков превод",
                "lines", List.of(line))).expect(201);
    }

    /** An ISSUED invoice with one line at 20 % VAT. */
    JsonNode issueInvoice(String clientId, String quantity, String unitPrice) {
        String id = createInvoice(clientId, quantity, unitPrice).get("id").asText();
        return api.post("/api/invoices/" + id + "/issue", Map.of()).expect(200);
    }
}

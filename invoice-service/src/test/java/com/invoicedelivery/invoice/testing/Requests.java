package com.invoicedelivery.invoice.testing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Request bodies as the web UI and the local run's demo seeding send them: Bulgarian data, Cyrillic intact. */
public final class Requests {

    public static final LocalDate ISSUE_DATE = LocalDate.of(2026, 11, 28);

    private Requests() {
    }

    public static Map<String, Object> tenant(String tenantId, String name, String plan, boolean attachInvoices) {
        Map<String, Object> bank = Map.of("bankName", "Тест Банк", "iban", "BG80BNBG96611020345678", "bic", "BNBGBGSD");
        Map<String, Object> company = Map.of("name", name, "address", "ул. „Тестова“ 1", "city", "София",
                "country", "България", "uic", "201234567", "vatNumber", "BG201234567",
                "responsiblePerson", "Тест Тестов", "email", "office@" + tenantId + ".example", "bank", bank);
        return Map.of("name", name, "subdomain", tenantId, "plan", plan, "company", company,
                "attachInvoices", attachInvoices);
    }

    public static Map<String, Object> client(String name, List<String> emails, String language) {
        return Map.of("name", name, "address", "ул. „Клиентска“ 7", "city", "Варна", "country", "България",
                "uic", "103456789", "vatNumber", "BG103456789", "responsiblePerson", "Петя Иванова",
                "emails", emails, "language", language);
    }

    /** One line at 20 % VAT, quantity and price as the UI sends them (strings). */
    public static Map<String, Object> invoice(String clientId, String quantity, String unitPrice) {
        return Map.of("clientId", clientId, "kind", "INVOICE", "issueDate", ISSUE_DATE.toString(),
                "taxEventDate", ISSUE_DATE.toString(), "dueDate", ISSUE_DATE.plusDays(10).toString(),
                "currency", "EUR", "paymentMethod", "Банков превод", "lines", List.of(line(quantity, unitPrice, "20")));
    }

    public static Map<String, Object> line(String quantity, String unitPrice, String vatRate) {
        return Map.of("description", "Поддръжка на уебсайт", "quantity", quantity, "unit", "мес.",
                "unitPrice", unitPrice, "vatRate", vatRate);
    }
}

package com.invoicedelivery.invoice.template.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceDraft;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceLine;
import com.invoicedelivery.invoice.shared.domain.PartyDetails;
import com.invoicedelivery.invoice.tenant.domain.Company;
import com.invoicedelivery.invoice.tenant.domain.Plan;
import com.invoicedelivery.invoice.tenant.domain.Tenant;

/** A tenant, its client and an issued invoice of 1 450.00 EUR (due 8 December 2026), for the template tests. */
final class TemplateFixtures {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private TemplateFixtures() {
    }

    static Tenant tenant() {
        return Tenant.registered("acme", "Акме ООД", "acme", Plan.PAID, new Company(new PartyDetails("Акме ООД",
                "ул. Витоша 1", "София", "България", "201234567", null, null), "office@acme.example", null), false);
    }

    static Client client() {
        return Client.create("c1", "acme", new PartyDetails("Бета ЕАД", "ул. Шипка 4", "Пловдив", "България", null,
                null, null), List.of("b@beta.example"), Language.BG, NOW);
    }

    static Invoice invoice(DocumentKind kind, LocalDate dueDate) {
        LocalDate day = LocalDate.of(2026, 11, 28);
        InvoiceDraft draft = new InvoiceDraft("c1", null, kind, day, day, dueDate, "EUR", null,
                List.of(new InvoiceLine(1, "Услуга", BigDecimal.ONE, null, new BigDecimal("1208.33"),
                        BigDecimal.valueOf(20), null)), null).validated();
        return Invoice.draft("i1", "acme", "0000000042", draft, NOW).issued(NOW);
    }
}

package com.invoicedelivery.invoice.send.domain;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
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
import com.invoicedelivery.invoice.template.domain.TemplateBook;
import com.invoicedelivery.invoice.tenant.domain.BankAccount;
import com.invoicedelivery.invoice.tenant.domain.Company;
import com.invoicedelivery.invoice.tenant.domain.Plan;
import com.invoicedelivery.invoice.tenant.domain.Tenant;
import com.invoicedelivery.kit.testing.TestLinkSeal;

/** A tenant, its client and an issued invoice of 2 × 100.50 at 20 %, for the send domain tests. */
final class SendFixtures {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final PersonalLinks LINKS = new PersonalLinks(new SecureRandom(), "https://links.example/", Duration.ofDays(180),
            content -> TestLinkSeal.sealer().seal(content.fields()));

    private SendFixtures() {
    }

    static Tenant tenant(Plan plan, boolean attachInvoices) {
        Company company = new Company(new PartyDetails("Акме ООД", "ул. Витоша 1", "София", "България", "201234567",
                "BG201234567", "Иван Петров"), "office@acme.example",
                new BankAccount("Банка ДСК", "BG80BNBG96611020345678", "STSABGSF"));
        Tenant registered = Tenant.registered("acme", "Акме", "acme", plan, company, false);
        // a Trial tenant with the setting on, as stored before operations were held to the plan's rule
        return new Tenant(registered.id(), registered.name(), registered.subdomain(), plan, registered.company(),
                attachInvoices, registered.linkValidityDays());
    }

    /** The e-mails of a tenant with the default templates. */
    static EmailComposer composer(Plan plan, boolean attachInvoices) {
        return new EmailComposer(tenant(plan, attachInvoices), new TemplateBook(List.of()));
    }

    /** The default e-mail of the invoice to the client, for a tenant on {@code plan}. */
    static InvoiceEmail email(Plan plan, boolean attachInvoices, Client client, DocumentKind kind) {
        return composer(plan, attachInvoices).compose(client, invoice(kind), SendOptions.defaults());
    }

    static Client client(Language language, String... emails) {
        return Client.create("client-1", "acme", new PartyDetails("Бета ЕАД", "ул. Шипка 4", "Пловдив", "България",
                "115678902", null, "Мария Георгиева"), List.of(emails), language, NOW);
    }

    static Invoice invoice(DocumentKind kind) {
        LocalDate day = LocalDate.of(2026, 11, 28);
        InvoiceLine line = new InvoiceLine(1, "Поддръжка", new BigDecimal("2"), "мес.", new BigDecimal("100.50"),
                new BigDecimal("20"), null);
        InvoiceDraft draft = new InvoiceDraft("client-1", null, kind, day, day, day.plusDays(10), "EUR",
                "Банков превод", List.of(line), "Благодарим!").validated();
        return Invoice.draft("inv-1", "acme", "0000000042", draft, NOW).issued(NOW);
    }
}

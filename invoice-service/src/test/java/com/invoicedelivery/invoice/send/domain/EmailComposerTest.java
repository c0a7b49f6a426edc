package com.invoicedelivery.invoice.send.domain;

import static com.invoicedelivery.invoice.send.domain.SendFixtures.client;
import static com.invoicedelivery.invoice.send.domain.SendFixtures.composer;
import static com.invoicedelivery.invoice.send.domain.SendFixtures.invoice;
import static com.invoicedelivery.invoice.send.domain.SendFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.shared.domain.PartyDetails;
import com.invoicedelivery.invoice.template.domain.MessageTemplate;
import com.invoicedelivery.invoice.template.domain.TemplateBook;
import com.invoicedelivery.invoice.template.domain.TenantTemplate;
import com.invoicedelivery.invoice.tenant.domain.Plan;
import org.junit.jupiter.api.Test;

class EmailComposerTest {

    @Test
    void byDefaultTheInvoiceGoesToTheClientsAddressesInItsLanguageWithTheTemplateAsALink() {
        InvoiceEmail email = composer(Plan.PAID, false).compose(client(Language.BG, "a@beta.example", "A@Beta.example",
                "b@beta.example"), invoice(DocumentKind.INVOICE), SendOptions.defaults());

        assertThat(email.recipients()).containsExactly("a@beta.example", "b@beta.example");
        assertThat(email.language()).isEqualTo(Language.BG);
        assertThat(email.mode()).isEqualTo(DeliveryMode.LINK);
        assertThat(email.subject()).isEqualTo("Документ № 0000000042 от Акме");
        assertThat(email.message()).contains("Акме ви изпраща документ № 0000000042 от 28.11.2026 на стойност"
                + " 241,20 EUR с падеж 08.12.2026.").contains("\n" + SendDetails.LINK_MARKER + "\n");
    }

    @Test
    void theTenantsOwnTemplateInTheChosenLanguageIsUsed() {
        TemplateBook book = new TemplateBook(List.of(new TenantTemplate(Language.EN,
                new MessageTemplate("Invoice {invoiceNumber}", "Dear {clientName}, {total}: {link}"), true)));

        InvoiceEmail email = new EmailComposer(tenant(Plan.PAID, false), book).compose(
                client(Language.BG, "a@beta.example"), invoice(DocumentKind.INVOICE),
                new SendOptions(null, null, null, Language.EN));

        assertThat(email.subject()).isEqualTo("Invoice 0000000042");
        assertThat(email.message()).isEqualTo("Dear Бета ЕАД, EUR 241.20: {link}");
    }

    @Test
    void theUsersChoicesWinOverTheDefaultsAndTheirPlaceholdersAreFilledToo() {
        SendOptions chosen = new SendOptions(List.of("x@y.example", "X@Y.example", "z@y.example"),
                "Моята тема {invoiceNumber}", "Моето писмо {link}", Language.EN).validated();

        InvoiceEmail email = composer(Plan.PAID, false).compose(client(Language.BG, "a@beta.example"),
                invoice(DocumentKind.CREDIT_NOTE), chosen);

        assertThat(email.recipients()).containsExactly("x@y.example", "z@y.example");
        assertThat(email.subject()).isEqualTo("Моята тема 0000000042");
        assertThat(email.message()).isEqualTo("Моето писмо {link}");
        assertThat(email.language()).isEqualTo(Language.EN);
    }

    @Test
    void aNameFilledIntoTheSubjectCannotBreakItIntoLines() {
        InvoiceEmail email = composer(Plan.PAID, false).compose(client(Language.BG, "a@beta.example"),
                invoice(DocumentKind.INVOICE), new SendOptions(null, "Фактура за {clientName}", null, null));
        InvoiceEmail injected = new EmailComposer(tenant(Plan.PAID, false), new TemplateBook(List.of())).compose(
                Client.create("c2", "acme",
                        new PartyDetails("Бета\r\nBcc: all@example.com",
                                "ул. 1", "Варна", "България", null, null, null), List.of("a@b.bg"), Language.BG,
                        SendFixtures.NOW),
                invoice(DocumentKind.INVOICE), new SendOptions(null, "Фактура за {clientName}", null, null));

        assertThat(email.subject()).isEqualTo("Фактура за Бета ЕАД");
        assertThat(injected.subject()).isEqualTo("Фактура за Бета  Bcc: all@example.com");
    }

    @Test
    void aPaidTenantThatAttachesInvoicesSaysSoWhereTheLinkWouldBe() {
        InvoiceEmail email = composer(Plan.PAID, true).compose(client(Language.EN, "a@beta.example"),
                invoice(DocumentKind.INVOICE), new SendOptions(null, null, "See below. {link}", null));

        assertThat(email.mode()).isEqualTo(DeliveryMode.ATTACHMENT);
        assertThat(email.message()).isEqualTo("See below. The invoice is attached to this e-mail as a PDF file.");
    }

    @Test
    void aTrialTenantSendsLinksWhateverItsSettingSays() {
        InvoiceEmail email = composer(Plan.TRIAL, true).compose(client(Language.EN, "a@beta.example"),
                invoice(DocumentKind.INVOICE), SendOptions.defaults());

        assertThat(email.mode()).isEqualTo(DeliveryMode.LINK);
        assertThat(email.message()).contains(SendDetails.LINK_MARKER);
    }
}

package com.invoicedelivery.invoice.template.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.SendDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DefaultTemplatesTest {

    @ParameterizedTest
    @EnumSource(Language.class)
    void eachLanguageHasOneDefaultThatPassesTheRulesTenantsTemplatesMustPass(Language language) {
        MessageTemplate template = DefaultTemplates.of(language);

        assertThat(MessageTemplate.validated(template.subject(), template.message())).isEqualTo(template);
        assertThat(template.message()).contains("\n" + SendDetails.LINK_MARKER + "\n");
        assertThat(template.subject()).contains("{invoiceNumber}").contains("{tenantName}");
        assertThat(template.message()).contains("{total}").contains("{issueDate}").contains("{dueDate}");
    }

    @Test
    void inLinkModeTheLinkStaysForEachRecipientsOwnLink() {
        MessageTemplate filled = DefaultTemplates.of(Language.BG).filledWith(MessageValues.of(Language.BG,
                DeliveryMode.LINK, TemplateFixtures.tenant(), TemplateFixtures.client(),
                TemplateFixtures.invoice(DocumentKind.INVOICE, LocalDate.of(2026, 12, 8))));

        assertThat(filled.subject()).isEqualTo("Документ № 0000000042 от Акме ООД");
        assertThat(filled.message()).contains("Акме ООД ви изпраща документ № 0000000042 от 28.11.2026 на стойност"
                + " 1\u00a0450,00 EUR с падеж 08.12.2026.").contains("\n{link}\n").doesNotContain("приложен");
    }

    @Test
    void inAttachmentModeTheLinkBecomesASentenceSayingTheDocumentIsAttached() {
        MessageTemplate filled = DefaultTemplates.of(Language.EN).filledWith(MessageValues.of(Language.EN,
                DeliveryMode.ATTACHMENT, TemplateFixtures.tenant(), TemplateFixtures.client(),
                TemplateFixtures.invoice(DocumentKind.CREDIT_NOTE, null)));

        assertThat(filled.subject()).isEqualTo("Document No. 0000000042 from Акме ООД");
        assertThat(filled.message()).contains("Акме ООД has sent you document No. 0000000042 of 28 November 2026 for"
                + " EUR 1,450.00, due on —.").contains("\nThe credit note is attached to this e-mail as a PDF file.\n")
                .doesNotContain("{");
    }

    @Test
    void aTenantsOwnTemplateReplacesTheDefaultOfItsLanguageOnly() {
        MessageTemplate own = new MessageTemplate("Фактура {invoiceNumber}", "Вижте: {link}");

        TemplateBook book = new TemplateBook(List.of(new TenantTemplate(Language.BG, own, true)));

        assertThat(book.of(Language.BG)).isEqualTo(own);
        assertThat(book.of(Language.EN)).isEqualTo(DefaultTemplates.of(Language.EN));
        assertThat(book.all()).extracting(TenantTemplate::language, TenantTemplate::custom)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Language.BG, true),
                        org.assertj.core.groups.Tuple.tuple(Language.EN, false));
    }
}

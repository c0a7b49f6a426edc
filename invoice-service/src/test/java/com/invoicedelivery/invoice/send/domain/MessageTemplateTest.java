package com.invoicedelivery.invoice.send.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.SendDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageTemplateTest {

    @Test
    void placeholdersAreFilledOnceAndTheLinkMarkerAndUnknownOnesStay() {
        MessageTemplate template = new MessageTemplate("{Document} {invoiceNumber}", "{tenantName}: {link} {unknown}");

        MessageTemplate filled = template.filledWith(Map.of("Document", "Фактура", "invoiceNumber", "0000000042",
                "tenantName", "$ {invoiceNumber} \\ Акме"));

        assertThat(filled.subject()).isEqualTo("Фактура 0000000042");
        assertThat(filled.body()).isEqualTo("$ {invoiceNumber} \\ Акме: {link} {unknown}");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theDefaultLinkMessagesShowWhereTheLinkGoesAndAttachmentMessagesHaveNoLink(Language language) {
        assertThat(DefaultTemplates.of(language, DeliveryMode.LINK).body()).contains(SendDetails.LINK_MARKER);
        assertThat(DefaultTemplates.of(language, DeliveryMode.ATTACHMENT).body()).doesNotContain(SendDetails.LINK_MARKER);
        assertThat(DefaultTemplates.of(language, DeliveryMode.LINK).subject()).contains("{invoiceNumber}")
                .contains("{tenantName}");
    }

    @Test
    void amountsAndDocumentNamesAreWrittenAsEachLanguageWritesThem() {
        assertThat(MessageValues.amount(Language.BG, new BigDecimal("1450.00"), "EUR")).isEqualTo("1\u00a0450,00 EUR");
        assertThat(MessageValues.amount(Language.EN, new BigDecimal("1450.00"), "EUR")).isEqualTo("EUR 1,450.00");
        assertThat(MessageValues.documentName(Language.BG, DocumentKind.CREDIT_NOTE)).isEqualTo("кредитно известие");
        assertThat(MessageValues.documentName(Language.EN, DocumentKind.DEBIT_NOTE)).isEqualTo("debit note");
    }
}

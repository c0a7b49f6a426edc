package com.invoicedelivery.invoice.template.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageValuesTest {

    @Test
    void amountsAndDatesAreWrittenAsEachLanguageWritesThem() {
        assertThat(MessageValues.amount(Language.BG, new BigDecimal("1450.00"), "EUR")).isEqualTo("1\u00a0450,00 EUR");
        assertThat(MessageValues.amount(Language.EN, new BigDecimal("1450.00"), "EUR")).isEqualTo("EUR 1,450.00");
        assertThat(MessageValues.date(Language.BG, LocalDate.of(2026, 12, 8))).isEqualTo("08.12.2026");
        assertThat(MessageValues.date(Language.EN, LocalDate.of(2026, 12, 8))).isEqualTo("8 December 2026");
        assertThat(MessageValues.date(Language.EN, null)).isEqualTo("—");
    }

    @Test
    void everyPlaceholderHasAValue() {
        Map<String, String> values = MessageValues.of(Language.BG, DeliveryMode.LINK, TemplateFixtures.tenant(),
                TemplateFixtures.client(), TemplateFixtures.invoice(DocumentKind.INVOICE, LocalDate.of(2026, 12, 8)));

        assertThat(values).containsOnlyKeys(Placeholders.ALL)
                .containsEntry("invoiceNumber", "0000000042")
                .containsEntry("tenantName", "Акме ООД")
                .containsEntry("clientName", "Бета ЕАД")
                .containsEntry("link", "{link}");
    }

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void theAttachedSentenceNamesTheKindOfDocumentInBothLanguages(DocumentKind kind) {
        assertThat(MessageValues.attached(Language.BG, kind)).contains("приложен").contains("PDF");
        assertThat(MessageValues.attached(Language.EN, kind)).contains("is attached").contains(
                kind.name().toLowerCase().replace('_', ' ').replace("proforma", "proforma invoice"));
    }
}

package com.invoicedelivery.pdf.rendering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void bothLanguagesHaveTheSameLabels() {
        assertThat(keys(new Locale("bg"))).isNotEmpty().isEqualTo(keys(Locale.ENGLISH));
    }

    @Test
    void everyDocumentKindHasATitleAndAFileWord() {
        for (Language language : Language.values()) {
            for (DocumentKind kind : DocumentKind.values()) {
                assertThat(Labels.of(language).title(kind)).isNotBlank();
                assertThat(Labels.of(language).fileWord(kind)).doesNotContain(" ", "/");
            }
        }
        assertThat(Labels.of(Language.BG).title(DocumentKind.DEBIT_NOTE)).isEqualTo("ДЕБИТНО ИЗВЕСТИЕ");
        assertThat(Labels.of(Language.EN).title(DocumentKind.PROFORMA)).isEqualTo("PROFORMA INVOICE");
    }

    @Test
    void anUnknownLabelIsNamed() {
        assertThatThrownBy(() -> Labels.of(Language.EN).get("nope")).hasMessageContaining("'nope'");
    }

    private static java.util.Set<String> keys(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(Labels.BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new java.util.TreeSet<>(Collections.list(bundle.getKeys()));
    }
}

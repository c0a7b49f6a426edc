package com.invoicedelivery.pdf.rendering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.language.DocumentNames;
import com.invoicedelivery.events.language.Texts;
import org.junit.jupiter.api.Test;

/**
 * A language added later prints every label from its own bundle. The made-up German ({@code labels_de}, each label
 * "[de] " and its key) and incomplete French ({@code labels_fr}) exist only in the tests' resources.
 */
class PdfLabelsThirdLanguageTest {

    private static final String CYRILLIC = ".*\\p{IsCyrillic}.*";

    @Test
    void aThirdLanguagePrintsEveryLabelFromItsOwnBundleAndNoneInBulgarian() {
        Texts bulgarian = Texts.load(Labels.BUNDLE, Language.BG);
        Labels german = new Labels(Texts.load(Labels.BUNDLE, Locale.GERMAN), DocumentNames.of(Locale.GERMAN));

        assertThat(Texts.load(Labels.BUNDLE, Locale.GERMAN).keys()).isEqualTo(bulgarian.keys());
        for (String key : bulgarian.keys()) {
            assertThat(german.get(key)).as(key).isEqualTo("[de] " + key);
        }
        assertThat(german.get("number")).isEqualTo("Nr.");
        for (DocumentKind kind : DocumentKind.values()) {
            assertThat(german.title(kind)).as(kind.name()).doesNotMatch(CYRILLIC);
            assertThat(german.fileWord(kind)).as(kind.name()).doesNotMatch(CYRILLIC);
        }
    }

    @Test
    void aLabelMissingFromALanguageIsAnErrorNotBulgarian() {
        Labels french = new Labels(Texts.load(Labels.BUNDLE, Locale.FRENCH), DocumentNames.of(Locale.GERMAN));

        assertThat(french.get("supplier")).isEqualTo("Fournisseur");
        assertThatThrownBy(() -> french.get("recipient")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'recipient'").hasMessageContaining("'fr'");
    }
}

package com.invoicedelivery.events.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import org.junit.jupiter.api.Test;

/**
 * A language added later gets its texts from its own bundle or not at all. German ({@code documents_de}) and an
 * incomplete French ({@code documents_fr}) exist only in the tests' resources.
 */
class ThirdLanguageTest {

    static final String CYRILLIC = ".*\\p{IsCyrillic}.*";

    @Test
    void aThirdLanguageGetsEveryTextFromItsOwnBundleAndNoneInBulgarian() {
        Texts bulgarian = Texts.load(DocumentNames.BUNDLE, Language.BG);
        Texts german = Texts.load(DocumentNames.BUNDLE, Locale.GERMAN);

        assertThat(german.locale()).isEqualTo(Locale.GERMAN);
        assertThat(german.keys()).isEqualTo(bulgarian.keys());
        for (String key : bulgarian.keys()) {
            assertThat(german.get(key)).as(key).isNotEqualTo(bulgarian.get(key)).doesNotMatch(CYRILLIC);
        }
        DocumentNames names = DocumentNames.of(Locale.GERMAN);
        assertThat(names.title(DocumentKind.CREDIT_NOTE, "0000000042")).isEqualTo("Gutschrift Nr. 0000000042");
        assertThat(names.heading(DocumentKind.PROFORMA)).isEqualTo("PROFORMA RECHNUNG");
        assertThat(names.fileWord(DocumentKind.PROFORMA)).isEqualTo("Proforma-Rechnung");
    }

    @Test
    void aTextMissingFromALanguageIsAnErrorThatNamesItNotBulgarian() {
        DocumentNames french = DocumentNames.of(Locale.FRENCH);

        assertThat(french.name(DocumentKind.INVOICE)).isEqualTo("Facture");
        assertThatThrownBy(() -> french.name(DocumentKind.CREDIT_NOTE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'kind.CREDIT_NOTE'").hasMessageContaining("'fr'");
        assertThatThrownBy(french::numberSign).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'number.sign'");
    }

    @Test
    void aLanguageWithoutItsBundleIsAnErrorNotTheMachinesLanguage() {
        Locale machine = Locale.getDefault();
        try {
            Locale.setDefault(Language.BG.locale());
            assertThatThrownBy(() -> Texts.load(DocumentNames.BUNDLE, Locale.ITALIAN))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("'it'")
                    .hasMessageContaining("documents_it.properties");
        } finally {
            Locale.setDefault(machine);
        }
    }

    @Test
    void noBundleHasABaseFileThatCouldAnswerForAMissingLanguage() {
        assertThatThrownBy(() -> Texts.load(DocumentNames.BUNDLE, Locale.ROOT))
                .isInstanceOf(IllegalStateException.class);
    }
}

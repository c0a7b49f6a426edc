package com.invoicedelivery.events.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DocumentNamesTest {

    @Test
    void theNameIsTheEmailsTheTitleItsCapitalsAndTheFileWordItsHyphenatedForm() {
        DocumentNames bulgarian = DocumentNames.of(Language.BG);
        assertThat(bulgarian.title(DocumentKind.INVOICE, "0000000042")).isEqualTo("Фактура № 0000000042");
        assertThat(bulgarian.heading(DocumentKind.DEBIT_NOTE)).isEqualTo("ДЕБИТНО ИЗВЕСТИЕ");
        assertThat(bulgarian.fileWord(DocumentKind.CREDIT_NOTE)).isEqualTo("Кредитно-известие");

        DocumentNames english = DocumentNames.of(Language.EN);
        assertThat(english.title(DocumentKind.CREDIT_NOTE, "0000000042")).isEqualTo("Credit note No. 0000000042");
        assertThat(english.heading(DocumentKind.PROFORMA)).isEqualTo("PROFORMA INVOICE");
        assertThat(english.fileWord(DocumentKind.PROFORMA)).isEqualTo("Proforma-invoice");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguageNamesEveryKindInItsOwnBundle(Language language) {
        DocumentNames names = DocumentNames.of(language);
        for (DocumentKind kind : DocumentKind.values()) {
            assertThat(names.name(kind)).isNotBlank();
        }
        assertThat(names.numberSign()).isNotBlank();
        assertThat(Texts.load(DocumentNames.BUNDLE, language).locale()).isEqualTo(language.locale());
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(Texts.load(DocumentNames.BUNDLE, Language.BG).keys()).isNotEmpty()
                .isEqualTo(Texts.load(DocumentNames.BUNDLE, Language.EN).keys());
    }
}

package com.invoicedelivery.invoice.template.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.language.Texts;
import org.junit.jupiter.api.Test;

/**
 * A language added later says "attached" from its own bundle. The made-up German ({@code message-values_de}, each
 * text "[de] " and its key) exists only in the tests' resources.
 */
class MessageValuesThirdLanguageTest {

    @Test
    void aThirdLanguageHasEveryTextInItsOwnBundleAndNoneInBulgarian() {
        Texts bulgarian = Texts.load(MessageValues.BUNDLE, Language.BG);
        Texts german = Texts.load(MessageValues.BUNDLE, Locale.GERMAN);

        assertThat(german.keys()).isEqualTo(bulgarian.keys());
        for (String key : bulgarian.keys()) {
            assertThat(german.get(key)).as(key).isEqualTo("[de] " + key);
        }
    }

    @Test
    void everyLanguageSaysEveryKindIsAttached() {
        assertThat(Texts.load(MessageValues.BUNDLE, Language.BG).keys()).isEqualTo(
                Texts.load(MessageValues.BUNDLE, Language.EN).keys());
        for (Language language : Language.values()) {
            for (DocumentKind kind : DocumentKind.values()) {
                assertThat(MessageValues.attached(language, kind)).isNotBlank();
            }
        }
    }
}

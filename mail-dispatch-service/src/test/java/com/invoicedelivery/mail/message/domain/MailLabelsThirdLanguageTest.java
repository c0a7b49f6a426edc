package com.invoicedelivery.mail.message.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.language.DocumentNames;
import com.invoicedelivery.events.language.Texts;
import org.junit.jupiter.api.Test;

/**
 * A language added later writes the e-mail's own words from its own bundle. The made-up German
 * ({@code mail-labels_de}, each label "[de] " and its key) exists only in the tests' resources.
 */
class MailLabelsThirdLanguageTest {

    @Test
    void aThirdLanguageWritesEveryLabelFromItsOwnBundleAndNoneInBulgarian() {
        Texts bulgarian = Texts.load(MailLabels.BUNDLE, Language.BG);
        Texts german = Texts.load(MailLabels.BUNDLE, Locale.GERMAN);
        MailLabels labels = new MailLabels(german, DocumentNames.of(Locale.GERMAN));

        assertThat(german.keys()).isEqualTo(bulgarian.keys());
        for (String key : bulgarian.keys()) {
            assertThat(german.get(key)).as(key).isEqualTo("[de] " + key);
        }
        assertThat(labels.openDocument()).isEqualTo("[de] openDocument");
        assertThat(labels.documentTitle(DocumentKind.DEBIT_NOTE, "0000000042")).isEqualTo("Lastschrift Nr. 0000000042");
        assertThat(labels.documentTitle(null, "0000000042")).isEqualTo("Rechnung Nr. 0000000042");
    }

    @Test
    void bothLanguagesHaveTheSameLabels() {
        assertThat(Texts.load(MailLabels.BUNDLE, Language.BG).keys()).isNotEmpty()
                .isEqualTo(Texts.load(MailLabels.BUNDLE, Language.EN).keys());
    }
}

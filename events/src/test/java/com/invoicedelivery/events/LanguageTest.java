package com.invoicedelivery.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void eachMakesOneValueForEveryLanguageAndTheTableCannotBeChangedAfterwards() {
        Map<Language, String> tags = Language.each(Language::tag);

        assertThat(tags).containsOnlyKeys(Language.values()).containsEntry(Language.BG, "bg")
                .containsEntry(Language.EN, "en");
        assertThatThrownBy(() -> tags.put(Language.BG, "de")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aLanguageWhoseValueCannotBeMadeFailsTheWholeTable() {
        assertThatThrownBy(() -> Language.each(language -> {
            if (language == Language.EN) {
                throw new IllegalStateException("no texts for " + language.tag());
            }
            return language.tag();
        })).isInstanceOf(IllegalStateException.class).hasMessage("no texts for en");
    }
}

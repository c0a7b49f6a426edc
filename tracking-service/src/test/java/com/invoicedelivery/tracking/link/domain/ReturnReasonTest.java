package com.invoicedelivery.tracking.link.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnReasonTest {

    @Test
    void theReasonIsTrimmed() {
        assertThat(ReturnReason.fromForm("  Грешна сума  \r\n").text()).isEqualTo("Грешна сума");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\r\n\t"})
    void aMissingReasonIsRefused(String raw) {
        assertThatThrownBy(() -> ReturnReason.fromForm(raw))
                .isInstanceOfSatisfying(InvalidReturnReasonException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidReturnReasonException.Problem.MISSING));
    }

    /** Zero-width and other format characters show nothing: a reason made of them is as empty as a blank one. */
    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u200C\u200D", "\u2060", "\uFEFF", " \u200B\n\u00A0\u200D\t\uFEFF "})
    void aReasonOfInvisibleCharactersOnlyIsRefusedAsMissing(String raw) {
        assertThatThrownBy(() -> ReturnReason.fromForm(raw))
                .isInstanceOfSatisfying(InvalidReturnReasonException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidReturnReasonException.Problem.MISSING));
    }

    @Test
    void aVisibleReasonAmongInvisibleCharactersIsKept() {
        assertThat(ReturnReason.fromForm("\u200BГрешна\u200D сума").text()).isEqualTo("\u200BГрешна\u200D сума");
    }

    @Test
    void upToTheLimitIsAccepted() {
        assertThat(ReturnReason.fromForm("я".repeat(ReturnReason.MAX_LENGTH)).text()).hasSize(1000);
    }

    @Test
    void overTheLimitIsRefused() {
        assertThatThrownBy(() -> ReturnReason.fromForm("я".repeat(ReturnReason.MAX_LENGTH + 1)))
                .isInstanceOfSatisfying(InvalidReturnReasonException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidReturnReasonException.Problem.TOO_LONG));
    }

    @Test
    void aBrowsersLineBreakCountsAsOneCharacterLikeInTheTextarea() {
        String typed = "a".repeat(499) + "\r\n" + "b".repeat(500);

        ReturnReason reason = ReturnReason.fromForm(typed);

        assertThat(reason.text()).hasSize(1000).contains("\n").doesNotContain("\r");
    }
}

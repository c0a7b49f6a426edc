package com.invoicedelivery.invoice.send.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Collections;
import java.util.List;

import com.invoicedelivery.invoice.shared.domain.LimitExceededException;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import com.invoicedelivery.invoice.shared.domain.Violations;
import org.junit.jupiter.api.Test;

class SendOptionsTest {

    @Test
    void eachBadAddressIsNamedByItsPosition() {
        assertThat(fields(new SendOptions(List.of("ok@e.bg", "not-an-address", " also@ok.bg ", "x@"), null, null, null)))
                .containsExactly("recipients[1]", "recipients[3]");
    }

    @Test
    void theAddressesAreOneToTwenty() {
        assertThat(fields(new SendOptions(List.of(), null, null, null))).containsExactly("recipients");
        assertThat(fields(new SendOptions(Collections.nCopies(21, "a@b.bg"), null, null, null))).containsExactly("recipients");
    }

    @Test
    void theSubjectIsOneLineAndTheTextsHaveLimits() {
        assertThat(fields(new SendOptions(null, "Фактура\r\nBcc: x@y.bg", null, null))).containsExactly("subject");
        assertThat(fields(new SendOptions(null, "a".repeat(251), "b".repeat(10_001), null)))
                .containsExactly("subject", "message");
    }

    @Test
    void aSubjectWithABidirectionalOverrideIsRefused() {
        assertThat(fields(new SendOptions(null, "Фактура \u202Efdp.exe", null, null))).containsExactly("subject");
    }

    @Test
    void theLimitsAreNamedWithTheirValue() {
        LimitExceededException tooMany = catchThrowableOfType(LimitExceededException.class,
                new SendOptions(Collections.nCopies(21, "a@b.bg"), null, null, null)::validated);
        LimitExceededException tooLong = catchThrowableOfType(LimitExceededException.class,
                new SendOptions(null, null, "b".repeat(10_001), null)::validated);

        assertThat(tooMany.limit()).isEqualTo(SendOptions.MAX_RECIPIENTS);
        assertThat(tooMany.violations()).extracting(RuleViolation::field).containsExactly("recipients");
        assertThat(tooLong.limit()).isEqualTo(10_000);
    }

    @Test
    void editedTextsMayUseTheTemplatePlaceholdersOnly() {
        assertThat(fields(new SendOptions(null, "Фактура {number}", "Вижте {link} {Document}", null)))
                .containsExactly("subject", "message");
    }

    @Test
    void blankTextsTakeTheDefaultsAndAddressesAreTrimmedAndKeptOncePerMailbox() {
        SendOptions options = new SendOptions(List.of(" a@b.bg ", "A@B.bg", "c@d.bg"), "  ", "", null).validated();

        assertThat(options.subject()).isNull();
        assertThat(options.message()).isNull();
        assertThat(options.recipientsOr(List.of("default@x.bg"))).containsExactly("a@b.bg", "c@d.bg");
        assertThat(SendOptions.defaults().recipientsOr(List.of("default@x.bg", "DEFAULT@x.bg"))).containsExactly("default@x.bg");
    }

    @Test
    void inABatchTheFieldsAreNamedInsideTheirItem() {
        Violations violations = new Violations();
        new SendOptions(List.of("bad"), null, null, null).validate(violations.element("items", 3));

        assertThat(violations.list()).extracting(RuleViolation::field).containsExactly("items[3].recipients[0]");
    }

    private static List<String> fields(SendOptions options) {
        return catchThrowableOfType(RuleViolationException.class, options::validated).violations().stream()
                .map(RuleViolation::field).toList();
    }
}

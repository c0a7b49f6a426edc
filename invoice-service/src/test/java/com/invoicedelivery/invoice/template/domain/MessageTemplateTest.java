package com.invoicedelivery.invoice.template.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import com.invoicedelivery.invoice.shared.domain.LimitExceededException;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    @Test
    void aTemplateHasASubjectAndAMessageTrimmed() {
        MessageTemplate template = MessageTemplate.validated(" Фактура {invoiceNumber} ", "\nВижте: {link}\n");

        assertThat(template).isEqualTo(new MessageTemplate("Фактура {invoiceNumber}", "Вижте: {link}"));
        assertThat(fields(null, " ")).containsExactly("subject", "message");
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingTheFieldAndThePlaceholder() {
        RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
                () -> MessageTemplate.validated("{Document} № {invoiceNumber}", "Сума: {amount}"));

        assertThat(refused.violations()).extracting(RuleViolation::field).containsExactly("subject", "message");
        assertThat(refused.violations().get(0).message()).contains("{Document}");
        assertThat(refused.violations().get(1).message()).contains("{amount}");
    }

    @Test
    void theSubjectIsOneLineAndTheMessageHoldsNoControlCharactersButLineBreaks() {
        assertThat(fields("Фактура\r\nBcc: all@example.com", "Ред 1\r\nРед 2\tс табулация")).containsExactly("subject");
        assertThat(fields("Фактура", "Звън\u0007")).containsExactly("message");
    }

    @Test
    void theSubjectAndMessageLimitsAreNamedWithTheirValue() {
        LimitExceededException subject = catchThrowableOfType(LimitExceededException.class,
                () -> MessageTemplate.validated("a".repeat(MessageTemplate.MAX_SUBJECT + 1), "b"));
        LimitExceededException message = catchThrowableOfType(LimitExceededException.class,
                () -> MessageTemplate.validated("a", "b".repeat(MessageTemplate.MAX_MESSAGE + 1)));

        assertThat(subject.limit()).isEqualTo(250);
        assertThat(subject.exceeded().field()).isEqualTo("subject");
        assertThat(message.limit()).isEqualTo(10_000);
        assertThat(message.exceeded().field()).isEqualTo("message");
        assertThat(MessageTemplate.validated("a".repeat(250), "b".repeat(10_000)).subject()).hasSize(250);
    }

    private static List<String> fields(String subject, String message) {
        return catchThrowableOfType(RuleViolationException.class, () -> MessageTemplate.validated(subject, message))
                .violations().stream().map(RuleViolation::field).toList();
    }
}

package com.invoicedelivery.invoice.template.domain;

import java.util.Map;

import com.invoicedelivery.invoice.shared.domain.Texts;
import com.invoicedelivery.invoice.shared.domain.Violations;

/**
 * An e-mail's subject and plain-text message with {@link Placeholders}. The same rules hold for a tenant's template
 * and for the texts a user edits in the send preview.
 */
public record MessageTemplate(String subject, String message) {

    public static final int MAX_SUBJECT = 250;
    public static final int MAX_MESSAGE = 10_000;

    /**
     * A template as a tenant saves it: both texts required, trimmed.
     *
     * @throws com.invoicedelivery.invoice.shared.domain.RuleViolationException naming {@code subject} or {@code message}
     */
    public static MessageTemplate validated(String subject, String message) {
        Violations violations = new Violations();
        if (violations.check(!Texts.isBlank(subject), "subject", "is required")) {
            validateSubject(subject, violations);
        }
        if (violations.check(!Texts.isBlank(message), "message", "is required")) {
            validateMessage(message, violations);
        }
        violations.throwIfAny();
        return new MessageTemplate(subject.strip(), message.strip());
    }

    /** A subject, when given: one line, at most {@value #MAX_SUBJECT} characters, known placeholders only. */
    public static void validateSubject(String subject, Violations violations) {
        if (subject != null && violations.optionalText(subject, "subject", MAX_SUBJECT)) {
            violations.check(!Texts.hasControlCharacters(subject), "subject", "must be a single line");
            violations.displayable(subject, "subject");
            Placeholders.check(subject, "subject", violations);
        }
    }

    /** A message, when given: at most {@value #MAX_MESSAGE} characters of text, known placeholders only. */
    public static void validateMessage(String message, Violations violations) {
        if (message != null && violations.optionalText(message, "message", MAX_MESSAGE)) {
            violations.check(!Texts.hasControlCharactersBesidesLineBreaks(message), "message",
                    "must not contain control characters other than line breaks and tabs");
            Placeholders.check(message, "message", violations);
        }
    }

    public MessageTemplate filledWith(Map<String, String> values) {
        return new MessageTemplate(Placeholders.fill(subject, values), Placeholders.fill(message, values));
    }
}

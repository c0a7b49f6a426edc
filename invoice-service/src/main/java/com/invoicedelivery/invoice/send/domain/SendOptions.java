package com.invoicedelivery.invoice.send.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.shared.domain.EmailAddress;
import com.invoicedelivery.invoice.shared.domain.Texts;
import com.invoicedelivery.invoice.shared.domain.Violations;
import com.invoicedelivery.invoice.template.domain.MessageTemplate;

/**
 * What the user chose for one invoice's e-mail in the send preview; whatever is left out takes the default.
 *
 * @param recipients the addresses; null for the client's addresses
 * @param subject    the final subject; null (or blank) for the template's. May use the template placeholders
 * @param message    the final plain-text message; null (or blank) for the template's. In link mode
 *                   {@value com.invoicedelivery.events.SendDetails#LINK_MARKER} marks where each recipient's
 *                   personal link goes
 * @param language   null for the client's language
 */
public record SendOptions(List<String> recipients, String subject, String message, Language language) {

    public static final int MAX_RECIPIENTS = 20;

    /** Everything by default. */
    public static SendOptions defaults() {
        return new SendOptions(null, null, null, null);
    }

    /**
     * The options with blank texts left out and the addresses trimmed.
     *
     * @throws com.invoicedelivery.invoice.shared.domain.RuleViolationException naming every field that breaks a rule
     */
    public SendOptions validated() {
        Violations violations = new Violations();
        validate(violations);
        violations.throwIfAny();
        return normalized();
    }

    /** Checks every rule; the field names are relative to {@code violations}, so a batch can nest them. */
    public void validate(Violations violations) {
        if (recipients != null) {
            validateRecipients(violations);
        }
        MessageTemplate.validateSubject(subject, violations);
        MessageTemplate.validateMessage(message, violations);
    }

    /** The options as validated: blank texts left out, addresses trimmed. Call after {@link #validate}. */
    public SendOptions normalized() {
        return new SendOptions(recipients == null ? null : recipients.stream().map(String::strip).toList(),
                Texts.clean(subject), Texts.clean(message), language);
    }

    private void validateRecipients(Violations violations) {
        if (!violations.check(!recipients.isEmpty(), "recipients", "must name at least one address")
                || !violations.withinLimit(recipients.size(), MAX_RECIPIENTS, "recipients",
                        "must name at most " + MAX_RECIPIENTS + " addresses")) {
            return;
        }
        for (int index = 0; index < recipients.size(); index++) {
            String address = recipients.get(index);
            violations.check(EmailAddress.isValid(address == null ? null : address.strip()),
                    "recipients[" + index + "]", "is not an e-mail address");
        }
    }

    /** The chosen addresses, or else {@code defaults}; an address repeated in another letter case goes once. */
    public List<String> recipientsOr(List<String> defaults) {
        Map<String, String> distinct = new LinkedHashMap<>();
        (recipients == null ? defaults : recipients).stream().map(String::strip).map(EmailAddress::canonical)
                .forEach(address -> distinct.putIfAbsent(EmailAddress.comparable(address), address));
        return new ArrayList<>(distinct.values());
    }

    /** Adds what these options ask for to a request's fingerprint. */
    public RequestFingerprint addTo(RequestFingerprint fingerprint) {
        return fingerprint.add(recipients).add(subject).add(message).add(language == null ? null : language.name());
    }
}

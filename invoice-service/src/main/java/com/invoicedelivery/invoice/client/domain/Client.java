package com.invoicedelivery.invoice.client.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.shared.domain.EmailAddress;
import com.invoicedelivery.invoice.shared.domain.PartyDetails;
import com.invoicedelivery.invoice.shared.domain.Violations;

/**
 * A company (or person) a tenant invoices.
 *
 * @param emails   where its invoices go by default: 1 to {@value #MAX_EMAILS} distinct addresses
 * @param language the language of its e-mails and of its invoice page
 */
public record Client(String id, String tenantId, PartyDetails details, List<String> emails, Language language,
                     Instant createdAt) {

    public static final int MAX_EMAILS = 10;

    public Client {
        emails = List.copyOf(emails);
    }

    /**
     * A new client. Addresses that differ only in letter case count once.
     *
     * @throws com.invoicedelivery.invoice.shared.domain.RuleViolationException naming every field that breaks a rule
     */
    public static Client create(String id, String tenantId, PartyDetails details, List<String> emails,
                                Language language, Instant createdAt) {
        Violations violations = new Violations();
        validate(details, emails, language, violations);
        violations.throwIfAny();
        return new Client(id, tenantId, details.cleaned(), distinct(emails), language, createdAt);
    }

    /**
     * The fields in which {@code other} (a client described anew, {@link #create}d) differs from this one, in the
     * order of the description: the party details by name, {@code emails} (compared as sets, letter case aside) and
     * {@code language}. Empty when they describe the same client.
     */
    public List<String> differences(Client other) {
        List<String> fields = new ArrayList<>();
        PartyDetails mine = details;
        PartyDetails theirs = other.details();
        addIf(fields, "name", mine.name(), theirs.name());
        addIf(fields, "address", mine.address(), theirs.address());
        addIf(fields, "city", mine.city(), theirs.city());
        addIf(fields, "country", mine.country(), theirs.country());
        addIf(fields, "uic", mine.uic(), theirs.uic());
        addIf(fields, "vatNumber", mine.vatNumber(), theirs.vatNumber());
        addIf(fields, "responsiblePerson", mine.responsiblePerson(), theirs.responsiblePerson());
        addIf(fields, "emails", comparable(emails), comparable(other.emails()));
        addIf(fields, "language", language, other.language());
        return fields;
    }

    /** This client (same id, tenant and creation time) with {@code other}'s description. */
    public Client describedAs(Client other) {
        return new Client(id, tenantId, other.details(), other.emails(), other.language(), createdAt);
    }

    private static void addIf(List<String> fields, String field, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            fields.add(field);
        }
    }

    private static Set<String> comparable(List<String> emails) {
        return emails.stream().map(EmailAddress::comparable).collect(Collectors.toSet());
    }

    /** Checks a client's description; the field names are relative to {@code violations}, so an import can nest them. */
    public static void validate(PartyDetails details, List<String> emails, Language language, Violations violations) {
        PartyDetails cleaned = details == null ? null : details.cleaned();
        if (violations.requirePresent(cleaned, "name")) {
            cleaned.validate(violations, false);
        }
        validateEmails(emails, violations);
        violations.requirePresent(language, "language");
    }

    private static void validateEmails(List<String> emails, Violations violations) {
        if (!violations.check(emails != null && !emails.isEmpty(), "emails", "must list at least one address")
                || !violations.withinLimit(emails.size(), MAX_EMAILS, "emails",
                        "must list at most " + MAX_EMAILS + " addresses")) {
            return;
        }
        for (int index = 0; index < emails.size(); index++) {
            String email = emails.get(index);
            violations.check(EmailAddress.isValid(email == null ? null : email.strip()), "emails[" + index + "]",
                    "is not an e-mail address");
        }
    }

    private static List<String> distinct(List<String> emails) {
        Map<String, String> byComparable = new LinkedHashMap<>();
        emails.stream().map(String::strip).map(EmailAddress::canonical)
                .forEach(email -> byComparable.putIfAbsent(EmailAddress.comparable(email), email));
        return new ArrayList<>(byComparable.values());
    }
}

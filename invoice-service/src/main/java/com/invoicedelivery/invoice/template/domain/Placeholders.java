package com.invoicedelivery.invoice.template.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.invoice.shared.domain.Violations;

/**
 * The placeholders an e-mail's subject and message may use. Anything else written like one ({@code {total2}}) is
 * refused, so a typo is a validation error instead of a silent blank in the client's e-mail.
 */
public final class Placeholders {

    public static final String INVOICE_NUMBER = "invoiceNumber";
    public static final String ISSUE_DATE = "issueDate";
    public static final String DUE_DATE = "dueDate";
    /** The amount and currency, written as the language writes them. */
    public static final String TOTAL = "total";
    public static final String TENANT_NAME = "tenantName";
    public static final String CLIENT_NAME = "clientName";
    /** Where the personal link goes; in attachment mode a sentence saying the document is attached. */
    public static final String LINK = "link";

    public static final List<String> ALL = List.of(INVOICE_NUMBER, ISSUE_DATE, DUE_DATE, TOTAL, TENANT_NAME,
            CLIENT_NAME, LINK);

    /** What a user could mean as a placeholder: a name in braces. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

    static {
        if (!SendDetails.LINK_MARKER.equals("{" + LINK + "}")) {
            throw new IllegalStateException("the link placeholder must be the marker mail-dispatch replaces");
        }
    }

    private Placeholders() {
    }

    /** The placeholders of {@code text} that are not ones of {@link #ALL}, each once, in the order they appear. */
    public static List<String> unknownIn(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
        while (matcher.find()) {
            if (!ALL.contains(matcher.group(1))) {
                unknown.add(matcher.group());
            }
        }
        return new ArrayList<>(unknown);
    }

    /** Adds a violation of {@code field} naming every unknown placeholder of {@code text}. */
    public static void check(String text, String field, Violations violations) {
        List<String> unknown = unknownIn(text);
        violations.check(unknown.isEmpty(), field, (unknown.size() == 1 ? "uses the unknown placeholder "
                : "uses the unknown placeholders ") + String.join(", ", unknown) + "; the placeholders are "
                + ALL.stream().map(name -> "{" + name + "}").collect(Collectors.joining(", ")));
    }

    /**
     * {@code text} with each placeholder replaced by its value, in one pass: a value that itself looks like a
     * placeholder (a client named "{total}") stays as it is. A placeholder without a value stays too.
     */
    public static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), matcher.group());
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}

package com.invoicedelivery.invoice.send.domain;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An e-mail's subject and plain-text message with placeholders such as {@code {invoiceNumber}}.
 * Filling it in keeps {@value com.invoicedelivery.events.SendDetails#LINK_MARKER}, which mail-dispatch replaces
 * with each recipient's own link, and leaves unknown placeholders as they are.
 */
public record MessageTemplate(String subject, String body) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    public MessageTemplate filledWith(Map<String, String> values) {
        return new MessageTemplate(fill(subject, values), fill(body, values));
    }

    /** One pass over the text, so a value that itself looks like a placeholder stays as it is. */
    private static String fill(String text, Map<String, String> values) {
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

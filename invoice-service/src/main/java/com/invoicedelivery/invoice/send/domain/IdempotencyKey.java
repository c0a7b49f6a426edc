package com.invoicedelivery.invoice.send.domain;

import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import com.invoicedelivery.invoice.shared.domain.Texts;

/** The {@value #HEADER} request header: the client's name for one request, so that repeating it does nothing new. */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;

    private IdempotencyKey() {
    }

    /**
     * The key as given; null when the request has none.
     *
     * @throws RuleViolationException naming the header when it is blank, too long or not printable text
     */
    public static String validated(String key) {
        if (key == null) {
            return null;
        }
        if (Texts.isBlank(key) || key.length() > MAX_LENGTH || Texts.hasControlCharacters(key)) {
            throw new RuleViolationException(HEADER, "must be 1 to " + MAX_LENGTH + " printable characters");
        }
        return key;
    }
}

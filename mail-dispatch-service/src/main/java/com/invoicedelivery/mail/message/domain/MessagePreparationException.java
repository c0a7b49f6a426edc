package com.invoicedelivery.mail.message.domain;

/**
 * The e-mail could not be prepared. A temporary problem (pdf-service unreachable) is worth another attempt
 * later; a permanent one (no personal link, a document that does not match its hash) is not.
 * The message is readable by a person: it becomes the delivery's failure reason.
 */
public class MessagePreparationException extends RuntimeException {

    private final boolean temporary;

    private MessagePreparationException(String message, boolean temporary, Throwable cause) {
        super(message, cause);
        this.temporary = temporary;
    }

    public static MessagePreparationException temporary(String reason, Throwable cause) {
        return new MessagePreparationException(reason, true, cause);
    }

    public static MessagePreparationException permanent(String reason) {
        return new MessagePreparationException(reason, false, null);
    }

    public static MessagePreparationException permanent(String reason, Throwable cause) {
        return new MessagePreparationException(reason, false, cause);
    }

    public boolean isTemporary() {
        return temporary;
    }
}

package com.invoicedelivery.events;

/** What happened to one e-mail to one recipient. */
@Description("What happened to one e-mail to one recipient.")
public enum DeliveryStatus {
    /** The server accepted the message (2xx after DATA). */
    @Description("The server accepted the message (2xx after DATA).")
    SENT,
    /** A temporary failure; another attempt is scheduled. */
    @Description("A temporary failure; another attempt is scheduled.")
    DEFERRED,
    /** A permanent failure, or temporary failures for longer than the retry window. */
    @Description("A permanent failure, or temporary failures for longer than the retry window.")
    FAILED,
    /**
     * The process died between the end of DATA and the server's reply: the message may or may not have
     * been delivered. It is resent once with the same Message-ID and shown to operators.
     */
    @Description("The outcome is unknown (the process died before the server's reply): resent once with the same "
            + "Message-ID.")
    OUTCOME_UNKNOWN
}

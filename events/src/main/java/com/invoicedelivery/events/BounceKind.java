package com.invoicedelivery.events;

/** What a report that came back about a sent e-mail says. */
@Description("What a report that came back about a sent e-mail says.")
public enum BounceKind {
    /** A permanent failure after the server took the message (a DSN with action {@code failed}, status 5.x.x). */
    @Description("A permanent failure after the server took the message: the recipient is BOUNCED.")
    HARD,
    /** A temporary trouble after acceptance (action {@code delayed}, status 4.x.x, or a full mailbox): still trying. */
    @Description("A temporary trouble after acceptance (status 4.x.x, a full mailbox): noted only.")
    SOFT,
    /** The recipient reported the e-mail as unwanted (an ARF feedback report, RFC 5965). */
    @Description("The recipient reported the e-mail as unwanted (RFC 5965).")
    COMPLAINT
}

package com.invoicedelivery.mail.smtp.domain;

import java.util.Set;

/**
 * What an SMTP server said to one message: the reply code and text of the last command, or, when there was no
 * reply to judge by (could not connect, timed out, connection dropped), what went wrong instead.
 *
 * @param replyCode 0 when there was no reply
 * @param reply     the server's reply, e.g. {@code 250 2.0.0 Ok: queued as 4F2C1}; null without one
 * @param problem   why there was no reply; for a reply, an optional note on it (e.g. that it was remembered from
 *                  an earlier attempt and the server was not asked again); null otherwise
 * @param hostRefused the server is somewhere the platform may not connect (the host policy): nothing was tried,
 *                    and the same settings will be refused again
 * @param noSlot      the server has as many connections from the platform (all replicas) as it may have: nothing
 *                    was tried, and the message goes back to the queue without counting an attempt
 */
public record SmtpOutcome(int replyCode, String reply, String problem, boolean hostRefused, boolean noSlot) {

    public SmtpOutcome(int replyCode, String reply, String problem) {
        this(replyCode, reply, problem, false, false);
    }

    /**
     * Replies that refuse the login itself (RFC 4954): 530 authentication required, 534 mechanism too weak, 535
     * credentials invalid, 538 encryption required for the mechanism. Every further attempt with the same settings
     * gets the same answer.
     */
    private static final Set<Integer> LOGIN_REFUSALS = Set.of(530, 534, 535, 538);

    public static SmtpOutcome replied(int replyCode, String reply) {
        return new SmtpOutcome(replyCode, reply == null ? String.valueOf(replyCode) : reply.strip(), null);
    }

    public static SmtpOutcome noReply(String problem) {
        return new SmtpOutcome(0, null, problem);
    }

    /** The host policy refused the server: no connection was made. */
    public static SmtpOutcome hostRefused(String reason) {
        return new SmtpOutcome(0, null, reason, true, false);
    }

    /** No connection slot was free for the server (or the slots could not be checked): no connection was made. */
    public static SmtpOutcome noSlot(String reason) {
        return new SmtpOutcome(0, null, reason, false, true);
    }

    /** The same reply again, with a note saying why the server was not asked this time. */
    public SmtpOutcome remembered(String note) {
        return new SmtpOutcome(replyCode, reply, note, hostRefused, noSlot);
    }

    /** 2xx: the server took responsibility for the message. */
    public boolean accepted() {
        return replyCode >= 200 && replyCode < 300;
    }

    /** 5xx: the server refused the message for good; the same message will be refused again. */
    public boolean refusedPermanently() {
        return replyCode >= 500 && replyCode < 600;
    }

    /** The server refused the user name and password (or the way of logging in) before any message. */
    public boolean loginRefused() {
        return LOGIN_REFUSALS.contains(replyCode);
    }

    /** 535 in particular: the user name or the password is wrong. */
    public boolean credentialsRefused() {
        return replyCode == 535;
    }
}

package com.invoicedelivery.mail.smtp.domain;

/**
 * What an SMTP server said to one message: the reply code and text of the last command, or, when there was no
 * reply to judge by (could not connect, timed out, connection dropped), what went wrong instead.
 *
 * @param replyCode 0 when there was no reply
 * @param reply     the server's reply, e.g. {@code 250 2.0.0 Ok: queued as 4F2C1}; null without one
 * @param problem   why there was no reply; null when there was one
 */
public record SmtpOutcome(int replyCode, String reply, String problem) {

    public static SmtpOutcome replied(int replyCode, String reply) {
        return new SmtpOutcome(replyCode, reply == null ? String.valueOf(replyCode) : reply.strip(), null);
    }

    public static SmtpOutcome noReply(String problem) {
        return new SmtpOutcome(0, null, problem);
    }

    /** 2xx: the server took responsibility for the message. */
    public boolean accepted() {
        return replyCode >= 200 && replyCode < 300;
    }

    /** 5xx: the server refused the message for good; the same message will be refused again. */
    public boolean refusedPermanently() {
        return replyCode >= 500 && replyCode < 600;
    }
}

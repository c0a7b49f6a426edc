package com.invoicedelivery.mail.dispatch.domain;

import com.invoicedelivery.mail.smtp.domain.SmtpOutcome;

/**
 * How one attempt ended, judged for what comes next.
 *
 * @param reply  the server's reply, when there was one
 * @param reason readable by a person (failures only)
 */
public record AttemptOutcome(Kind kind, String reply, String reason) {

    public enum Kind {
        DELIVERED,
        /** Another attempt later may succeed: 4xx, timeouts, no connection, pdf-service away. */
        TEMPORARY_FAILURE,
        /** Another attempt will fail the same way: 5xx, a document that does not match its hash. */
        PERMANENT_FAILURE
    }

    public static AttemptOutcome delivered(String reply) {
        return new AttemptOutcome(Kind.DELIVERED, reply, null);
    }

    public static AttemptOutcome temporaryFailure(String reason, String reply) {
        return new AttemptOutcome(Kind.TEMPORARY_FAILURE, reply, reason);
    }

    public static AttemptOutcome permanentFailure(String reason, String reply) {
        return new AttemptOutcome(Kind.PERMANENT_FAILURE, reply, reason);
    }

    /**
     * A server the host policy refuses → permanent (nothing was sent, and the same settings are refused again); 2xx
     * → delivered; a refused login → permanent, saying so (another attempt with the same settings is refused
     * the same way, and each one risks locking the account); 5xx → permanent; 4xx, anything else, or no reply at
     * all → temporary.
     */
    public static AttemptOutcome of(SmtpOutcome smtp, String serverAddress) {
        if (smtp.hostRefused()) {
            return permanentFailure(smtp.problem() + "; nothing was sent: correct the SMTP settings and send again",
                    null);
        }
        if (smtp.accepted()) {
            return delivered(smtp.reply());
        }
        if (smtp.loginRefused()) {
            return permanentFailure(loginRefusal(smtp, serverAddress), smtp.reply());
        }
        if (smtp.refusedPermanently()) {
            return permanentFailure("the mail server " + serverAddress + " refused the message: " + smtp.reply(),
                    smtp.reply());
        }
        if (smtp.reply() != null) {
            return temporaryFailure("the mail server " + serverAddress + " deferred the message: " + smtp.reply(),
                    smtp.reply());
        }
        return temporaryFailure("no answer from the mail server " + serverAddress + ": " + smtp.problem(), null);
    }

    private static String loginRefusal(SmtpOutcome smtp, String serverAddress) {
        String refused = smtp.credentialsRefused() ? "refused the user name or password" : "refused the login";
        return "the mail server " + serverAddress + " " + refused + " (" + smtp.reply() + "); correct the SMTP"
                + " settings and send again" + (smtp.problem() == null ? "" : "; " + smtp.problem());
    }

    public boolean delivered() {
        return kind == Kind.DELIVERED;
    }
}

package com.invoicedelivery.mail.smtp.messaging;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import com.invoicedelivery.mail.smtp.domain.SmtpOutcome;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Reads what went wrong from Jakarta Mail's exceptions: the server's reply (code and text) when it gave one, or
 * else why there was none (no connection, a timeout, a dropped connection).
 */
final class SmtpReplies {

    private SmtpReplies() {
    }

    static SmtpOutcome outcomeOf(MessagingException failure, SMTPTransport transport) {
        for (Exception e = failure; e != null; e = next(e)) {
            if (e instanceof SMTPSendFailedException f) {
                return reply(f.getReturnCode(), f.getMessage());
            }
            if (e instanceof SMTPAddressFailedException f) {
                return reply(f.getReturnCode(), f.getMessage());
            }
            if (e instanceof SMTPSenderFailedException f) {
                return reply(f.getReturnCode(), f.getMessage());
            }
        }
        IOException io = ioCause(failure);
        if (io != null) {
            return SmtpOutcome.noReply(describe(io));
        }
        // e.g. a refused AUTH: the transport kept the server's last reply
        if (transport != null && transport.getLastReturnCode() >= 400) {
            return reply(transport.getLastReturnCode(), transport.getLastServerResponse());
        }
        return SmtpOutcome.noReply(String.valueOf(failure.getMessage()));
    }

    /** Angus reports a connection closed instead of a reply as the code -1 and the text "[EOF]": no reply at all. */
    private static SmtpOutcome reply(int code, String text) {
        if (code < 100 || code > 599) {
            return SmtpOutcome.noReply("the server closed the connection without answering");
        }
        return SmtpOutcome.replied(code, text);
    }

    static String describe(IOException io) {
        if (io instanceof SocketTimeoutException) {
            return "the server did not answer in time (" + io.getMessage() + ")";
        }
        if (io instanceof ConnectException) {
            return "could not connect (" + io.getMessage() + ")";
        }
        if (io instanceof UnknownHostException) {
            return "unknown host " + io.getMessage();
        }
        return "the connection failed (" + io + ")";
    }

    private static Exception next(Exception e) {
        return e instanceof MessagingException m ? m.getNextException() : null;
    }

    private static IOException ioCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }
}

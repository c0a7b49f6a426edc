package com.invoicedelivery.mail.smtp.application;

import java.time.Instant;
import java.util.Optional;

import com.invoicedelivery.mail.smtp.domain.SmtpOutcome;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;

/**
 * The servers whose login was refused lately, with the settings that were refused, shared by every replica: a
 * refusal seen by one replica pauses that login on all of them.
 */
public interface LoginRefusals {

    /** The refusal of exactly these settings (password included) still in force at {@code now}, if any. */
    Optional<Refusal> current(SmtpServer server, Instant now);

    /** Remembers that the server refused these settings; replaces any earlier refusal of the same server. */
    void remember(SmtpServer server, Refusal refusal);

    /**
     * @param outcome what the server said when it refused
     * @param at      when it refused
     * @param until   until when the same settings are not tried again
     */
    record Refusal(SmtpOutcome outcome, Instant at, Instant until) {
    }
}

package com.invoicedelivery.mail.smtp.domain;

import java.time.Duration;

/**
 * How a connection test ended, for a person to read.
 *
 * @param stage   the stage that failed, or {@link ProbeStage#DONE}
 * @param message e.g. "The server refused the user name or password (535 5.7.8 ...)"
 */
public record ProbeResult(boolean ok, ProbeStage stage, String message, Duration duration) {

    public static ProbeResult passed(String message, Duration duration) {
        return new ProbeResult(true, ProbeStage.DONE, message, duration);
    }

    public static ProbeResult failed(ProbeStage stage, String message, Duration duration) {
        return new ProbeResult(false, stage, message, duration);
    }
}

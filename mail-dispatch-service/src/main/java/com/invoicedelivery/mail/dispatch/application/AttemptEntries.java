package com.invoicedelivery.mail.dispatch.application;

import java.time.Instant;
import java.util.List;

import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.domain.Transition;
import com.invoicedelivery.mail.emaillog.domain.LoggedAttempt;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmail;

/** A job's attempt as the e-mail log lists it. */
final class AttemptEntries {

    private AttemptEntries() {
    }

    /** What identifies the job's e-mail in the log, with the attempt's outcome; no source, nothing sent known here. */
    static LoggedEmail entry(DispatchJob job, Transition transition) {
        return new LoggedEmail(job.id(), job.tenantId(), job.clientId(), job.invoiceId(), job.sendId(),
                job.recipientId(), null, job.letter().recipientEmail(), job.letter().subject(), job.messageId(), null,
                transition.state().publishedStatus().name(), transition.reply(), job.attempt(), job.outcomeUnknown(),
                null, 0, false, transition.reason(), null, transition.nextAttemptAt(), List.of(), List.of());
    }

    static LoggedAttempt attempt(DispatchJob job, Transition transition, Instant at) {
        return new LoggedAttempt(job.attempt(), at, transition.state().publishedStatus().name(), transition.reply(),
                transition.reason(), transition.nextAttemptAt());
    }
}

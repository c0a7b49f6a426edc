package com.invoicedelivery.mail.dispatch.domain;

import java.time.Instant;

import com.invoicedelivery.mail.testdata.TestSends;

/** Jobs as the store hands them to a worker: claimed (SENDING) for a given attempt. */
final class Jobs {

    static final Instant CREATED = Instant.parse("2026-11-28T08:00:00Z");

    private Jobs() {
    }

    static DispatchJob claimed(int attempt, boolean outcomeUnknown) {
        return new DispatchJob("send-1:r-1", "acme", "send-1", "inv-1", "client-1", "r-1", "platform",
                "<id@invoicedelivery.local>", TestSends.linkEmail("klient@beta.bg", "http://localhost/l/x"),
                JobState.SENDING, attempt, CREATED, CREATED, CREATED.plusSeconds(600), outcomeUnknown,
                "250 OK", null, null, null, null);
    }
}

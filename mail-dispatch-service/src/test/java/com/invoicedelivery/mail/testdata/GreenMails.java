package com.invoicedelivery.mail.testdata;

import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail server setups for tests on a busy machine. */
public final class GreenMails {

    /** SMTPS makes a certificate at start: on a loaded 2-core machine that takes longer than GreenMail's 2 s. */
    private static final long STARTUP_TIMEOUT_MILLIS = 30_000;

    private GreenMails() {
    }

    /** The setup on a free port, with time enough to start. */
    public static ServerSetup onFreePort(ServerSetup setup) {
        ServerSetup copy = setup.dynamicPort();
        copy.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
        return copy;
    }
}

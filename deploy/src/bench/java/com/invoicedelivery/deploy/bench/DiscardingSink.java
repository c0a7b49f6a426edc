package com.invoicedelivery.deploy.bench;

import java.nio.file.Path;

import com.invoicedelivery.kit.testing.SmtpSink;

/** Postfix's {@code smtp-sink} on a free loopback port, throwing every message away ({@link SmtpSink}). */
final class DiscardingSink implements AutoCloseable {

    static final Path EXECUTABLE = SmtpSink.EXECUTABLE;

    private final SmtpSink sink;

    private DiscardingSink(SmtpSink sink) {
        this.sink = sink;
    }

    static boolean installed() {
        return SmtpSink.installed();
    }

    static DiscardingSink start() {
        return new DiscardingSink(SmtpSink.startDiscarding());
    }

    int port() {
        return sink.port();
    }

    long pid() {
        return sink.pid();
    }

    @Override
    public void close() {
        sink.close();
    }

    static int freePort() {
        return SmtpSink.freePort();
    }
}

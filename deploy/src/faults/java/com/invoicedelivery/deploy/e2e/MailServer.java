package com.invoicedelivery.deploy.e2e;

import java.nio.file.Path;

import com.invoicedelivery.kit.testing.SmtpSink;

/**
 * One mail server of the fault suite on a fixed loopback port: normally {@code smtp-sink} writing each message to a
 * file in its directory, for a while a {@link ScriptedSmtpServer} playing a fault, then the sink again (same port,
 * same directory), as a real server that comes back.
 */
final class MailServer implements AutoCloseable {

    private final String name;
    private final int port;
    private Path dumps;
    private AutoCloseable current;

    private MailServer(String name, int port, Path dumps) {
        this.name = name;
        this.port = port;
        this.dumps = dumps;
    }

    /** A sink on a free port. */
    static MailServer sink(String name, Path dumps) {
        MailServer server = new MailServer(name, SmtpSink.freePort(), dumps);
        server.current = SmtpSink.start(server.port, dumps);
        return server;
    }

    /** A scripted fault from the start, on a free port (the sink comes with {@link #recover()}). */
    static MailServer faulty(String name, Path dumps, ScriptedSmtpServer.Script script) {
        MailServer server = new MailServer(name, SmtpSink.freePort(), dumps);
        server.current = ScriptedSmtpServer.start(server.port, script);
        return server;
    }

    synchronized void fail(ScriptedSmtpServer.Script script) {
        closeCurrent();
        current = ScriptedSmtpServer.start(port, script);
    }

    /** The sink again, writing where it wrote before. */
    synchronized void recover() {
        closeCurrent();
        current = SmtpSink.start(port, dumps);
    }

    /** The sink again, writing into another directory (the platform's server between scenarios). */
    synchronized void recoverInto(Path directory) {
        closeCurrent();
        dumps = directory;
        current = SmtpSink.start(port, dumps);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    synchronized Path dumps() {
        return dumps;
    }

    private void closeCurrent() {
        try {
            current.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop " + name, e);
        }
    }

    @Override
    public synchronized void close() {
        closeCurrent();
    }
}

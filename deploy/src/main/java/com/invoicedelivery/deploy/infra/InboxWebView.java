package com.invoicedelivery.deploy.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A read-only web page over the local inbox, so a newcomer sees the sent mail without an IMAP client:
 * {@code /} lists the messages newest first, {@code /messages/<n>.eml} shows one exactly as it arrived.
 */
public final class InboxWebView implements AutoCloseable {

    private final HttpServer server;

    private InboxWebView(HttpServer server) {
        this.server = server;
    }

    public static InboxWebView start(int port, MailInbox inbox) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> serve(exchange, inbox));
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.start();
        return new InboxWebView(server);
    }

    private static void serve(HttpExchange exchange, MailInbox inbox) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            List<MimeMessage> messages = inbox.messages();
            if (path.equals("/")) {
                respond(exchange, 200, "text/html", listing(messages));
            } else if (path.matches("/messages/\\d+\\.eml")) {
                int index = Integer.parseInt(path.replaceAll("\\D", ""));
                if (index >= messages.size()) {
                    respond(exchange, 404, "text/plain", "no such message");
                } else {
                    respond(exchange, 200, "text/plain", source(messages.get(index)));
                }
            } else {
                respond(exchange, 404, "text/plain", "not found");
            }
        } catch (MessagingException e) {
            respond(exchange, 500, "text/plain", "cannot read the message: " + e.getMessage());
        }
    }

    private static String listing(List<MimeMessage> messages) throws MessagingException {
        StringBuilder rows = new StringBuilder();
        for (int i = messages.size() - 1; i >= 0; i--) {
            MimeMessage message = messages.get(i);
            rows.append("<tr><td>").append(escape(String.valueOf(message.getReceivedDate())))
                    .append("</td><td>").append(escape(addresses(message.getAllRecipients())))
                    .append("</td><td><a href=\"/messages/").append(i).append(".eml\">")
                    .append(escape(message.getSubject())).append("</a></td></tr>\n");
        }
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Local inbox</title>
                <style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left}</style>
                </head><body><h1>Local inbox (%d messages)</h1>
                <table><tr><th>Received</th><th>To</th><th>Subject</th></tr>
                %s</table></body></html>
                """.formatted(messages.size(), rows);
    }

    private static String source(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        StringBuilder joined = new StringBuilder();
        for (Address address : addresses) {
            joined.append(joined.isEmpty() ? "" : ", ").append(address);
        }
        return joined.toString();
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body1 = exchange.getResponseBody()) {
            body1.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

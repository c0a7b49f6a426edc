package com.invoicedelivery.mail.smtp.messaging;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Commands and replies on one SMTP connection, for the connection test: reads multi-line replies, bounds every
 * read by a timeout, and switches to a TLS socket after STARTTLS. Replies are size-limited, so a misbehaving
 * server cannot make the test hold unbounded memory.
 */
final class SmtpDialogue {

    private static final int MAX_LINE = 2048;
    private static final int MAX_LINES = 100;

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    SmtpDialogue(Socket socket) throws IOException {
        use(socket);
    }

    /** Continues over {@code upgraded} (the same connection, now with TLS). */
    void use(Socket upgraded) throws IOException {
        this.socket = upgraded;
        this.in = new BufferedInputStream(upgraded.getInputStream());
        this.out = upgraded.getOutputStream();
    }

    /** Sends one command line. The line may carry credentials: it is never kept or printed. */
    SmtpReply command(String line, Duration timeout) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return read(timeout);
    }

    /** @throws SocketTimeoutException when the server says nothing within {@code timeout} */
    SmtpReply read(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = readLine();
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-' && lines.size() < MAX_LINES);
        return SmtpReply.of(lines);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            if (line.size() < MAX_LINE && b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** One reply: its code and its lines as the server wrote them. */
    record SmtpReply(int code, List<String> lines) {

        static SmtpReply of(List<String> lines) {
            String first = lines.get(0);
            int code;
            try {
                code = first.length() >= 3 ? Integer.parseInt(first.substring(0, 3)) : 0;
            } catch (NumberFormatException notSmtp) {
                code = 0;
            }
            return new SmtpReply(code, List.copyOf(lines));
        }

        boolean is(int expected) {
            return code == expected;
        }

        /** Whether an EHLO reply lists the extension, e.g. {@code STARTTLS}. */
        boolean offers(String extension) {
            return parameters(extension) != null;
        }

        /** The parameters of an extension in an EHLO reply ({@code AUTH PLAIN LOGIN} → "PLAIN LOGIN"), or null. */
        String parameters(String extension) {
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String keyword = line.length() > 4 ? line.substring(4).strip() : "";
                String upper = keyword.toUpperCase(Locale.ROOT);
                if (upper.equals(extension) || upper.startsWith(extension + " ") || upper.startsWith(extension + "=")) {
                    return keyword.substring(extension.length()).replace('=', ' ').strip();
                }
            }
            return null;
        }

        /** The reply as one line, e.g. {@code 535 5.7.8 Authentication credentials invalid}. */
        String text() {
            return String.join(" ", lines).strip();
        }
    }
}

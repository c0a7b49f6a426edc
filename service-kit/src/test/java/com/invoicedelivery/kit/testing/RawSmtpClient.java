package com.invoicedelivery.kit.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Hands a message to an SMTP server as another mail server would: from the null sender (or a given one), bytes as
 * they are (only dot-stuffed), every reply read within a timeout. Returns the reply to the end of the data, or the first refusal.
 */
public final class RawSmtpClient {

    private static final int TIMEOUT_MILLIS = 10_000;

    private RawSmtpClient() {
    }

    public static String deliver(int port, String recipient, byte[] message) {
        return relay(port, "", recipient, message);
    }

    /** The same from {@code sender}, as a relay hands on a message with its envelope. */
    public static String relay(int port, String sender, String recipient, byte[] message) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            reply(in);
            for (String command : new String[] {"EHLO mx.sender.test", "MAIL FROM:<" + sender + ">",
                "RCPT TO:<" + recipient + ">",
                "DATA"}) {
                out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String reply = reply(in);
                boolean expected = command.equals("DATA") ? reply.startsWith("354") : reply.startsWith("2");
                if (!expected) {
                    return reply;
                }
            }
            out.write(dotStuffed(message));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = reply(in);
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last line of a (multi-line) reply. */
    private static String reply(BufferedReader in) throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        if (line == null) {
            throw new IOException("the server closed the connection");
        }
        return line;
    }

    private static byte[] dotStuffed(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
        if (!text.endsWith("\r\n")) {
            text += "\r\n";
        }
        text = (text.startsWith(".") ? "." : "") + text.replace("\r\n.", "\r\n..");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}

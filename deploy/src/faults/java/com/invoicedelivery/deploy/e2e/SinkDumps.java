package com.invoicedelivery.deploy.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

/** What the sinks wrote: one file per message, its envelope recipient and Message-ID read from its header. */
final class SinkDumps {

    /** One dumped message; {@code messageId} null while smtp-sink is still writing it. */
    record Dumped(Path file, String recipient, String messageId) {
    }

    private SinkDumps() {
    }

    static List<Dumped> read(Collection<Path> directories) {
        List<Dumped> dumped = new ArrayList<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(Files::isRegularFile).sorted().forEach(file -> dumped.add(header(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dumped;
    }

    private static Dumped header(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            InternetHeaders headers = new InternetHeaders(in);
            String rcpt = headers.getHeader("X-Rcpt-Args", null);
            String recipient = rcpt == null ? null : rcpt.trim().replaceAll("^<([^>]*)>.*$", "$1").toLowerCase();
            String messageId = headers.getHeader("Message-ID", null);
            return new Dumped(file, recipient, messageId == null ? null : messageId.trim());
        } catch (IOException | MessagingException e) {
            return new Dumped(file, null, null);
        }
    }
}

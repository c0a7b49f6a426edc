package com.invoicedelivery.mail.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The report samples and what each names: its token, its recipient, the Message-ID it is about. */
final class Samples {

    private static final Map<String, String[]> NAMES = Map.of(
            "postfix-user-unknown.eml", new String[] {"abcdefghijklmnopqrstuvwxyz", "nobody@example.test",
                "<4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f@invoicedelivery.test>"},
            "postfix-delayed.eml", new String[] {"abcdefghijklmnopqrstuvwxyz", "nobody@example.test",
                "<4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f@invoicedelivery.test>"},
            "office365-recipient-not-found.eml", new String[] {"o365o365o365o365o365o365o3",
                "maria.petrova@contoso.com", "<7c0f3a52-2b8e-4d1a-9e6f-55a3c2d1b0e4@invoicedelivery.test>"},
            "gmail-no-such-user.eml", new String[] {"gmailgmailgmailgmailgmailg",
                "ivan.ivanov.no.such.user@gmail.com", "<0d3e8f1a-6b2c-4a9d-8e7f-3c1b5a2d9e60@invoicedelivery.test>"},
            "arf-abuse-complaint.eml", new String[] {"arfarfarfarfarfarfarfarfar", "georgi@mailbox.example",
                "<9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d@invoicedelivery.test>"});

    private Samples() {
    }

    static String text(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/com/invoicedelivery/mail/bounce/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("no sample " + name, e);
        }
    }

    static String tokenOf(String name) {
        return NAMES.get(name)[0];
    }

    static String recipientOf(String name) {
        return NAMES.get(name)[1];
    }

    static String messageIdOf(String name) {
        return NAMES.get(name)[2];
    }
}

package com.invoicedelivery.mail.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The report samples and what each names: its token, its recipient, the Message-ID it is about. The samples captured
 * from Exchange Online and Google (sisimai's corpus) name no token of ours: see {@link #CAPTURED}.
 */
final class Samples {

    private static final Map<String, String[]> NAMES = Map.of(
            "postfix-user-unknown.eml", new String[] {"abcdefghijklmnopqrstuvwxyz", "nobody@example.test",
                "<4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f@invoicedelivery.test>"},
            "postfix-delayed.eml", new String[] {"abcdefghijklmnopqrstuvwxyz", "nobody@example.test",
                "<4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f@invoicedelivery.test>"},
            "arf-abuse-complaint.eml", new String[] {"arfarfarfarfarfarfarfarfar", "georgi@mailbox.example",
                "<9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d@invoicedelivery.test>"});

    /**
     * The captured samples' recipient and the {@code Message-ID} header line of the e-mail they quote (in their
     * {@code message/rfc822} part; the only place it appears whole, as a header of its own).
     */
    static final Map<String, String[]> CAPTURED = Map.of(
            "email-office365-04.eml", new String[] {"otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp",
                "\nMessage-ID: <SLXP216MB0381A8F03A83505296890D11A9950@SLXP216MB0381.KORP216.PROD.OUTLOOK.COM>\n"},
            "email-gsuite-12.eml", new String[] {"kijitora@example.com",
                "\nMessage-ID: <160000000000.2022.837987497898796986@NEKO-NYAAN-22>\n"});

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

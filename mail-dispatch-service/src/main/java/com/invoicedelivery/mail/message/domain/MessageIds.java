package com.invoicedelivery.mail.message.domain;

import java.util.UUID;

/** Message-IDs of the platform's e-mails: {@code <random-uuid@platform-domain>}, unique per send and recipient. */
public final class MessageIds {

    private MessageIds() {
    }

    public static String newMessageId(String platformDomain) {
        return "<" + UUID.randomUUID() + "@" + platformDomain + ">";
    }
}

package com.invoicedelivery.mail.message.domain;

/**
 * What stands for a personal link in the e-mail log's copy of an e-mail: the link with its token hidden, so that
 * reading the log (any of the tenant's users may) does not let anyone act as the client.
 */
public final class LinkMask {

    /** Where the token was; plain ASCII, so the copy is encoded like the e-mail sent. */
    public static final String HIDDEN_TOKEN = "[link token hidden]";

    private LinkMask() {
    }

    /** {@code https://host/l/<token>} → {@code https://host/l/[link token hidden]}. */
    public static String masked(String linkUrl) {
        int token = linkUrl.lastIndexOf("/l/");
        return token < 0 ? "[personal link hidden]" : linkUrl.substring(0, token + 3) + HIDDEN_TOKEN;
    }
}

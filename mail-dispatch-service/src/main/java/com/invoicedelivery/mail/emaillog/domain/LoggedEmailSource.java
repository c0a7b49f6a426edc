package com.invoicedelivery.mail.emaillog.domain;

/** A logged e-mail with its kept MIME source (as sent, the link's token hidden when {@code email.linkHidden()}). */
public record LoggedEmailSource(LoggedEmail email, byte[] source) {
}

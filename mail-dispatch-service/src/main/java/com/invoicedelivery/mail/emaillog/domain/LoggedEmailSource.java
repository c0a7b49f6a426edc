package com.invoicedelivery.mail.emaillog.domain;

/** A logged e-mail with its exact MIME source. */
public record LoggedEmailSource(LoggedEmail email, byte[] source) {
}

package com.invoicedelivery.mail.message.domain;

/** The two renderings of one e-mail's message: plain text and HTML, saying the same. */
public record EmailBody(String text, String html) {
}

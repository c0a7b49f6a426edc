package com.invoicedelivery.mail.emaillog.domain;

import com.invoicedelivery.mail.message.domain.LoggedCopy;

/**
 * A logged e-mail with its copy as stored: whole (a link-mode e-mail, or any entry logged before attachments were
 * kept by reference), or without the attached document's body, which pdf-service keeps.
 */
public record LoggedEmailCopy(LoggedEmail email, LoggedCopy copy) {
}

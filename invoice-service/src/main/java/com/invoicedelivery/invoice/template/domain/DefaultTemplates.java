package com.invoicedelivery.invoice.template.domain;

import com.invoicedelivery.events.Language;

/**
 * The e-mail texts every tenant starts with, one per language, until it writes its own. They fit every kind of
 * document and both delivery modes: {@code {link}} has a paragraph of its own, which is the personal link (a button
 * in the HTML part) or, in attachment mode, a sentence saying the document is attached; the e-mail's footer and the
 * PDF name the exact kind of document.
 */
public final class DefaultTemplates {

    private static final MessageTemplate BG = new MessageTemplate(
            "Документ № {invoiceNumber} от {tenantName}", """
            Здравейте,

            {tenantName} ви изпраща документ № {invoiceNumber} от {issueDate} на стойност {total} с падеж {dueDate}.

            {link}

            Ако имате въпроси, просто отговорете на това писмо.

            Поздрави,
            {tenantName}""");

    private static final MessageTemplate EN = new MessageTemplate(
            "Document No. {invoiceNumber} from {tenantName}", """
            Hello,

            {tenantName} has sent you document No. {invoiceNumber} of {issueDate} for {total}, due on {dueDate}.

            {link}

            If you have any questions, simply reply to this e-mail.

            Kind regards,
            {tenantName}""");

    private DefaultTemplates() {
    }

    public static MessageTemplate of(Language language) {
        return switch (language) {
            case BG -> BG;
            case EN -> EN;
        };
    }
}

package com.invoicedelivery.invoice.send.domain;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.Language;

/**
 * The e-mail texts a tenant starts with, per language and delivery mode. Placeholders: {@code {invoiceNumber}},
 * {@code {issueDate}}, {@code {dueDate}}, {@code {total}}, {@code {tenantName}}, {@code {clientName}}, in link
 * mode {@code {link}}, and {@code {Document}} / {@code {document}} (the kind of document, capitalised or not).
 */
public final class DefaultTemplates {

    private static final MessageTemplate BG_LINK = new MessageTemplate("{Document} № {invoiceNumber} от {tenantName}", """
            Здравейте,

            {tenantName} ви изпрати {document} № {invoiceNumber} от {issueDate} на стойност {total}.

            Вижте документа и го приемете или върнете на този адрес:
            {link}

            Линкът е личен – моля, не го препращайте.

            Поздрави,
            {tenantName}
            """);

    private static final MessageTemplate BG_ATTACHMENT = new MessageTemplate("{Document} № {invoiceNumber} от {tenantName}", """
            Здравейте,

            {tenantName} ви изпрати {document} № {invoiceNumber} от {issueDate} на стойност {total}.
            Документът е приложен към писмото като PDF файл.

            Поздрави,
            {tenantName}
            """);

    private static final MessageTemplate EN_LINK = new MessageTemplate("{Document} No. {invoiceNumber} from {tenantName}", """
            Hello,

            {tenantName} has sent you {document} No. {invoiceNumber} dated {issueDate} for {total}.

            View it, then accept or return it, here:
            {link}

            This link is personal - please do not forward it.

            Kind regards,
            {tenantName}
            """);

    private static final MessageTemplate EN_ATTACHMENT = new MessageTemplate("{Document} No. {invoiceNumber} from {tenantName}", """
            Hello,

            {tenantName} has sent you {document} No. {invoiceNumber} dated {issueDate} for {total}.
            The document is attached to this e-mail as a PDF file.

            Kind regards,
            {tenantName}
            """);

    private DefaultTemplates() {
    }

    public static MessageTemplate of(Language language, DeliveryMode mode) {
        boolean link = mode == DeliveryMode.LINK;
        return switch (language) {
            case BG -> link ? BG_LINK : BG_ATTACHMENT;
            case EN -> link ? EN_LINK : EN_ATTACHMENT;
        };
    }
}

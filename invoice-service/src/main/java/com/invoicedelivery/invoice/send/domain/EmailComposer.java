package com.invoicedelivery.invoice.send.domain;

import java.util.Map;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.shared.domain.Texts;
import com.invoicedelivery.invoice.template.domain.MessageTemplate;
import com.invoicedelivery.invoice.template.domain.MessageValues;
import com.invoicedelivery.invoice.template.domain.Placeholders;
import com.invoicedelivery.invoice.template.domain.TemplateBook;
import com.invoicedelivery.invoice.tenant.domain.Tenant;

/**
 * Writes the e-mails of one tenant's invoices: to the chosen addresses or the client's, in the chosen language or
 * the client's, with the chosen texts or the tenant's template in that language, as a link unless the tenant sends
 * attachments (and its plan allows them). Placeholders are filled in the chosen texts too.
 */
public record EmailComposer(Tenant tenant, TemplateBook templates) {

    /** @param options validated */
    public InvoiceEmail compose(Client client, Invoice invoice, SendOptions options) {
        Language language = options.language() != null ? options.language() : client.language();
        DeliveryMode mode = tenant.deliveryMode();
        Map<String, String> values = MessageValues.of(language, mode, tenant, client, invoice);
        MessageTemplate template = templates.of(language);
        // a name filled into the subject must not break the header it becomes
        String subject = Texts.oneLine(Placeholders.fill(
                options.subject() != null ? options.subject() : template.subject(), values));
        String message = Placeholders.fill(options.message() != null ? options.message() : template.message(), values);
        return new InvoiceEmail(options.recipientsOr(client.emails()), language, mode, subject, message);
    }
}

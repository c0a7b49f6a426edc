package com.invoicedelivery.pdf.rendering.domain;

import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.Language;

/** The file name a document is downloaded or attached under, e.g. {@code Фактура-0000000123.pdf}. */
public final class DocumentFileName {

    private DocumentFileName() {
    }

    /** For an invoice that meets the {@link RenderRequirements} (a 10-digit number, a kind). */
    public static String of(InvoiceSnapshot invoice, Language language) {
        return Labels.of(language).fileWord(invoice.kind()) + "-" + invoice.number() + ".pdf";
    }
}

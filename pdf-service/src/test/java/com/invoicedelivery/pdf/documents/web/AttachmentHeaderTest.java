package com.invoicedelivery.pdf.documents.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

class AttachmentHeaderTest {

    @Test
    void aCyrillicNameTravelsAsUtf8WithAnAsciiFallback() {
        String header = AttachmentHeader.contentDisposition("Фактура-0000000123.pdf");

        assertThat(header).isEqualTo("attachment; filename=\"Faktura-0000000123.pdf\"; "
                + "filename*=UTF-8''%D0%A4%D0%B0%D0%BA%D1%82%D1%83%D1%80%D0%B0-0000000123.pdf");
        // what a client that reads RFC 6266 makes of it
        assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("Фактура-0000000123.pdf");
    }

    @Test
    void anAsciiNameIsTheSameInBothParameters() {
        assertThat(AttachmentHeader.contentDisposition("Invoice-0000000123.pdf"))
                .isEqualTo("attachment; filename=\"Invoice-0000000123.pdf\"; filename*=UTF-8''Invoice-0000000123.pdf");
    }

    @Test
    void quotesSpacesAndSeparatorsCannotBreakTheHeader() {
        String name = "a \"b\"; c\\d%.pdf";

        assertThat(AttachmentHeader.asciiFallback(name)).isEqualTo("a__b___c_d_.pdf");
        assertThat(AttachmentHeader.encoded(name)).isEqualTo("a%20%22b%22%3B%20c%5Cd%25.pdf");
        assertThat(ContentDisposition.parse(AttachmentHeader.contentDisposition(name)).getFilename()).isEqualTo(name);
    }
}

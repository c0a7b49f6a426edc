package com.invoicedelivery.mail.message.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.mail.testdata.TestSends;
import org.junit.jupiter.api.Test;

class EmailBodiesTest {

    private static final String LINK = "https://track.example/l/AbC-123_xyz";

    @Test
    void theTextCarriesThePlainLinkWhereTheMarkerWasAndTheInvoiceNumber() {
        EmailBody body = EmailBodies.render(TestSends.linkEmail("client@example.com", LINK), LINK);

        assertThat(body.text()).contains("Може да я видите тук: " + LINK + "\n")
                .doesNotContain(EmailBodies.LINK_MARKER)
                .contains("-- \nФактура № " + TestSends.INVOICE_NUMBER + "\nАкме ООД");
    }

    @Test
    void theHtmlCarriesAButtonAndThePlainLinkAndKeepsParagraphsAndLineBreaks() {
        EmailBody body = EmailBodies.render(TestSends.linkEmail("client@example.com", LINK), LINK);

        assertThat(body.html()).contains("<html lang=\"bg\">")
                .contains("<p style=\"margin:0 0 16px\">Здравейте,</p>")
                .contains("Изпращаме ви фактура № 0000000042.<br>\nМоже да я видите тук: <a href=\"" + LINK
                        + "\" style=\"display:inline-block")
                .contains(">Вижте документа</a><br>\n<a href=\"" + LINK + "\" style=\"font-size:13px;color:#1d4ed8\">"
                        + LINK + "</a></p>")
                .contains("<p style=\"margin:0 0 16px\">Поздрави,<br>\nекипът на Акме</p>")
                .contains("Фактура № 0000000042<br>\nАкме ООД")
                .doesNotContain(EmailBodies.LINK_MARKER);
    }

    @Test
    void theUsersTextIsEscapedInTheHtmlNeverInterpreted() {
        RecipientEmail letter = withMessage(TestSends.linkEmail("client@example.com", LINK),
                "<script>alert('x')</script> & \"quotes\" {link}");

        EmailBody body = EmailBodies.render(letter, LINK);

        assertThat(body.html()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")
                .doesNotContain("<script>");
        assertThat(body.text()).startsWith("<script>alert('x')</script> & \"quotes\" " + LINK);
    }

    @Test
    void aLinkModeMessageWithoutTheMarkerGetsTheLinkAtTheEnd() {
        RecipientEmail letter = withMessage(TestSends.linkEmail("client@example.com", LINK), "Здравейте,\r\nвижте фактурата.");

        EmailBody body = EmailBodies.render(letter, LINK);

        assertThat(body.text()).startsWith("Здравейте,\nвижте фактурата.\n\n" + LINK + "\n\n-- \n");
        assertThat(body.html()).contains("href=\"" + LINK + "\"");
    }

    @Test
    void anAttachmentModeMessageDropsTheMarkerAndHasNoLink() {
        RecipientEmail letter = TestSends.attachmentEmail("client@example.com", TestSends.document(TestSends.PDF));

        EmailBody body = EmailBodies.render(letter, null);

        assertThat(body.text()).contains("Може да я видите тук:\n\nПоздрави,").doesNotContain("{link}")
                .doesNotContain("http");
        assertThat(body.html()).doesNotContain("href").doesNotContain("{link}");
    }

    @Test
    void aLinkModeLetterWithoutAPersonalLinkCannotBeSent() {
        RecipientEmail letter = TestSends.linkEmail("client@example.com", null);

        assertThatThrownBy(() -> EmailBodies.render(letter, null))
                .isInstanceOfSatisfying(MessagePreparationException.class, e -> {
                    assertThat(e.isTemporary()).isFalse();
                    assertThat(e.getMessage()).contains("client@example.com").contains("no personal link");
                });
    }

    @Test
    void englishLettersUseEnglishWordsAndTheDocumentKind() {
        RecipientEmail english = new RecipientEmail("Acme Ltd", "acme", null, "client@example.com", "sealed", "Credit note", "Hello {link}",
                Language.EN, DeliveryMode.LINK, DocumentKind.CREDIT_NOTE, "0000000007", null);

        EmailBody body = EmailBodies.render(english, LINK);

        assertThat(body.text()).endsWith("-- \nCredit note No. 0000000007\nAcme Ltd\n");
        assertThat(body.html()).contains("<html lang=\"en\">").contains(">View the document</a>");
    }

    @Test
    void theLogsCopyShowsTheLinkWithItsTokenHiddenWhereTheEmailHasIt() {
        String masked = LinkMask.masked(LINK);

        EmailBody body = EmailBodies.render(TestSends.linkEmail("client@example.com", LINK), masked);

        assertThat(masked).isEqualTo(LINK.substring(0, LINK.lastIndexOf("/l/") + 3) + "[link token hidden]");
        assertThat(body.text()).contains(masked).doesNotContain(LINK);
        assertThat(body.html()).contains("href=\"" + masked + "\"").doesNotContain(LINK);
    }

    private static RecipientEmail withMessage(RecipientEmail letter, String message) {
        return new RecipientEmail(letter.tenantName(), letter.subdomain(), letter.replyTo(), letter.recipientEmail(),
                letter.sealedLink(), letter.subject(), message, letter.language(), letter.mode(), letter.documentKind(),
                letter.invoiceNumber(), letter.document());
    }
}

package com.invoicedelivery.tracking.link.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.tracking.TestSends;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What issue 16 found missing on the invoice page: the total in words, who sends it, labels for phone cards. */
class InvoicePageDetailsIntegrationTest extends LinkPagesSupport {

    @Test
    void theTotalIsAlsoInWordsAsThePdfPrintsIt() {
        Document bg = page(browser(), consentedLink(Language.BG));
        Document en = page(browser(), consentedLink(Language.EN));

        // the colon after the label is the style sheet's (dt::after), not text
        assertThat(bg.select("dl.totals .in-words").text())
                .isEqualTo("Словом хиляда четиристотин и четиридесет евро");
        assertThat(en.select("dl.totals .in-words").text())
                .isEqualTo("In words one thousand four hundred and forty euros");
    }

    @Test
    void theSenderIsNamedWithItsCompanyIdentity() {
        Document page = page(browser(), consentedLink(Language.BG));

        assertThat(page.select("p.sender-identity").text()).isEqualTo(TestSends.TENANT_NAME + ", ЕИК 204567891");
        assertThat(page.select("footer.page-footer .platform").text()).contains("Платформа за доставка на фактури",
                TestSends.TENANT_NAME);
    }

    @Test
    void everyTableCellCarriesItsColumnsNameForThePhoneCards() {
        Document page = page(browser(), consentedLink(Language.EN));

        for (Element table : page.select("table")) {
            var headers = table.select("thead th").eachText();
            assertThat(table.select("tbody tr")).isNotEmpty().allSatisfy(row ->
                    assertThat(row.select("td").eachAttr("data-label")).containsExactlyElementsOf(headers));
        }
    }
}

package com.invoicedelivery.pdf.rendering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.invoicedelivery.events.BankDetails;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.pdf.testdata.Invoices;
import org.junit.jupiter.api.Test;

class InvoicePrinterTest {

    private static final String NBSP = "\u00a0";

    @Test
    void printsTheHeadingInBulgarian() {
        PrintedInvoice printed = InvoicePrinter.print(Invoices.invoice(), Language.BG);

        assertThat(printed.field("title")).isEqualTo("ФАКТУРА");
        assertThat(printed.field("number")).isEqualTo("0000000123");
        assertThat(printed.field("documentTitle")).isEqualTo("ФАКТУРА № 0000000123");
        assertThat(printed.field("marking")).isEqualTo("ОРИГИНАЛ");
        assertThat(printed.field("issueDate")).isEqualTo("28.11.2026 г.");
        assertThat(printed.field("taxEventDate")).isEqualTo("27.11.2026 г.");
        assertThat(printed.field("dueDate")).isEqualTo("12.12.2026 г.");
    }

    @Test
    void printsTheHeadingInEnglish() {
        PrintedInvoice printed = InvoicePrinter.print(Invoices.invoice(), Language.EN);

        assertThat(printed.field("documentTitle")).isEqualTo("INVOICE No. 0000000123");
        assertThat(printed.field("marking")).isEqualTo("ORIGINAL");
        assertThat(printed.field("issueDate")).isEqualTo("28 November 2026");
    }

    @Test
    void printsTheTotalsAsGivenWithTheCurrency() {
        PrintedInvoice bulgarian = InvoicePrinter.print(Invoices.invoice(), Language.BG);
        PrintedInvoice english = InvoicePrinter.print(Invoices.invoice(), Language.EN);

        assertThat(bulgarian.field("taxBase")).isEqualTo("1" + NBSP + "334,56" + NBSP + "EUR");
        assertThat(bulgarian.field("vatAmount")).isEqualTo("246,91" + NBSP + "EUR");
        assertThat(bulgarian.field("total")).isEqualTo("1" + NBSP + "581,47" + NBSP + "EUR");
        assertThat(english.field("total")).isEqualTo("1,581.47" + NBSP + "EUR");
        assertThat(bulgarian.field("totalInWords"))
                .isEqualTo("хиляда петстотин осемдесет и едно евро и четиридесет и седем цента");
        assertThat(english.field("totalInWords"))
                .isEqualTo("one thousand five hundred and eighty-one euros and forty-seven cents");
    }

    @Test
    void printsBothPartiesInOrder() {
        List<Map<String, String>> parties = InvoicePrinter.print(Invoices.invoice(), Language.BG).table("parties");

        assertThat(parties).extracting(p -> p.get("role")).containsExactly("Доставчик", "Получател");
        assertThat(parties.get(0)).containsEntry("name", "Акме ООД")
                .containsEntry("address", "ул. „Витоша“ 15, София, България")
                .containsEntry("uic", "204567890")
                .containsEntry("vatNumber", "BG204567890")
                .containsEntry("responsiblePerson", "Иван Петров");
        assertThat(parties.get(1)).containsEntry("name", "Бета Трейд ЕООД");
    }

    @Test
    void printsEveryLineAsGiven() {
        List<Map<String, String>> lines = InvoicePrinter.print(Invoices.invoice(), Language.EN).table("lines");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).containsEntry("position", "1")
                .containsEntry("description", "Консултантски услуги – ноември")
                .containsEntry("quantity", "12.5")
                .containsEntry("unit", "час")
                .containsEntry("unitPrice", "98.7648")
                .containsEntry("amount", "1,234.56");
    }

    @Test
    void printsEachVatRateWithTheLegalGroundWhereItIsZero() {
        List<Map<String, String>> rows = InvoicePrinter.print(Invoices.invoice(), Language.BG).table("vatRows");

        assertThat(rows).extracting(r -> r.get("rate")).containsExactly("20" + NBSP + "%", "0" + NBSP + "%");
        assertThat(rows.get(0)).containsEntry("taxBase", "1" + NBSP + "234,56").containsEntry("vatAmount", "246,91")
                .containsEntry("exemptionReason", "");
        assertThat(rows.get(1)).containsEntry("exemptionReason", Invoices.EXEMPTION);
    }

    @Test
    void printsPaymentAndBank() {
        PrintedInvoice printed = InvoicePrinter.print(Invoices.invoice(), Language.BG);

        assertThat(printed.field("paymentMethod")).isEqualTo("Банков превод");
        assertThat(printed.field("bank.name")).isEqualTo("Първа инвестиционна банка");
        assertThat(printed.field("bank.iban")).isEqualTo("BG80BNBG96611020345678");
        assertThat(printed.field("bank.bic")).isEqualTo("FINVBGSF");
    }

    @Test
    void absentOptionalValuesAreEmpty() {
        InvoiceSnapshot i = Invoices.invoice();
        InvoiceSnapshot sparse = new InvoiceSnapshot(i.number(), DocumentKind.CREDIT_NOTE, i.issueDate(),
                i.taxEventDate(), null, i.currency(), i.supplier(), i.recipient(), i.lines(), i.vat(), i.taxBase(),
                i.vatAmount(), i.total(), null, new BankDetails(null, "BG80BNBG96611020345678", null), false, null);

        PrintedInvoice printed = InvoicePrinter.print(sparse, Language.BG);

        assertThat(printed.field("title")).isEqualTo("КРЕДИТНО ИЗВЕСТИЕ");
        assertThat(printed.field("marking")).isEqualTo("КОПИЕ");
        assertThat(printed.field("dueDate")).isEmpty();
        assertThat(printed.field("paymentMethod")).isEmpty();
        assertThat(printed.field("bank.name")).isEmpty();
        assertThat(printed.field("bank.iban")).isEqualTo("BG80BNBG96611020345678");
        assertThat(printed.field("notes")).isEmpty();
    }

    @Test
    void anUnknownFieldIsADefectNotAnEmptyValue() {
        PrintedInvoice printed = InvoicePrinter.print(Invoices.invoice(), Language.BG);

        assertThatThrownBy(() -> printed.field("totl")).hasMessageContaining("'totl'");
        assertThatThrownBy(() -> printed.table("rows")).hasMessageContaining("'rows'");
    }
}

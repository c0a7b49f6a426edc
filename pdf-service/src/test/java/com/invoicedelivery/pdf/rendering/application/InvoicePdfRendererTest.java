package com.invoicedelivery.pdf.rendering.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.pdf.testdata.Invoices;
import com.invoicedelivery.pdf.testdata.PdfText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The PDFs themselves, read back with PDFBox as a reader (or an accountant's software) reads them. */
class InvoicePdfRendererTest {

    /** A line of {@link Invoices#longInvoice}: its position, then the start of its description. */
    private static final Pattern LONG_INVOICE_LINE = Pattern.compile("(\\d+) (?:Консултантски услуги|Абонаментна поддръжка)");
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    private static final InvoicePdfRenderer RENDERER = new InvoicePdfRenderer(InvoiceTemplate.load(),
            new PdfEngine(PdfEngine.DEJAVU_SANS), POOL, Duration.ofSeconds(60));

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Test
    void aBulgarianInvoicePrintsEveryFieldWithItsCyrillicIntact() {
        String text = PdfText.text(RENDERER.render(Invoices.invoice(), Language.BG));

        assertThat(text).contains(
                "ФАКТУРА", "№ 0000000123", "ОРИГИНАЛ",
                "Дата на издаване 28.11.2026 г.", "Дата на данъчното събитие 27.11.2026 г.", "Падеж 12.12.2026 г.",
                "Доставчик Акме ООД Адрес: ул. „Витоша“ 15, София, България ЕИК: 204567890 ДДС №: BG204567890 "
                        + "МОЛ: Иван Петров",
                "Получател Бета Трейд ЕООД Адрес: бул. „Мария Луиза“ 2, Пловдив, България ЕИК: 115123456 "
                        + "ДДС №: BG115123456 МОЛ: Мария Георгиева",
                "№ Наименование на стоката/услугата Количество Мярка Ед. цена Стойност",
                "1 Консултантски услуги – ноември 12,5 час 98,7648 1 234,56",
                "2 Обучение по безопасност 1 бр. 100,00 100,00",
                "Ставка на ДДС Данъчна основа ДДС",
                "20 % 1 234,56 246,91", "0 % 100,00 0,00",
                "Основание за неначисляване на ДДС: чл. 113, ал. 9 ЗДДС",
                "Данъчна основа 1 334,56 EUR", "Начислен ДДС 246,91 EUR", "Сума за плащане 1 581,47 EUR",
                "Словом: хиляда петстотин осемдесет и едно евро и четиридесет и седем цента",
                "Начин на плащане Банков превод", "Банка Първа инвестиционна банка",
                "IBAN BG80BNBG96611020345678", "BIC FINVBGSF", "Бележки Благодарим Ви!",
                "Стр. 1 от 1");
        assertThat(text).doesNotContain("INVOICE", "Supplier", "Total due");
    }

    @Test
    void anEnglishInvoicePrintsTheSameFieldsWithEnglishLabelsAndNumbers() {
        String text = PdfText.text(RENDERER.render(Invoices.invoice(), Language.EN));

        assertThat(text).contains(
                "INVOICE", "No. 0000000123", "ORIGINAL",
                "Issue date 28 November 2026", "Tax event date 27 November 2026", "Due date 12 December 2026",
                "Supplier Акме ООД Address: ул. „Витоша“ 15, София, България UIC: 204567890 VAT No.: BG204567890 "
                        + "Responsible person: Иван Петров",
                "Recipient Бета Трейд ЕООД Address: бул. „Мария Луиза“ 2, Пловдив, България UIC: 115123456 "
                        + "VAT No.: BG115123456 Responsible person: Мария Георгиева",
                "# Description Quantity Unit Unit price Amount",
                "1 Консултантски услуги – ноември 12.5 час 98.7648 1,234.56",
                "2 Обучение по безопасност 1 бр. 100.00 100.00",
                "VAT rate Tax base VAT",
                "20% 1,234.56 246.91", "0% 100.00 0.00", "Legal ground for zero VAT: чл. 113, ал. 9 ЗДДС",
                "Tax base 1,334.56 EUR", "VAT amount 246.91 EUR", "Total due 1,581.47 EUR",
                "In words: one thousand five hundred and eighty-one euros and forty-seven cents",
                "Payment method Банков превод", "Bank Първа инвестиционна банка",
                "IBAN BG80BNBG96611020345678", "BIC FINVBGSF", "Notes Благодарим Ви!",
                "Page 1 of 1");
        assertThat(text).doesNotContain("ФАКТУРА", "Доставчик", "Словом");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "INVOICE     | ФАКТУРА            | INVOICE",
            "PROFORMA    | ПРОФОРМА ФАКТУРА   | PROFORMA INVOICE",
            "CREDIT_NOTE | КРЕДИТНО ИЗВЕСТИЕ  | CREDIT NOTE",
            "DEBIT_NOTE  | ДЕБИТНО ИЗВЕСТИЕ   | DEBIT NOTE"})
    void everyDocumentKindIsTitledInBothLanguagesAndACopyIsMarkedAsSuch(DocumentKind kind, String bulgarian,
                                                                          String english) {
        var copy = Invoices.from(Invoices.invoice()).kind(kind).original(false).build();

        String bg = PdfText.text(RENDERER.render(copy, Language.BG));
        String en = PdfText.text(RENDERER.render(copy, Language.EN));

        assertThat(bg).startsWith(bulgarian + " № 0000000123").contains(bulgarian + " № 0000000123 КОПИЕ")
                .doesNotContain("ОРИГИНАЛ");
        assertThat(en).startsWith(english + " No. 0000000123").contains(english + " No. 0000000123 COPY")
                .doesNotContain("ORIGINAL");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.01       | 0,01 EUR         | нула евро и един цент",
            "1.00       | 1,00 EUR         | едно евро",
            "11.11      | 11,11 EUR        | единадесет евро и единадесет цента",
            "1000000.00 | 1 000 000,00 EUR | един милион евро",
            "2001.20    | 2 001,20 EUR     | две хиляди и едно евро и двадесет цента"})
    void theTotalInWordsIsRightInBulgarian(BigDecimal total, String figures, String words) {
        String text = PdfText.text(RENDERER.render(Invoices.totalling(total), Language.BG));

        assertThat(text).contains("Сума за плащане " + figures + " Словом: " + words + " ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.01       | 0.01 EUR         | zero euros and one cent",
            "1.00       | 1.00 EUR         | one euro",
            "11.11      | 11.11 EUR        | eleven euros and eleven cents",
            "1000000.00 | 1,000,000.00 EUR | one million euros",
            "2001.20    | 2,001.20 EUR     | two thousand and one euros and twenty cents"})
    void theTotalInWordsIsRightInEnglish(BigDecimal total, String figures, String words) {
        String text = PdfText.text(RENDERER.render(Invoices.totalling(total), Language.EN));

        assertThat(text).contains("Total due " + figures + " In words: " + words + " ");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyFontIsEmbeddedAsIdentityHRegularAndBold(Language language) {
        List<PdfText.Font> fonts = PdfText.fonts(RENDERER.render(Invoices.longInvoice(120), language));

        assertThat(fonts).isNotEmpty().allSatisfy(font -> {
            assertThat(font.embedded()).as(font + " embedded").isTrue();
            assertThat(font.subtype()).as(font + " composite").isEqualTo("Type0");
            assertThat(font.encoding()).as(font + " encoding").isEqualTo("Identity-H");
        });
        assertThat(fonts).extracting(PdfText.Font::name)
                .anyMatch(name -> name.endsWith("DejaVuSans"))
                .anyMatch(name -> name.endsWith("DejaVuSans-Bold"));
    }

    @Test
    void aNameFullOfMarkupPrintsAsWritten() {
        String hostile = "<script>alert(\"x\")</script> & Co ]]> <!-- 'ООД' \u0001";

        String text = PdfText.text(RENDERER.render(Invoices.withRecipientName(Invoices.invoice(), hostile), Language.EN));

        assertThat(text).contains("<script>alert(\"x\")</script> & Co ]]> <!-- 'ООД'");
    }

    @Test
    void theLongBulgarianInvoiceHasFivePagesEachWithHeadersPageNumberAndLines() {
        List<String> pages = PdfText.pages(RENDERER.render(Invoices.longInvoice(120), Language.BG));

        assertFivePagesOfLines(pages, "ФАКТУРА № 0000000123", "Стр. %d от 5",
                "№ Наименование на стоката/услугата Количество Мярка Ед. цена Стойност");
        assertThat(pages.get(4)).contains("Сума за плащане", "Словом:");
    }

    @Test
    void theLongEnglishInvoiceHasFivePagesEachWithHeadersPageNumberAndLines() {
        List<String> pages = PdfText.pages(RENDERER.render(Invoices.longInvoice(120), Language.EN));

        assertFivePagesOfLines(pages, "INVOICE No. 0000000123", "Page %d of 5",
                "# Description Quantity Unit Unit price Amount");
        assertThat(pages.get(4)).contains("Total due", "In words:");
    }

    @Test
    void rendersInParallelOnThePool() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> pdfs = callers.invokeAll(List.of(
                    () -> RENDERER.render(Invoices.invoice(), Language.BG),
                    () -> RENDERER.render(Invoices.invoice(), Language.EN),
                    () -> RENDERER.render(Invoices.invoice(), Language.BG),
                    () -> RENDERER.render(Invoices.invoice(), Language.EN)));
            for (Future<byte[]> pdf : pdfs) {
                assertThat(PdfText.text(pdf.get())).contains("0000000123", "Акме ООД", "581");
            }
        } finally {
            callers.shutdownNow();
        }
    }

    /**
     * Five pages, each with the running header (title and number) and its page number, the lines table's header
     * and some of the lines; every line printed once, in order.
     */
    private static void assertFivePagesOfLines(List<String> pages, String runningHeader, String pageNumber,
                                               String tableHeader) {
        assertThat(pages).hasSize(5);
        List<Integer> printed = new ArrayList<>();
        for (int page = 1; page <= pages.size(); page++) {
            String text = pages.get(page - 1);
            assertThat(text).as("page %d", page)
                    .startsWith(runningHeader)
                    .contains(pageNumber.formatted(page), tableHeader);
            List<Integer> onPage = linePositions(text);
            assertThat(onPage).as("lines on page %d", page).isNotEmpty();
            printed.addAll(onPage);
        }
        assertThat(printed).containsExactlyElementsOf(IntStream.rangeClosed(1, 120).boxed().toList());
    }

    private static List<Integer> linePositions(String page) {
        List<Integer> positions = new ArrayList<>();
        Matcher line = LONG_INVOICE_LINE.matcher(page);
        while (line.find()) {
            positions.add(Integer.valueOf(line.group(1)));
        }
        return positions;
    }
}

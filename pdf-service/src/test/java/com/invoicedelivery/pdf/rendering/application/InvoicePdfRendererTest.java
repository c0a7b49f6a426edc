package com.invoicedelivery.pdf.rendering.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.pdf.testdata.Invoices;
import com.invoicedelivery.pdf.testdata.PdfText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class InvoicePdfRendererTest {

    private static final Pattern LINE = Pattern.compile("Консултантски услуги – ноември \\d+");
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    private static final InvoicePdfRenderer RENDERER = new InvoicePdfRenderer(InvoiceTemplate.load(),
            new PdfEngine(PdfEngine.DEJAVU_SANS), POOL, Duration.ofSeconds(60));

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Test
    void aBulgarianInvoicePrintsEveryMainFieldWithItsCyrillicIntact() {
        String text = PdfText.text(RENDERER.render(Invoices.invoice(), Language.BG));

        assertThat(text).contains(
                "ФАКТУРА", "№ 0000000123", "ОРИГИНАЛ",
                "Дата на издаване 28.11.2026 г.", "Дата на данъчното събитие 27.11.2026 г.", "Падеж 12.12.2026 г.",
                "Доставчик", "Акме ООД", "Адрес: ул. „Витоша“ 15, София, България", "ЕИК: 204567890",
                "ДДС №: BG204567890", "МОЛ: Иван Петров",
                "Получател", "Бета Трейд ЕООД", "Адрес: бул. „Мария Луиза“ 2, Пловдив, България", "ЕИК: 115123456",
                "Наименование на стоката/услугата", "Количество", "Мярка", "Ед. цена", "Стойност",
                "1 Консултантски услуги – ноември 12,5 час 98,7648 1 234,56",
                "2 Обучение по безопасност 1 бр. 100,00 100,00",
                "20 % 1 234,56 246,91", "0 % 100,00 0,00",
                "Основание за неначисляване на ДДС: чл. 113, ал. 9 ЗДДС",
                "Данъчна основа 1 334,56 EUR", "Начислен ДДС 246,91 EUR", "Сума за плащане 1 581,47 EUR",
                "Словом: хиляда петстотин осемдесет и едно евро и четиридесет и седем цента",
                "Начин на плащане Банков превод", "Банка Първа инвестиционна банка",
                "IBAN BG80BNBG96611020345678", "BIC FINVBGSF", "Благодарим Ви!",
                "Стр. 1 от 1");
    }

    @Test
    void anEnglishInvoicePrintsTheSameInvoiceWithEnglishLabelsAndNumbers() {
        String text = PdfText.text(RENDERER.render(Invoices.invoice(), Language.EN));

        assertThat(text).contains(
                "INVOICE", "No. 0000000123", "ORIGINAL",
                "Issue date 28 November 2026", "Tax event date 27 November 2026", "Due date 12 December 2026",
                "Supplier", "Акме ООД", "UIC: 204567890", "VAT No.: BG204567890", "Responsible person: Иван Петров",
                "Recipient", "Бета Трейд ЕООД",
                "Description", "Quantity", "Unit", "Unit price", "Amount",
                "1 Консултантски услуги – ноември 12.5 час 98.7648 1,234.56",
                "20% 1,234.56 246.91", "0% 100.00 0.00", "Legal ground for zero VAT: чл. 113, ал. 9 ЗДДС",
                "Tax base 1,334.56 EUR", "VAT amount 246.91 EUR", "Total due 1,581.47 EUR",
                "In words: one thousand five hundred and eighty-one euros and forty-seven cents",
                "Payment method Банков превод", "IBAN BG80BNBG96611020345678",
                "Page 1 of 1");
        assertThat(text).doesNotContain("ФАКТУРА", "Доставчик");
    }

    @Test
    void everyFontIsEmbeddedRegularAndBold() {
        List<PdfText.Font> fonts = PdfText.fonts(RENDERER.render(Invoices.invoice(), Language.BG));

        assertThat(fonts).isNotEmpty().allMatch(PdfText.Font::embedded, "embedded");
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
    void aLongInvoiceFlowsOverPagesWithTheTableHeaderAndPageNumberOnEach() {
        byte[] pdf = RENDERER.render(Invoices.withManyLines(Invoices.invoice(), 120), Language.BG);

        List<String> pages = PdfText.pages(pdf);
        assertThat(pages).hasSizeGreaterThan(2);
        for (int page = 1; page <= pages.size(); page++) {
            String text = pages.get(page - 1);
            assertThat(text).startsWith("ФАКТУРА № 0000000123").contains("Стр. " + page + " от " + pages.size());
            if (LINE.matcher(text).find()) {
                assertThat(text).contains("№ Наименование на стоката/услугата Количество Мярка Ед. цена Стойност");
            }
        }
        assertThat(PdfText.text(pdf)).contains("Консултантски услуги – ноември 120 12,5");
        assertThat(pages.stream().filter(text -> LINE.matcher(text).find())).hasSizeGreaterThan(2);
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
                assertThat(PdfText.text(pdf.get())).contains("0000000123", "Акме ООД");
            }
        } finally {
            callers.shutdownNow();
        }
    }
}

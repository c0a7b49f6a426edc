package com.invoicedelivery.invoice.importing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.ImportRowResult;
import com.invoicedelivery.events.ImportedClient;
import com.invoicedelivery.events.ImportedInvoice;
import com.invoicedelivery.events.ImportedLine;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.SendOverrides;
import com.invoicedelivery.invoice.shared.domain.LimitExceededException;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import com.invoicedelivery.invoice.shared.domain.Violations;
import org.junit.jupiter.api.Test;

class ImportRowsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);

    @Test
    void aGoodRowNamingAClientHasNoViolations() {
        assertThat(fields(row("c1", null, List.of(line("20")), null))).isEmpty();
    }

    @Test
    void theInvoiceRulesNameTheRowsOwnFields() {
        assertThat(fields(row("c1", null, List.of(), null))).containsExactly("lines");
        assertThat(fields(row("c1", null, List.of(line("7")), null))).containsExactly("lines[0].vatRate");
        assertThat(fields(row("c1", null, Arrays.asList(line("20"), null), null))).containsExactly("lines[1]");
    }

    @Test
    void aRowNamesAClientOrDescribesOneButNotBoth() {
        ImportedClient described = client("GB123456789", "United Kingdom", List.of("a@b.co.uk"));

        assertThat(fields(row(null, null, List.of(line("20")), null))).containsExactly("clientId");
        assertThat(fields(row("c1", described, List.of(line("20")), null))).containsExactly("client");
        assertThat(fields(row(null, described, List.of(line("20")), null))).as("a foreign registration number").isEmpty();
        assertThat(fields(row(null, client("GB123", "България", List.of("bad")), List.of(line("20")), null)))
                .containsExactly("client.uic", "client.emails[0]");
    }

    @Test
    void theSendOverridesFollowTheSendRules() {
        SendOverrides overrides = new SendOverrides(Collections.nCopies(21, "a@b.bg"), "Тема {number}", null, Language.EN);

        assertThat(fields(row("c1", null, List.of(line("20")), overrides)))
                .containsExactly("send.recipients", "send.subject");
    }

    @Test
    void anExternalReferenceIsRepeatedInTheAnswerAtMostAtItsLimit() {
        ImportedInvoice row = new ImportedInvoice("r".repeat(5_000), "c1", null, null, null, DAY, null, null, null,
                null, List.of(line("20")), null, null);

        assertThat(fields(row)).containsExactly("externalRef");
        assertThat(ImportRows.externalRef(row)).hasSize(100);
    }

    @Test
    void aBatchHasABatchIdAndOneToFiveHundredRowsAndAnEmptyRowIsRefusedOnItsOwn() {
        List<ImportedInvoice> rows = new ArrayList<>(Collections.nCopies(501, row("c1", null, List.of(line("20")), null)));

        LimitExceededException tooMany = catchThrowableOfType(LimitExceededException.class,
                new ImportBatch("b1", false, rows, null)::validated);
        RuleViolationException noId = catchThrowableOfType(RuleViolationException.class,
                new ImportBatch(" ", false, List.of(row("c1", null, List.of(line("20")), null)), null)::validated);

        assertThat(tooMany.limit()).isEqualTo(500);
        assertThat(noId.violations()).extracting(RuleViolation::field).containsExactly("batchId");
        ImportBatch withEmptyRow = new ImportBatch("b1", true, Arrays.asList(row("c1", null, List.of(line("20")), null),
                null), null).validated();
        assertThat(fields(withEmptyRow.rows().get(1))).contains("clientId", "issueDate", "lines");
    }

    @Test
    void aBatchDeliveredAgainAnswersAlreadyImportedWithTheFirstIdsAndTheSameRefusals() {
        ImportOutcome first = new ImportOutcome("b1", List.of(ImportOutcome.imported(0, "x", "i0", "s0", null),
                ImportOutcome.refused(1, "y", List.of(new RuleViolation("lines", "must hold at least one line")))));

        ImportOutcome again = first.repeated();

        assertThat(again.rows()).extracting(ImportRowResult::status)
                .containsExactly(ImportRowResult.Status.ALREADY_IMPORTED, ImportRowResult.Status.REFUSED);
        assertThat(again.rows().get(0).invoiceId()).isEqualTo("i0");
        assertThat(again.rows().get(0).sendId()).isEqualTo("s0");
        assertThat(again.rows().get(1).errors()).isEqualTo(first.rows().get(1).errors());
    }

    @Test
    void theIdsOfARowFollowFromTheTenantTheBatchAndTheRow() {
        assertThat(ImportIds.invoice("t", "b", 0)).isEqualTo(ImportIds.invoice("t", "b", 0))
                .isNotEqualTo(ImportIds.invoice("t", "b", 1)).isNotEqualTo(ImportIds.invoice("u", "b", 0))
                .isNotEqualTo(ImportIds.send("t", "b", 0)).isNotEqualTo(ImportIds.client("t", "b", 0));
    }

    private static List<String> fields(ImportedInvoice row) {
        Violations violations = new Violations();
        ImportRows.validate(row, violations);
        return violations.list().stream().map(RuleViolation::field).toList();
    }

    private static ImportedInvoice row(String clientId, ImportedClient client, List<ImportedLine> lines,
                                       SendOverrides send) {
        return new ImportedInvoice("ext", clientId, client, null, DocumentKind.INVOICE, DAY, DAY, DAY.plusDays(14),
                "EUR", "Банков превод", lines, null, send);
    }

    private static ImportedLine line(String vatRate) {
        return new ImportedLine("Абонамент", BigDecimal.ONE, "бр.", new BigDecimal("99.90"), new BigDecimal(vatRate), null);
    }

    private static ImportedClient client(String uic, String country, List<String> emails) {
        return new ImportedClient("New Client Ltd", "1 Main Street", "London", country, uic, null, null, emails,
                Language.EN);
    }
}

package com.invoicedelivery.invoice.invoicing.domain;

import static com.invoicedelivery.invoice.invoicing.domain.InvoiceLines.ISSUED_ON;
import static com.invoicedelivery.invoice.invoicing.domain.InvoiceLines.draft;
import static com.invoicedelivery.invoice.invoicing.domain.InvoiceLines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class InvoiceDraftTest {

    @Test
    void aDraftLeftOpenGetsTheDefaults() {
        InvoiceDraft draft = new InvoiceDraft(" client-1 ", null, null, ISSUED_ON, null, null, null, "  ",
                List.of(new InvoiceLine(1, " Услуга ", BigDecimal.ONE, " ", BigDecimal.TEN, new BigDecimal("20.0"),
                        "ignored")), null).validated();

        assertThat(draft.clientId()).isEqualTo("client-1");
        assertThat(draft.kind()).isEqualTo(DocumentKind.INVOICE);
        assertThat(draft.taxEventDate()).isEqualTo(ISSUED_ON);
        assertThat(draft.currency()).isEqualTo("EUR");
        assertThat(draft.paymentMethod()).isNull();
        InvoiceLine line = draft.lines().get(0);
        assertThat(line.description()).isEqualTo("Услуга");
        assertThat(line.unit()).isNull();
        assertThat(line.vatRate()).isEqualTo(new BigDecimal("20"));
        assertThat(line.vatExemptionReason()).as("only a 0 % rate has an exemption reason").isNull();
    }

    @Test
    void everyBrokenRuleIsNamedByItsField() {
        InvoiceLine noQuantity = new InvoiceLine(1, "", null, null, new BigDecimal("-1"), new BigDecimal("15"), null);
        InvoiceLine exemptWithoutReason = new InvoiceLine(2, "Износ", new BigDecimal("-2"), null, BigDecimal.ONE,
                BigDecimal.ZERO, null);
        InvoiceDraft draft = new InvoiceDraft(null, "123", null, ISSUED_ON, null, ISSUED_ON.minusDays(1), "euro",
                null, List.of(noQuantity, exemptWithoutReason), null);

        assertThat(fields(draft)).containsExactly("clientId", "number", "dueDate", "currency",
                "lines[0].description", "lines[0].quantity", "lines[0].unitPrice", "lines[0].vatRate",
                "lines[1].quantity", "lines[1].vatExemptionReason");
    }

    @Test
    void anInvoiceHasOneToFiveHundredLines() {
        assertThat(fields(draft(List.of()))).containsExactly("lines");
        assertThat(fields(draft(Collections.nCopies(501, line("1", "1", "20"))))).containsExactly("lines");
        assertThat(draft(Collections.nCopies(500, line("1", "1", "20"))).validated().lines()).hasSize(500);
        List<InvoiceLine> withHole = new ArrayList<>();
        withHole.add(null);
        assertThat(fields(draft(withHole))).containsExactly("lines[0]");
    }

    private static List<String> fields(InvoiceDraft draft) {
        return catchThrowableOfType(RuleViolationException.class, draft::validated).violations().stream()
                .map(RuleViolation::field).toList();
    }
}

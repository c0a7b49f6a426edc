package com.invoicedelivery.invoice.invoicing.domain;

import static com.invoicedelivery.invoice.invoicing.domain.InvoiceLines.draft;
import static com.invoicedelivery.invoice.invoicing.domain.InvoiceLines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.invoicedelivery.invoice.shared.domain.StateConflictException;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final Invoice draft = Invoice.draft("inv-1", "acme", "0000000001",
            draft(List.of(line("2", "100.50", "20"))).validated(), NOW);

    @Test
    void aNewInvoiceIsADraftWithItsTotals() {
        assertThat(draft.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(draft.totals().total()).isEqualTo(new BigDecimal("241.20"));
        assertThat(draft.sendStatus()).isNull();
        assertThat(draft.issuedAt()).isNull();
    }

    @Test
    void aDraftIsIssuedOnce() {
        Invoice issued = draft.issued(NOW.plusSeconds(60));

        assertThat(issued.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(issued.issuedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(catchThrowableOfType(StateConflictException.class, () -> issued.issued(NOW)).violations())
                .singleElement().satisfies(violation -> assertThat(violation.field()).isEqualTo("status"));
    }

    @Test
    void onlyAnIssuedInvoiceCanBeSent() {
        assertThatThrownBy(draft::requireSendable).isInstanceOf(StateConflictException.class)
                .satisfies(e -> assertThat(((StateConflictException) e).violations().get(0).field()).isEqualTo("invoiceId"))
                .hasMessageContaining("DRAFT");
        draft.issued(NOW).requireSendable();
    }
}

package com.invoicedelivery.invoice.send.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.InvoiceSnapshotRules;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceDraft;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceLine;
import com.invoicedelivery.invoice.tenant.domain.Plan;
import org.junit.jupiter.api.Test;

/** The snapshot invoice-service sends meets the rules pdf-service prints by ({@link InvoiceSnapshotRules}). */
class InvoiceSnapshotsTest {

    @Test
    void aSnapshotsNumberAndFiguresMeetTheRulesItIsPrintedBy() {
        LocalDate day = LocalDate.of(2026, 11, 28);
        List<InvoiceLine> lines = List.of(
                new InvoiceLine(1, "Поддръжка", new BigDecimal("3"), "ч.", new BigDecimal("33.333"), new BigDecimal("20"), null),
                new InvoiceLine(2, "Хостинг", new BigDecimal("7"), "мес.", new BigDecimal("1.115"), new BigDecimal("20"), null),
                new InvoiceLine(3, "Нощувка", new BigDecimal("2"), "бр.", new BigDecimal("45.455"), new BigDecimal("9"), null),
                new InvoiceLine(4, "Износ", new BigDecimal("1"), "бр.", new BigDecimal("10"), new BigDecimal("0"),
                        "чл. 28 ЗДДС"));
        InvoiceDraft draft = new InvoiceDraft("client-1", null, DocumentKind.INVOICE, day, day, day.plusDays(10), "EUR",
                "Банков превод", lines, null).validated();
        Invoice invoice = Invoice.draft("inv-1", "acme", "0000000042", draft, SendFixtures.NOW).issued(SendFixtures.NOW);

        InvoiceSnapshot snapshot = InvoiceSnapshots.of(invoice, SendFixtures.tenant(Plan.values()[0], false),
                SendFixtures.client(Language.BG, "client@beta.example"));

        assertThat(InvoiceSnapshotRules.isDocumentNumber(snapshot.number())).isTrue();
        assertThat(snapshot.vat()).hasSize(3);
        assertThat(InvoiceSnapshotRules.sumsThatDoNotAddUp(snapshot)).isEmpty();
    }
}

package com.invoicedelivery.invoice.importing.web;

import java.util.List;

import com.invoicedelivery.events.ImportRowResult;
import com.invoicedelivery.invoice.importing.domain.ImportOutcome;

/** The answer to {@code POST /api/imports}: per row, in the order of the rows, what was imported or refused and why. */
record ImportView(String batchId, List<ImportRowResult> rows) {

    static ImportView of(ImportOutcome outcome) {
        return new ImportView(outcome.batchId(), outcome.rows());
    }
}

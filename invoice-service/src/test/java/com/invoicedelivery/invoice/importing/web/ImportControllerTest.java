package com.invoicedelivery.invoice.importing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.invoicedelivery.invoice.importing.application.Importing;
import com.invoicedelivery.invoice.importing.domain.ImportBatch;
import com.invoicedelivery.invoice.importing.domain.ImportOutcome;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The import API: the rows are the events module's records, the answer lists every row. */
@WebMvcTest(ImportController.class)
class ImportControllerTest extends WebSliceTest {

    @MockitoBean
    Importing importing;

    @Test
    void aBatchIsImportedForTheCallersTenantAndEveryRowIsAnswered() throws Exception {
        given(importing.importBatch(eq(TENANT), any(), eq(false))).willReturn(new ImportOutcome("b1", List.of(
                ImportOutcome.imported(0, "ext-0", "i0", "s0", null),
                ImportOutcome.refused(1, "ext-1", List.of(new RuleViolation("lines[0].vatRate", "must be 20, 9 or 0"))))));

        mvc.perform(post("/api/imports").header("Authorization", userToken()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"batchId":"b1","sendAfterImport":true,"invoices":[
                                  {"externalRef":"ext-0","clientId":"c1","issueDate":"2026-11-28",
                                   "lines":[{"description":"Абонамент","quantity":1,"unitPrice":"99.90","vatRate":20}],
                                   "send":{"recipients":["x@y.bg"],"language":"EN"}},
                                  {"externalRef":"ext-1","clientId":"c1"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.batchId").value("b1"))
                .andExpect(jsonPath("$.rows[0].status").value("IMPORTED"))
                .andExpect(jsonPath("$.rows[0].invoiceId").value("i0"))
                .andExpect(jsonPath("$.rows[0].sendId").value("s0"))
                .andExpect(jsonPath("$.rows[1].status").value("REFUSED"))
                .andExpect(jsonPath("$.rows[1].errors[0].field").value("lines[0].vatRate"));
        ArgumentCaptor<ImportBatch> batch = ArgumentCaptor.forClass(ImportBatch.class);
        then(importing).should().importBatch(eq(TENANT), batch.capture(), eq(false));
        assertThat(batch.getValue().sendAfterImport()).isTrue();
        assertThat(batch.getValue().rows()).hasSize(2);
        assertThat(batch.getValue().rows().get(0).send().recipients()).containsExactly("x@y.bg");
    }

    @Test
    void aRowWithAnUnknownFieldOrAWrongTypeRefusesTheRequest() throws Exception {
        for (String body : List.of("{\"batchId\":\"b1\",\"invoices\":[{\"$where\":\"1\"}]}",
                "{\"batchId\":\"b1\",\"invoices\":[\"a\"]}", "{\"batchId\":\"b1\",\"sendAfterImport\":2}")) {
            mvc.perform(post("/api/imports").header("Authorization", userToken())
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        then(importing).shouldHaveNoInteractions();
    }
}

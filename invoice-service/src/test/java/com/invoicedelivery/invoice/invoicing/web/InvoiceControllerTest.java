package com.invoicedelivery.invoice.invoicing.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.client.application.Clients;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.application.Invoices;
import com.invoicedelivery.invoice.invoicing.persistence.InvoiceNumberSequence;
import com.invoicedelivery.invoice.invoicing.persistence.InvoiceStore;
import com.invoicedelivery.invoice.shared.domain.PartyDetails;
import com.invoicedelivery.invoice.testing.WebSliceTest;
import com.invoicedelivery.kit.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The invoice API with the real application and domain behind it; only the store is mocked. */
@WebMvcTest(InvoiceController.class)
@Import(InvoiceControllerTest.RealInvoices.class)
class InvoiceControllerTest extends WebSliceTest {

    private static final String VALID = """
            {"clientId":"c1","kind":"INVOICE","issueDate":"2026-11-28","taxEventDate":"2026-11-28",
             "dueDate":"2026-12-08","currency":"EUR","paymentMethod":"Банков превод",
             "lines":[{"description":"Поддръжка","quantity":"2","unit":"мес.","unitPrice":"100.50","vatRate":"20"}]}
            """;

    @TestConfiguration(proxyBeanMethods = false)
    static class RealInvoices {
        @Bean
        Invoices invoices(InvoiceStore store, InvoiceNumberSequence sequence, Clients clients) {
            return new Invoices(store, sequence, clients, Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
        }
    }

    @MockitoBean
    InvoiceStore store;
    @MockitoBean
    InvoiceNumberSequence sequence;
    @MockitoBean
    Clients clients;

    @BeforeEach
    void aTenantWithAClient() {
        Client client = Client.create("c1", TENANT, new PartyDetails("Бета", "ул. 1", "Варна", "България", null, null,
                null), List.of("b@beta.example"), Language.BG, Instant.EPOCH);
        given(clients.find(TENANT, "c1")).willReturn(Optional.of(client));
    }

    @Test
    void aDraftIsCreatedWithTheNextNumberAndItsTotals() throws Exception {
        given(sequence.next(TENANT)).willReturn(7L);
        given(store.insert(any())).willReturn(true);

        mvc.perform(json(post("/api/invoices"), VALID))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/invoices/")))
                .andExpect(jsonPath("$.number").value("0000000007"))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(content().string(containsString("\"amount\":201.00")))
                .andExpect(content().string(containsString("\"taxBase\":201.00,\"vatAmount\":40.20,\"total\":241.20")));
    }

    @Test
    void brokenRulesAreAProblemNamingEveryFieldAndNothingIsStored() throws Exception {
        String body = VALID.replace("\"dueDate\":\"2026-12-08\"", "\"dueDate\":\"2026-11-27\"")
                .replace("\"vatRate\":\"20\"}]", "\"vatRate\":\"15\"},{\"description\":\"Износ\",\"quantity\":\"1\","
                        + "\"unitPrice\":\"5\",\"vatRate\":\"0\"}]");

        mvc.perform(json(post("/api/invoices"), body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains(
                        "dueDate", "lines[0].vatRate", "lines[1].vatExemptionReason")));
        verifyNoInteractions(store, sequence);
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsPath() throws Exception {
        mvc.perform(json(post("/api/invoices"), VALID.replace("\"quantity\":\"2\"", "\"quantity\":\"two\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
        mvc.perform(json(post("/api/invoices"), VALID.replace("\"kind\":\"INVOICE\"", "\"kind\":\"RECEIPT\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
    }

    @Test
    void anUnknownFieldIsRefused() throws Exception {
        mvc.perform(json(post("/api/invoices"), VALID.replace("{\"clientId\"", "{\"colour\":\"red\",\"clientId\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("colour"));
        verifyNoInteractions(store);
    }

    @Test
    void aNumberInUseIsAConflictNamingTheNumber() throws Exception {
        given(store.insert(any())).willReturn(false);

        mvc.perform(json(post("/api/invoices"), VALID.replace("{\"clientId\"", "{\"number\":\"0000000042\",\"clientId\"")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("number"));
    }

    @Test
    void anUnknownInvoiceIsNotFoundAndAnUnknownStatusFilterIsInvalid() throws Exception {
        mvc.perform(get("/api/invoices/nope").header("Authorization", userToken()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Invoice nope was not found"));
        mvc.perform(get("/api/invoices").param("sendStatus", "LOST").header("Authorization", userToken()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sendStatus"));
    }

    @Test
    void onlyTenantUsersMayCall() throws Exception {
        mvc.perform(get("/api/invoices")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/invoices").header("Authorization", "Bearer " + TestTokens.operations()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/invoices").header("Authorization", "Bearer " + TestTokens.token("x", null, "tenant_user")))
                .andExpect(status().isForbidden());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.header("Authorization", userToken()).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}

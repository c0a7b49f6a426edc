package com.invoicedelivery.invoice.send.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.send.application.BulkSending;
import com.invoicedelivery.invoice.send.application.SendPreviews;
import com.invoicedelivery.invoice.send.domain.InvoiceEmail;
import com.invoicedelivery.invoice.send.domain.InvoiceSelection;
import com.invoicedelivery.invoice.send.domain.Send;
import com.invoicedelivery.invoice.send.domain.SendBatch;
import com.invoicedelivery.invoice.send.domain.SendPreviewItem;
import com.invoicedelivery.invoice.send.domain.SendRecipient;
import com.invoicedelivery.invoice.shared.domain.PartyDetails;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.UnknownReferenceException;
import com.invoicedelivery.invoice.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The preview and bulk send API: how requests become batches and how answers and refusals look. */
@WebMvcTest(BulkSendController.class)
class BulkSendControllerTest extends WebSliceTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @MockitoBean
    SendPreviews previews;
    @MockitoBean
    BulkSending sending;

    @Test
    void thePreviewShowsEachInvoiceInTheOrderAskedWithADraftNotSendable() throws Exception {
        Invoice draft = draftInvoice("i2");
        Client client = Client.create("c1", TENANT, new PartyDetails("Бета ЕАД", "ул. 2", "Варна", "България", null,
                null, null), List.of("b@beta.example"), Language.BG, NOW);
        InvoiceEmail email = new InvoiceEmail(List.of("b@beta.example"), Language.BG, DeliveryMode.LINK, "Тема",
                "Вижте {link}");
        given(previews.preview(eq(TENANT), any())).willReturn(List.of(SendPreviewItem.unknown("nope"),
                SendPreviewItem.of(draft, client, email)));

        mvc.perform(post("/api/sends/preview").header("Authorization", userToken())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"invoiceIds\":[\"nope\",\"i2\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].invoiceId").value("nope"))
                .andExpect(jsonPath("$.items[0].sendable").value(false))
                .andExpect(jsonPath("$.items[0].problems[0].field").value("invoiceId"))
                .andExpect(jsonPath("$.items[1].invoiceNumber").value("0000000042"))
                .andExpect(jsonPath("$.items[1].clientId").value("c1"))
                .andExpect(jsonPath("$.items[1].clientName").value("Бета ЕАД"))
                .andExpect(jsonPath("$.items[1].recipients[0]").value("b@beta.example"))
                .andExpect(jsonPath("$.items[1].subject").value("Тема"))
                .andExpect(jsonPath("$.items[1].message").value("Вижте {link}"))
                .andExpect(jsonPath("$.items[1].language").value("BG"))
                .andExpect(jsonPath("$.items[1].mode").value("LINK"))
                .andExpect(jsonPath("$.items[1].sendable").value(false))
                .andExpect(jsonPath("$.items[1].problems[0].message").value(org.hamcrest.Matchers.containsString("DRAFT")));
        ArgumentCaptor<InvoiceSelection> selection = ArgumentCaptor.forClass(InvoiceSelection.class);
        then(previews).should().preview(eq(TENANT), selection.capture());
        assertThat(selection.getValue().invoiceIds()).containsExactly("nope", "i2");
    }

    @Test
    void aBulkSendAnswers202WithASendPerInvoiceAndPassesTheKeyAndEveryEdit() throws Exception {
        given(sending.send(eq(TENANT), any(), eq("key-1"))).willReturn(List.of(send("s1", "i1"), send("s2", "i2")));

        mvc.perform(post("/api/sends").header("Authorization", userToken()).header("Idempotency-Key", "key-1")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"invoices":[{"invoiceId":"i1","recipients":["a@b.bg"],"subject":"Тема",
                                  "message":"Писмо {link}","language":"EN"},{"invoiceId":"i2"}]}"""))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.sends[0].invoiceId").value("i1"))
                .andExpect(jsonPath("$.sends[0].sendId").value("s1"))
                .andExpect(jsonPath("$.sends[0].status").value("REQUESTED"))
                .andExpect(jsonPath("$.sends[1].sendId").value("s2"));
        ArgumentCaptor<SendBatch> batch = ArgumentCaptor.forClass(SendBatch.class);
        then(sending).should().send(eq(TENANT), batch.capture(), eq("key-1"));
        SendBatch.Item first = batch.getValue().items().get(0);
        assertThat(first.invoiceId()).isEqualTo("i1");
        assertThat(first.options().recipients()).containsExactly("a@b.bg");
        assertThat(first.options().subject()).isEqualTo("Тема");
        assertThat(first.options().message()).isEqualTo("Писмо {link}");
        assertThat(first.options().language()).isEqualTo(Language.EN);
        assertThat(batch.getValue().items().get(1).options().recipients()).isNull();
    }

    @Test
    void aBrokenLimitIsAProblemThatNamesTheFieldAndTheLimit() throws Exception {
        given(sending.send(eq(TENANT), any(), any())).willAnswer(call -> {
            call.getArgument(1, SendBatch.class).validated();
            return List.of();
        });
        String tooMany = "[" + "\"a@b.bg\",".repeat(20) + "\"a@b.bg\"]";

        mvc.perform(post("/api/sends").header("Authorization", userToken()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"invoices\":[{\"invoiceId\":\"i1\",\"recipients\":" + tooMany + "}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://invoicedelivery.com/problems/limit-exceeded"))
                .andExpect(jsonPath("$.limit").value(20))
                .andExpect(jsonPath("$.errors[0].field").value("invoices[0].recipients"));
    }

    @Test
    void anUnknownInvoiceIsA404NamingItsField() throws Exception {
        given(sending.send(eq(TENANT), any(), any())).willThrow(new UnknownReferenceException("Invoice", List.of("x"),
                List.of(new RuleViolation("invoices[1].invoiceId", "no invoice of yours has the id x"))));

        mvc.perform(post("/api/sends").header("Authorization", userToken()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"invoices\":[{\"invoiceId\":\"i1\"},{\"invoiceId\":\"x\"}]}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Invoice x was not found"))
                .andExpect(jsonPath("$.errors[0].field").value("invoices[1].invoiceId"));
    }

    @Test
    void aWrongTypeOrAnUnknownFieldIsRefusedBeforeAnythingIsSent() throws Exception {
        for (String body : List.of("{\"invoices\":\"i1\"}", "{\"invoices\":[\"i1\"]}", "{\"invoiceIds\":[]}",
                "{\"invoices\":[{\"invoiceId\":\"i1\",\"colour\":\"red\"}]}")) {
            mvc.perform(post("/api/sends").header("Authorization", userToken()).contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        then(sending).shouldHaveNoInteractions();
    }

    private static Send send(String sendId, String invoiceId) {
        return Send.requested(sendId, TENANT, invoiceId, "0000000042", "c1", DeliveryMode.LINK, Language.BG, "Тема",
                "{link}", List.of(SendRecipient.requested("r1", "a@b.bg", "hash")), NOW);
    }
}

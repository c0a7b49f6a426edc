package com.invoicedelivery.invoice.send.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.invoice.client.application.Clients;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.application.Invoices;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.send.application.IdempotentRequests;
import com.invoicedelivery.invoice.send.application.InvoiceSending;
import com.invoicedelivery.invoice.send.application.SendIssuer;
import com.invoicedelivery.invoice.send.application.SendQueries;
import com.invoicedelivery.invoice.send.application.SendingContexts;
import com.invoicedelivery.invoice.send.domain.PersonalLinks;
import com.invoicedelivery.invoice.send.domain.Send;
import com.invoicedelivery.invoice.send.domain.SendRecipient;
import com.invoicedelivery.invoice.send.persistence.IdempotencyKeyStore;
import com.invoicedelivery.invoice.send.persistence.SendStore;
import com.invoicedelivery.invoice.shared.domain.PartyDetails;
import com.invoicedelivery.invoice.template.application.Templates;
import com.invoicedelivery.invoice.template.domain.TemplateBook;
import com.invoicedelivery.invoice.tenant.application.Tenants;
import com.invoicedelivery.invoice.tenant.domain.Company;
import com.invoicedelivery.invoice.tenant.domain.Plan;
import com.invoicedelivery.invoice.tenant.domain.Tenant;
import com.invoicedelivery.invoice.testing.WebSliceTest;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.kit.problem.NotFoundException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.testing.TestLinkSeal;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.json.JsonMapper;

/** The send API with the real sending service behind it; the stores and the relay are mocked. */
@WebMvcTest(SendController.class)
@Import(SendControllerTest.RealSending.class)
class SendControllerTest extends WebSliceTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class RealSending {
        @Bean
        InvoiceSending invoiceSending(Invoices invoices, Clients clients, Tenants tenants, Templates templates,
                                      IdempotencyKeyStore keys, SendStore sends, OutboxRelay relay, JsonMapper json) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            SendIssuer issuer = new SendIssuer(sends, invoices,
                    new PersonalLinks(new SecureRandom(), "http://links.test", Duration.ofDays(180),
                            content -> TestLinkSeal.sealer().seal(content.fields())),
                    new OutboxEntries(json), relay, clock, new SimpleMeterRegistry());
            return new InvoiceSending(invoices, clients, new SendingContexts(tenants, templates),
                    new IdempotentRequests(keys, clock), issuer);
        }
    }

    @MockitoBean
    Invoices invoices;
    @MockitoBean
    Clients clients;
    @MockitoBean
    Tenants tenants;
    @MockitoBean
    Templates templates;
    @MockitoBean
    IdempotencyKeyStore keys;
    @MockitoBean
    SendStore sends;
    @MockitoBean
    OutboxRelay relay;
    @MockitoBean
    SendQueries queries;

    @BeforeEach
    void anIssuedInvoiceOfAClient() {
        PartyDetails company = new PartyDetails("Акме ООД", "ул. 1", "София", "България", "201234567", null, null);
        given(tenants.find(TENANT)).willReturn(Optional.of(
                Tenant.registered(TENANT, "Акме", "acme", Plan.PAID, new Company(company, "office@acme.example", null), false)));
        given(clients.find(TENANT, "c1")).willReturn(Optional.of(Client.create("c1", TENANT, new PartyDetails("Бета",
                "ул. 2", "Варна", "България", null, null, null), List.of("b@beta.example"), Language.EN, NOW)));
        given(invoices.get(TENANT, "issued")).willReturn(draftInvoice("issued").issued(NOW));
        given(invoices.get(TENANT, "draft")).willReturn(draftInvoice("draft"));
        given(invoices.get(TENANT, "nope")).willThrow(new NotFoundException("Invoice", "nope"));
        given(templates.book(TENANT)).willReturn(new TemplateBook(List.of()));
        given(sends.insertAllIfAbsent(anyList())).willAnswer(call -> call.<List<SendStore.Announced>>getArgument(0)
                .stream().map(announced -> announced.send().id()).collect(Collectors.toSet()));
    }

    @Test
    void aSendWithoutABodyGoesToTheClientAndIsStoredWithItsEvent() throws Exception {
        mvc.perform(post("/api/invoices/issued/send").header("Authorization", userToken()))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/sends/")))
                .andExpect(jsonPath("$.invoiceId").value("issued"))
                .andExpect(jsonPath("$.status").value("REQUESTED"));

        SendStore.Announced stored = stored();
        assertThat(stored.send().recipients()).extracting(SendRecipient::email).containsExactly("b@beta.example");
        assertThat(stored.send().language()).isEqualTo(Language.EN);
        assertThat(stored.send().subject()).isEqualTo("Document No. 0000000042 from Акме");
        assertThat(stored.requested().topic()).isEqualTo(Topics.SEND_REQUESTED);
        assertThat(stored.requested().key()).isEqualTo(stored.send().id());
        assertThat(stored.requested().type()).isEqualTo("InvoiceSendRequested");
        assertThat(stored.requested().payload()).contains("\"sealedLink\":\"")
                .contains("\"linkTokenHash\":\"" + stored.send().recipients().get(0).tokenHash() + "\"")
                .doesNotContain("http://links.test/l/");
        then(relay).should().kick(SendStore.COLLECTION, stored.send().id());
        then(invoices).should().recordLatestSends(eq(TENANT),
                argThat(latest -> latest.keySet().equals(Set.of("issued"))));
    }

    @Test
    void theStoredSendAndItsOutboxEntryHoldTheLinkSealedAndNeverTheTokenInClear() throws Exception {
        mvc.perform(post("/api/invoices/issued/send").header("Authorization", userToken()))
                .andExpect(status().isAccepted());

        SendStore.Announced stored = stored();
        String sealedLink = stored.requested().payload().replaceAll(".*\"sealedLink\":\"([^\"]+)\".*", "$1");
        String linkUrl = TestLinkSeal.openLink(sealedLink).linkUrl();
        String token = linkUrl.substring(linkUrl.lastIndexOf('/') + 1);
        assertThat(token).hasSize(43);
        assertThat(stored.requested().payload()).doesNotContain(token);
        assertThat(stored.send().toString()).doesNotContain(token);
        assertThat(stored.send().recipients().get(0).tokenHash()).isEqualTo(Sha256.tokenHash(token));
    }

    @Test
    void aBadAddressIsAProblemNamingItsPositionAndNothingIsSent() throws Exception {
        mvc.perform(post("/api/invoices/issued/send").header("Authorization", userToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"recipients\":[\"b@beta.example\",\"not-an-address\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("recipients[1]"));
        verifyNoInteractions(sends);
        then(relay).should(never()).kick(any(), any());
    }

    @Test
    void anUnknownLanguageIsAProblemNamingTheField() throws Exception {
        mvc.perform(post("/api/invoices/issued/send").header("Authorization", userToken())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"language\":\"DE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("language"));
        verifyNoInteractions(sends);
    }

    @Test
    void aDraftIsAConflictNamingTheInvoiceAndAnUnknownInvoiceIsNotFound() throws Exception {
        mvc.perform(post("/api/invoices/draft/send").header("Authorization", userToken())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("invoiceId"));
        mvc.perform(post("/api/invoices/nope/send").header("Authorization", userToken()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(sends);
        then(relay).should(never()).kick(any(), any());
    }

    @Test
    void theSameIdempotencyKeyNamesTheSameSendAndAnotherRequestWithItIsAConflict() throws Exception {
        given(keys.claim(eq(TENANT), eq("key-1"), any(), any())).willAnswer(call -> call.getArgument(2));
        given(keys.claim(eq(TENANT), eq("key-2"), any(), any())).willReturn("the fingerprint of another request");

        String first = mvc.perform(post("/api/invoices/issued/send").header("Authorization", userToken())
                        .header("Idempotency-Key", "key-1"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        String again = mvc.perform(post("/api/invoices/issued/send").header("Authorization", userToken())
                        .header("Idempotency-Key", "key-1"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        assertThat(again).isEqualTo(first);

        mvc.perform(post("/api/invoices/issued/send").header("Authorization", userToken())
                        .header("Idempotency-Key", "key-2"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        mvc.perform(post("/api/invoices/issued/send").header("Authorization", userToken())
                        .header("Idempotency-Key", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    /** The one send stored, with its event. */
    @SuppressWarnings("unchecked")
    private SendStore.Announced stored() {
        ArgumentCaptor<List<SendStore.Announced>> stored = ArgumentCaptor.forClass(List.class);
        then(sends).should().insertAllIfAbsent(stored.capture());
        assertThat(stored.getValue()).hasSize(1);
        return stored.getValue().get(0);
    }

    @Test
    void aSendShowsItsRecipientsAndTimelineWithoutTokenHashes() throws Exception {
        Send send = Send.requested("s1", TENANT, "issued", "0000000042", "c1", DeliveryMode.LINK, Language.BG,
                "Фактура № 0000000042", "{link}", List.of(SendRecipient.requested("r1", "b@beta.example", "secret-hash")), NOW);
        given(queries.get(TENANT, "s1")).willReturn(send);

        mvc.perform(get("/api/sends/s1").header("Authorization", userToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sendId").value("s1"))
                .andExpect(jsonPath("$.invoiceNumber").value("0000000042"))
                .andExpect(jsonPath("$.mode").value("LINK"))
                .andExpect(jsonPath("$.requestedAt").value("2026-11-28T10:00:00Z"))
                .andExpect(jsonPath("$.recipients[0].recipientId").value("r1"))
                .andExpect(jsonPath("$.recipients[0].status").value("REQUESTED"))
                .andExpect(jsonPath("$.recipients[0].downloads").isEmpty())
                .andExpect(jsonPath("$.timeline[0].step").value("REQUESTED"))
                .andExpect(jsonPath("$.timeline[0].at").value("2026-11-28T10:00:00Z"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret-hash"))));
    }
}

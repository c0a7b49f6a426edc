package com.invoicedelivery.tracking.link.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;
import java.time.Instant;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.tracking.TestSends;
import com.invoicedelivery.tracking.link.application.ClientLinks;
import com.invoicedelivery.tracking.logo.application.TenantLogos;
import com.invoicedelivery.tracking.link.application.FormTokens;
import com.invoicedelivery.tracking.link.application.SharedClientLimit;
import com.invoicedelivery.tracking.link.application.LinkExpiredException;
import com.invoicedelivery.tracking.link.application.LinkPage;
import com.invoicedelivery.tracking.link.application.LinkUnavailableException;
import com.invoicedelivery.tracking.link.application.RenewalAnswer;
import com.invoicedelivery.tracking.link.domain.Link;
import com.invoicedelivery.tracking.link.domain.LinkToken;
import com.invoicedelivery.tracking.link.domain.NewLinks;
import com.invoicedelivery.tracking.link.domain.RequestSignals;
import com.invoicedelivery.kit.digest.Sha256;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The controller and the link pages' filter chain, with the application mocked. */
@WebMvcTest(controllers = LinkPageController.class,
        properties = {"tracking.rate-limits.per-token.capacity=10", "tracking.rate-limits.per-token.per-minute=1"})
@Import({LinkPagesSecurityConfiguration.class, LinkWebConfiguration.class})
class LinkPageControllerTest {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ClientLinks links;
    @MockitoBean
    FormTokens formTokens;
    /** The count across replicas (the store's) allows everything here: the slice has no store. */
    @MockitoBean
    SharedClientLimit allReplicas;
    /** No tenant has a logo here (the mock's empty answers). */
    @MockitoBean
    TenantLogos logos;

    private final String token = TestSends.newToken();
    private final Link link = NewLinks.forSend("acme", TestSends.linkSend(Language.EN, TestSends.usualExpiry(),
            TestSends.recipient("buyer@example.com", token)), false, Instant.now()).get(0);

    @BeforeEach
    void pagesAndTokensWork() {
        given(links.open(eq(token), any())).willReturn(new LinkPage(link, false));
        given(links.current(token)).willReturn(new LinkPage(link, false));
        given(formTokens.spend(anyString())).willReturn(true);
        given(allReplicas.take(anyString())).willReturn(Duration.ZERO);
    }

    @Test
    void thePageIsTheConsentRequestWhileConsentIsDueWithTheStrictHeaders() throws Exception {
        given(links.open(eq(token), any())).willReturn(new LinkPage(link, true));

        mvc.perform(get("/l/" + token).header("User-Agent", FIREFOX))
                .andExpect(status().isOk())
                .andExpect(view().name("link/consent"))
                .andExpect(header().string("Content-Security-Policy", LinkSafetyIntegrationTest.CSP))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(result -> assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store"));
    }

    @Test
    void whatTheRequestSaysAboutItsSenderReachesTheApplication() throws Exception {
        mvc.perform(get("/l/" + token).header("User-Agent", "curl/8.5.0").header("Sec-Purpose", "prefetch"))
                .andExpect(status().isOk());
        mvc.perform(head("/l/" + token).header("User-Agent", FIREFOX).header("Purpose", "prefetch"))
                .andExpect(status().isOk());

        verify(links).open(token, new RequestSignals("GET", "curl/8.5.0", "prefetch", "127.0.0.1"));
        verify(links).open(token, new RequestSignals("HEAD", FIREFOX, "prefetch", "127.0.0.1"));
    }

    @Test
    void theBeaconIsAPostWithTheFormTokenAndAnswers204WithoutSpendingIt() throws Exception {
        Form form = form();

        mvc.perform(form.post("/seen")).andExpect(status().isNoContent());

        verify(links).seen(eq(token), isNull(), eq(new RequestSignals("POST", FIREFOX, null, "127.0.0.1")));
        verify(formTokens, never()).spend(anyString());
    }

    @Test
    void aPostWithoutAFormTokenNeverReachesTheApplication() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/l/" + token + "/accept").header("User-Agent", FIREFOX)).andExpect(status().isForbidden());

        verify(links, never()).accept(anyString(), any());
    }

    @Test
    void aCrossSitePostNeverReachesTheApplication() throws Exception {
        Form form = form();

        mvc.perform(form.post("/accept").header("Sec-Fetch-Site", "cross-site")).andExpect(status().isForbidden());
        mvc.perform(form.post("/accept").header("Origin", "https://evil.example")).andExpect(status().isForbidden());

        verify(links, never()).accept(anyString(), any());
        verify(formTokens, never()).spend(anyString());
    }

    @Test
    void aSpentFormTokenNeverReachesTheApplication() throws Exception {
        Form form = form();
        given(formTokens.spend(anyString())).willReturn(false);

        mvc.perform(form.post("/accept")).andExpect(status().isForbidden());

        verify(links, never()).accept(anyString(), any());
    }

    @Test
    void aPostSpendsItsTokenAndGivesTheNextPageAFreshOne() throws Exception {
        Form form = form();

        MockHttpServletResponse answer = mvc.perform(form.post("/accept"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/l/" + token))
                .andReturn().getResponse();

        // the form token is bound to the link: a hash of the link token's hash and the cookie's secret
        String linkHash = LinkToken.parse(token).orElseThrow().hash();
        verify(formTokens).spend(Sha256.hex((linkHash + ":" + form.cookie().getValue()).getBytes(UTF_8)));
        verify(links).accept(eq(token), any());
        assertThat(answer.getCookie("XSRF-TOKEN")).isNotNull()
                .satisfies(fresh -> assertThat(fresh.getValue()).isNotBlank().isNotEqualTo(form.cookie().getValue()));
    }

    @Test
    void anExpiredLinksRenewalRequestLeadsToTheConfirmation() throws Exception {
        given(links.requestRenewal(token)).willReturn(RenewalAnswer.REQUESTED, RenewalAnswer.ASKED_RECENTLY,
                RenewalAnswer.NOT_EXPIRED);
        Form form = form();

        mvc.perform(form.post("/renew")).andExpect(redirectedUrl("/l/" + token + "/renewal"));
        form = form();
        mvc.perform(form.post("/renew")).andExpect(redirectedUrl("/l/" + token + "/renewal"));
        form = form();
        mvc.perform(form.post("/renew")).andExpect(redirectedUrl("/l/" + token));
    }

    @Test
    void anExpiredLinkGetsTheNeutralPageWithTheRenewalOfferAndAnUnknownOneWithout() throws Exception {
        String unknown = TestSends.newToken();
        given(links.open(eq(token), any())).willThrow(new LinkExpiredException());
        given(links.open(eq(unknown), any())).willThrow(new LinkUnavailableException("unknown token"));

        Document expired = Jsoup.parse(mvc.perform(get("/l/" + token).header("User-Agent", FIREFOX))
                .andExpect(status().isNotFound()).andExpect(view().name("link/invalid"))
                .andReturn().getResponse().getContentAsString());
        Document neutral = Jsoup.parse(mvc.perform(get("/l/" + unknown).header("User-Agent", FIREFOX))
                .andExpect(status().isNotFound()).andExpect(view().name("link/invalid"))
                .andReturn().getResponse().getContentAsString());

        assertThat(expired.select("form.renewal-form")).hasSize(2)
                .allSatisfy(offer -> assertThat(offer.attr("action")).isEqualTo("/l/" + token + "/renew"));
        assertThat(neutral.select("form")).isEmpty();
    }

    @Test
    void theRenewalConfirmationIsOnlyForExpiredLinks() throws Exception {
        given(links.isExpired(token)).willReturn(true, false);

        mvc.perform(get("/l/" + token + "/renewal")).andExpect(status().isOk()).andExpect(view().name("link/renewal"));
        mvc.perform(get("/l/" + token + "/renewal")).andExpect(redirectedUrl("/l/" + token));
    }

    @Test
    void tooManyRequestsForOneTokenGet429WithRetryAfterBeforeTheApplication() throws Exception {
        String busy = TestSends.newToken();
        willThrow(new LinkUnavailableException("unknown token")).given(links).open(eq(busy), any());
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/l/" + busy)).andExpect(status().isNotFound());
        }

        mvc.perform(get("/l/" + busy))
                .andExpect(status().isTooManyRequests())
                .andExpect(result -> assertThat(Integer.parseInt(result.getResponse().getHeader("Retry-After")))
                        .as("the next token comes a minute after the first was taken").isBetween(45, 60));

        verify(links, times(10)).open(eq(busy), any());
    }

    /** Opens the page as a browser would and keeps what its forms carry: the token cookie and the hidden field. */
    private Form form() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/l/" + token).header("User-Agent", FIREFOX))
                .andExpect(status().isOk()).andReturn().getResponse();
        String field = Jsoup.parse(page.getContentAsString()).select("input[name=_csrf]").first().attr("value");
        return new Form(token, page.getCookie("XSRF-TOKEN"), field);
    }

    private record Form(String linkToken, Cookie cookie, String field) {

        MockHttpServletRequestBuilder post(String path) {
            return MockMvcRequestBuilders.post("/l/" + linkToken + path)
                    .header("User-Agent", FIREFOX)
                    .cookie(cookie)
                    .param("_csrf", field);
        }
    }
}

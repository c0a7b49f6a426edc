package com.invoicedelivery.invoice.template.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.template.application.Templates;
import com.invoicedelivery.invoice.template.domain.MessageTemplate;
import com.invoicedelivery.invoice.template.domain.TenantTemplate;
import com.invoicedelivery.invoice.template.persistence.TemplateStore;
import com.invoicedelivery.invoice.testing.WebSliceTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The template API with the real rules behind it; only the store is mocked. */
@WebMvcTest(TemplateController.class)
@Import(TemplateControllerTest.RealTemplates.class)
class TemplateControllerTest extends WebSliceTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class RealTemplates {
        @Bean
        Templates templates(TemplateStore store) {
            return new Templates(store, Clock.systemUTC());
        }
    }

    @MockitoBean
    TemplateStore store;

    @Test
    void theDefaultsShowUntilTheTenantWritesItsOwn() throws Exception {
        given(store.findAll(TENANT)).willReturn(List.of(new TenantTemplate(Language.EN,
                new MessageTemplate("Invoice {invoiceNumber}", "See {link}"), true)));

        mvc.perform(get("/api/templates").header("Authorization", userToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].language").value("BG"))
                .andExpect(jsonPath("$[0].custom").value(false))
                .andExpect(jsonPath("$[0].message").value(Matchers.containsString("{link}")))
                .andExpect(jsonPath("$[1].language").value("EN"))
                .andExpect(jsonPath("$[1].subject").value("Invoice {invoiceNumber}"))
                .andExpect(jsonPath("$[1].custom").value(true));
    }

    @Test
    void anAdministratorWritesATemplate() throws Exception {
        mvc.perform(put("/api/templates/BG").header("Authorization", adminToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"Фактура {invoiceNumber}\",\"message\":\"Вижте: {link}\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("BG"))
                .andExpect(jsonPath("$.custom").value(true));
        then(store).should().save(eq(TENANT), eq(Language.BG),
                eq(new MessageTemplate("Фактура {invoiceNumber}", "Вижте: {link}")), any());
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingTheFieldAndThePlaceholder() throws Exception {
        mvc.perform(put("/api/templates/EN").header("Authorization", adminToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"Invoice {number}\",\"message\":\"See {link}\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("subject"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("{number}")));
        then(store).should(never()).save(any(), any(), any(), any());
    }

    @Test
    void aTooLongMessageNamesTheLimit() throws Exception {
        mvc.perform(put("/api/templates/EN").header("Authorization", adminToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"Invoice\",\"message\":\"" + "x".repeat(10_001) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.limit").value(10_000))
                .andExpect(jsonPath("$.errors[0].field").value("message"));
    }

    @Test
    void onlyAnAdministratorChangesTemplatesAndOnlyInTheKnownLanguages() throws Exception {
        String body = "{\"subject\":\"Фактура\",\"message\":\"{link}\"}";
        mvc.perform(put("/api/templates/BG").header("Authorization", userToken())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(delete("/api/templates/BG").header("Authorization", userToken()))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/templates/DE").header("Authorization", adminToken())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("language"));
        then(store).should(never()).save(any(), any(), any(), any());
    }

    @Test
    void deletingGoesBackToTheDefaultAndThereIsNothingToDeleteWithoutAnOwnTemplate() throws Exception {
        given(store.delete(TENANT, Language.EN)).willReturn(true);

        mvc.perform(delete("/api/templates/EN").header("Authorization", adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.custom").value(false))
                .andExpect(jsonPath("$.subject").value("Document No. {invoiceNumber} from {tenantName}"));
        mvc.perform(delete("/api/templates/BG").header("Authorization", adminToken()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}

package com.invoicedelivery.invoice.tenant.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;

import com.invoicedelivery.invoice.shared.domain.PartyDetails;
import com.invoicedelivery.invoice.tenant.application.Tenants;
import com.invoicedelivery.invoice.tenant.domain.Company;
import com.invoicedelivery.invoice.tenant.domain.Plan;
import com.invoicedelivery.invoice.tenant.domain.Tenant;
import com.invoicedelivery.invoice.tenant.persistence.TenantStore;
import com.invoicedelivery.invoice.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The tenant's settings with the real rules behind them; only the store is mocked. */
@WebMvcTest(SettingsController.class)
@Import(SettingsControllerTest.RealTenants.class)
class SettingsControllerTest extends WebSliceTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class RealTenants {
        @Bean
        Tenants tenants(TenantStore store) {
            return new Tenants(store);
        }
    }

    @MockitoBean
    TenantStore store;

    @Test
    void theSettingsShowTheProfileAndTheStoredSetting() throws Exception {
        given(store.find(TENANT)).willReturn(Optional.of(tenant(Plan.TRIAL, true)));

        mvc.perform(get("/api/settings").header("Authorization", userToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenantId").value(TENANT))
                .andExpect(jsonPath("$.name").value("Акме"))
                .andExpect(jsonPath("$.subdomain").value("acme"))
                .andExpect(jsonPath("$.plan").value("TRIAL"))
                .andExpect(jsonPath("$.attachInvoices").value(true))
                .andExpect(jsonPath("$.company.name").value("Акме ООД"))
                .andExpect(jsonPath("$.company.email").value("office@acme.example"));
    }

    @Test
    void aPaidTenantsAdministratorTurnsAttachmentsOn() throws Exception {
        given(store.find(TENANT)).willReturn(Optional.of(tenant(Plan.PAID, false)));
        given(store.saveAttachInvoices(any())).willReturn(true);

        mvc.perform(put("/api/settings/email").header("Authorization", adminToken())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"attachInvoices\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attachInvoices").value(true));
        then(store).should().saveAttachInvoices(tenant(Plan.PAID, true));
    }

    @Test
    void aTrialTenantCannotTurnAttachmentsOn() throws Exception {
        given(store.find(TENANT)).willReturn(Optional.of(tenant(Plan.TRIAL, false)));

        mvc.perform(put("/api/settings/email").header("Authorization", adminToken())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"attachInvoices\":true}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("attachInvoices"));
        then(store).should(never()).saveAttachInvoices(any());
    }

    @Test
    void theSettingIsABooleanAndOnlyAnAdministratorChangesIt() throws Exception {
        for (String body : new String[] {"{\"attachInvoices\":2}", "{\"attachInvoices\":\"maybe\"}", "{}",
                "{\"attachInvoices\":true,\"colour\":1}"}) {
            mvc.perform(put("/api/settings/email").header("Authorization", adminToken())
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(put("/api/settings/email").header("Authorization", userToken())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"attachInvoices\":false}"))
                .andExpect(status().isForbidden());
        then(store).should(never()).saveAttachInvoices(any());
    }

    private static Tenant tenant(Plan plan, boolean attach) {
        PartyDetails company = new PartyDetails("Акме ООД", "ул. 1", "София", "България", "201234567", null, null);
        Tenant registered = Tenant.registered(TENANT, "Акме", "acme", plan,
                new Company(company, "office@acme.example", null), false);
        // a Trial tenant with the setting on, as stored before operations were held to the plan's rule
        return new Tenant(registered.id(), registered.name(), registered.subdomain(), plan, registered.company(),
                attach, registered.linkValidityDays());
    }
}

package com.invoicedelivery.mail.settings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.invoicedelivery.kit.problem.ProblemResponses;
import com.invoicedelivery.kit.testing.TestTokens;
import com.invoicedelivery.mail.settings.application.ConnectionTestsLimitedException;
import com.invoicedelivery.mail.settings.domain.InvalidSmtpSettingsException;
import com.invoicedelivery.mail.settings.domain.InvalidSmtpSettingsException.Violation;
import com.invoicedelivery.mail.settings.domain.SealedSecret;
import com.invoicedelivery.mail.settings.domain.SecretsUnavailableException;
import com.invoicedelivery.mail.settings.domain.SmtpSettings;
import com.invoicedelivery.mail.settings.domain.SmtpSettingsChange;
import com.invoicedelivery.mail.smtp.domain.ProbeResult;
import com.invoicedelivery.mail.smtp.domain.ProbeStage;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import com.invoicedelivery.mail.testdata.ApiSliceTest;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

class SmtpSettingsControllerTest extends ApiSliceTest {

    private static final String PASSWORD = "s3cret-Пароль";
    private static final String BODY = "{\"host\":\"smtp.acme.bg\",\"port\":587,\"security\":\"STARTTLS\","
            + "\"username\":\"mailer\",\"password\":\"" + PASSWORD + "\",\"fromAddress\":\"fakturi@acme.bg\"}";
    private static final SmtpSettings STORED = new SmtpSettings("acme", "smtp.acme.bg", 587, SmtpSecurity.STARTTLS,
            "mailer", new SealedSecret("k1", new byte[12], new byte[24]), "fakturi@acme.bg",
            Instant.parse("2026-11-28T10:00:00Z"));

    @Test
    void aTenantUserSeesTheSettingsWithoutThePassword() throws Exception {
        given(smtpSettings.find("acme")).willReturn(Optional.of(STORED));

        mvc.perform(get("/api/smtp-settings").header("Authorization", authorization(TestTokens.user("acme"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.configured").value(true))
                .andExpect(jsonPath("$.host").value("smtp.acme.bg"))
                .andExpect(jsonPath("$.port").value(587))
                .andExpect(jsonPath("$.security").value("STARTTLS"))
                .andExpect(jsonPath("$.username").value("mailer"))
                .andExpect(jsonPath("$.passwordSet").value(true))
                .andExpect(jsonPath("$.fromAddress").value("fakturi@acme.bg"))
                .andExpect(jsonPath("$.updatedAt").value("2026-11-28T10:00:00Z"))
                .andExpect(jsonPath("$.password").doesNotExist());
    }

    @Test
    void aTenantWithoutItsOwnServerIsNotConfigured() throws Exception {
        given(smtpSettings.find("acme")).willReturn(Optional.empty());

        mvc.perform(get("/api/smtp-settings").header("Authorization", authorization(TestTokens.user("acme"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.configured").value(false))
                .andExpect(jsonPath("$.passwordSet").value(false));
    }

    @Test
    void anAdminSavesTheSettingsAndTheAnswerNeverCarriesThePassword() throws Exception {
        given(smtpSettings.save(eq("acme"), any())).willReturn(STORED);

        MvcResult result = mvc.perform(put("/api/smtp-settings").header("Authorization", admin())
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passwordSet").value(true))
                .andReturn();

        ArgumentCaptor<SmtpSettingsChange> change = ArgumentCaptor.forClass(SmtpSettingsChange.class);
        verify(smtpSettings).save(eq("acme"), change.capture());
        assertThat(change.getValue().password()).isEqualTo(PASSWORD);
        assertThat(result.getResponse().getContentAsString()).doesNotContain(PASSWORD);
    }

    @Test
    void onlyAnAdminChangesRemovesOrTestsTheSettings() throws Exception {
        String user = authorization(TestTokens.user("acme"));

        mvc.perform(put("/api/smtp-settings").header("Authorization", user).contentType(MediaType.APPLICATION_JSON)
                .content(BODY)).andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(delete("/api/smtp-settings").header("Authorization", user)).andExpect(status().isForbidden());
        mvc.perform(post("/api/smtp-settings/test").header("Authorization", user)).andExpect(status().isForbidden());
        mvc.perform(get("/api/smtp-settings")).andExpect(status().isUnauthorized());
        verifyNoInteractions(smtpSettings);
    }

    @Test
    void invalidSettingsAreAProblemNamingEachField() throws Exception {
        given(smtpSettings.save(eq("acme"), any())).willThrow(new InvalidSmtpSettingsException(List.of(
                new Violation("host", "must be a host name"), new Violation("port", "must be a port"))));

        mvc.perform(put("/api/smtp-settings").header("Authorization", admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(BODY))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemResponses.TYPE_BASE + "invalid-request"))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.detail").value("host: must be a host name"))
                .andExpect(jsonPath("$.errors[0].field").value("host"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a host name"))
                .andExpect(jsonPath("$.errors[1].field").value("port"));
    }

    @Test
    void aBodyThatIsNotSettingsIsRefusedBeforeAnythingHappens() throws Exception {
        mvc.perform(put("/api/smtp-settings").header("Authorization", admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"host\":\"smtp.acme.bg\",\"port\":\"many\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("port"));
        mvc.perform(put("/api/smtp-settings").header("Authorization", admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"host\":\"smtp.acme.bg\",\"passwordSet\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("passwordSet"));
        verifyNoInteractions(smtpSettings);
    }

    @Test
    void withoutAnEncryptionKeyAPasswordIsRefusedWith503() throws Exception {
        given(smtpSettings.save(eq("acme"), any())).willThrow(new SecretsUnavailableException(
                "no encryption key is configured (MAIL_SECRETS_KEY), so passwords cannot be stored"));

        mvc.perform(put("/api/smtp-settings").header("Authorization", admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(BODY))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://invoicedelivery.com/problems/secrets-unavailable"))
                .andExpect(jsonPath("$.detail").value(startsWith(
                        "no encryption key is configured (MAIL_SECRETS_KEY)")));
    }

    @Test
    void theConnectionTestAnswersWhereItStoppedAndWhy() throws Exception {
        given(smtpSettings.test(eq("acme"), isNull())).willReturn(ProbeResult.failed(ProbeStage.AUTH,
                "The server refused the user name or password (535 5.7.8 Authentication credentials invalid)",
                Duration.ofMillis(42)));

        mvc.perform(post("/api/smtp-settings/test").header("Authorization", admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.stage").value("AUTH"))
                .andExpect(jsonPath("$.message").value(startsWith("The server refused")))
                .andExpect(jsonPath("$.durationMillis").value(42));
    }

    @Test
    void tooManyConnectionTestsAnswer429WithRetryAfter() throws Exception {
        given(smtpSettings.test(eq("acme"), isNull()))
                .willThrow(new ConnectionTestsLimitedException(10, Duration.ofMillis(29_300)));

        mvc.perform(post("/api/smtp-settings/test").header("Authorization", admin()))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.type").value(ProblemResponses.TYPE_BASE + "too-many-connection-tests"))
                .andExpect(jsonPath("$.detail").value("at most 10 connection tests a minute; try again in 30 s"));
    }

    @Test
    void removingTheSettingsAnswersNoContent() throws Exception {
        mvc.perform(delete("/api/smtp-settings").header("Authorization", admin())).andExpect(status().isNoContent());

        verify(smtpSettings).delete("acme");
    }

    private static String admin() {
        return authorization(TestTokens.admin("acme"));
    }
}

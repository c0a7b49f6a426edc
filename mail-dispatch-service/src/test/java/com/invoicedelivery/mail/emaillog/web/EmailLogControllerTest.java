package com.invoicedelivery.mail.emaillog.web;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.problem.NotFoundException;
import com.invoicedelivery.kit.testing.TestTokens;
import com.invoicedelivery.mail.emaillog.application.SourceUnavailableException;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmail;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmailCopy;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmailSource;
import com.invoicedelivery.mail.message.domain.AttachmentReference;
import com.invoicedelivery.mail.message.domain.LoggedCopy;
import com.invoicedelivery.mail.testdata.ApiSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class EmailLogControllerTest extends ApiSliceTest {

    private static final byte[] SOURCE = ("From: =?UTF-8?B?0JDQutC80LUg0J7QntCU?= <invoices@acme.example>\r\n"
            + "Reply-To: office@acme.bg\r\nTo: klient@beta.bg\r\nSubject: =?UTF-8?B?0KTQsNC60YLRg9GA0LA=?=\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "0JfQtNGA0LDQstC10LnRgtC1\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final LoggedEmail EMAIL = new LoggedEmail("send-1:r-1", "acme", "client-1", "inv-1", "send-1",
            "r-1", "\"Акме ООД\" <invoices@acme.example>", "klient@beta.bg", "Фактура", "<m-1@example>",
            Instant.parse("2026-11-28T10:00:00Z"), "SENT", "250 OK", 1, false, Sha256.hex(SOURCE), SOURCE.length, false,
            null, null, null, null, null);
    /** An e-mail with a link: the log keeps its copy with the token hidden, and the hash of the bytes sent. */
    private static final String SENT_SHA256 = "5b".repeat(32);
    private static final LoggedEmail LINK_EMAIL = new LoggedEmail("send-2:r-1", "acme", "client-1", "inv-1",
            "send-2", "r-1", "invoices@acme.example", "klient@beta.bg", "Фактура", "<m-2@example>",
            Instant.parse("2026-11-28T10:00:00Z"), "SENT", "250 OK", 1, false, SENT_SHA256, 4242, true, null, null, null, null, null);

    @Test
    void theListIsTheCallersTenantsPage() throws Exception {
        given(emailLog.list("acme", "client-1", null, null, 20, 0)).willReturn(List.of(EMAIL));

        mvc.perform(get("/api/emails?clientId=client-1&limit=20").header("Authorization", bearer("acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("send-1:r-1"))
                .andExpect(jsonPath("$[0].sendId").value("send-1"))
                .andExpect(jsonPath("$[0].to").value("klient@beta.bg"))
                .andExpect(jsonPath("$[0].status").value("SENT"))
                .andExpect(jsonPath("$[0].sentAt").value("2026-11-28T10:00:00Z"));
    }

    @Test
    void detailsShowTheTextReadBackFromTheSource() throws Exception {
        given(emailLog.find("acme", "send-1:r-1")).willReturn(new LoggedEmailCopy(EMAIL, LoggedCopy.whole(SOURCE)));

        mvc.perform(get("/api/emails/send-1:r-1").header("Authorization", bearer("acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.textBody").value("Здравейте"))
                .andExpect(jsonPath("$.replyTo").value("office@acme.bg"))
                .andExpect(jsonPath("$.messageId").value("<m-1@example>"))
                .andExpect(jsonPath("$.sha256").value(Sha256.hex(SOURCE)))
                .andExpect(jsonPath("$.linkHidden").value(false))
                .andExpect(jsonPath("$.sourceNote").doesNotExist())
                .andExpect(jsonPath("$.attachments").isEmpty());
    }

    @Test
    void anEmailWithALinkSaysItsTokenIsHiddenAndGivesTheHashOfTheBytesSent() throws Exception {
        given(emailLog.find("acme", "send-2:r-1")).willReturn(new LoggedEmailCopy(LINK_EMAIL,
                LoggedCopy.whole(SOURCE)));
        given(emailLog.source("acme", "send-2:r-1")).willReturn(new LoggedEmailSource(LINK_EMAIL, SOURCE));

        mvc.perform(get("/api/emails/send-2:r-1").header("Authorization", bearer("acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sha256").value(SENT_SHA256))
                .andExpect(jsonPath("$.sizeBytes").value(4242))
                .andExpect(jsonPath("$.linkHidden").value(true))
                .andExpect(jsonPath("$.sourceNote").value(org.hamcrest.Matchers.containsString(
                        "token is hidden in this copy")));
        mvc.perform(get("/api/emails/send-2:r-1/source").header("Authorization", bearer("acme")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-SHA256", Sha256.hex(SOURCE)))
                .andExpect(header().string("X-Sent-SHA256", SENT_SHA256))
                .andExpect(header().string("X-Link-Token-Hidden", "true"))
                .andExpect(header().string("X-Source-Note", org.hamcrest.Matchers.containsString("hidden")))
                .andExpect(header().doesNotExist("X-Source-Verified"))
                .andExpect(content().bytes(SOURCE));
    }

    @Test
    void theSourceIsServedAsMessageRfc822WithItsHashVerifiedAsThatOfTheBytesSent() throws Exception {
        given(emailLog.source("acme", "send-1:r-1")).willReturn(new LoggedEmailSource(EMAIL, SOURCE));

        mvc.perform(get("/api/emails/send-1:r-1/source").header("Authorization", bearer("acme")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("message/rfc822"))
                .andExpect(header().string("X-Content-SHA256", Sha256.hex(SOURCE)))
                .andExpect(header().string("X-Sent-SHA256", Sha256.hex(SOURCE)))
                .andExpect(header().doesNotExist("X-Link-Token-Hidden"))
                .andExpect(header().string("X-Source-Verified", "true"))
                .andExpect(content().bytes(SOURCE));
    }

    @Test
    void aSourceWhoseHashIsNotThatOfTheBytesSentSaysSo() throws Exception {
        byte[] other = (new String(SOURCE, StandardCharsets.US_ASCII) + "x").getBytes(StandardCharsets.US_ASCII);
        given(emailLog.source("acme", "send-1:r-1")).willReturn(new LoggedEmailSource(EMAIL, other));

        mvc.perform(get("/api/emails/send-1:r-1/source").header("Authorization", bearer("acme")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-SHA256", Sha256.hex(other)))
                .andExpect(header().string("X-Sent-SHA256", Sha256.hex(SOURCE)))
                .andExpect(header().string("X-Source-Verified", "false"))
                .andExpect(header().string("X-Source-Note", org.hamcrest.Matchers.containsString(
                        "is not that of the bytes sent")));
    }

    @Test
    void detailsOfAnEmailWhoseAttachmentIsKeptByReferenceAreReadWithoutThePdf() throws Exception {
        String head = "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nHello\r\n--b\r\n"
                + "Content-Type: application/pdf; name=f.pdf\r\nContent-Disposition: attachment; filename=f.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n";
        LoggedCopy copy = new LoggedCopy(head.getBytes(StandardCharsets.US_ASCII),
                new AttachmentReference("doc-1", "ab".repeat(32), 45_361, 76, "CRLF"),
                "\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        given(emailLog.find("acme", "send-1:r-1")).willReturn(new LoggedEmailCopy(EMAIL, copy));

        mvc.perform(get("/api/emails/send-1:r-1").header("Authorization", bearer("acme")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.textBody").value("Hello"))
                .andExpect(jsonPath("$.attachments[0].fileName").value("f.pdf"))
                .andExpect(jsonPath("$.attachments[0].contentType").value("application/pdf"))
                .andExpect(jsonPath("$.attachments[0].size").value(45_361));
    }

    @Test
    void aSourceWhosePdfCannotBeHadNowIs503WithRetryAfterAndOneThatChangedOrIsGoneSaysSo() throws Exception {
        given(emailLog.source("acme", "a")).willThrow(new SourceUnavailableException(
                SourceUnavailableException.Reason.UNREACHABLE, "the attached document doc-1 cannot be had", null));
        given(emailLog.source("acme", "b")).willThrow(new SourceUnavailableException(
                SourceUnavailableException.Reason.DOCUMENT_CHANGED, "the stored document doc-1 no longer matches",
                null));
        given(emailLog.source("acme", "c")).willThrow(new SourceUnavailableException(
                SourceUnavailableException.Reason.DOCUMENT_GONE, "the attached document doc-1 is no longer stored",
                null));

        mvc.perform(get("/api/emails/a/source").header("Authorization", bearer("acme")).accept("message/rfc822"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/source-unavailable")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("try again later")));
        mvc.perform(get("/api/emails/b/source").header("Authorization", bearer("acme")).accept("message/rfc822"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/attachment-changed")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("GET /api/emails/")));
        mvc.perform(get("/api/emails/c/source").header("Authorization", bearer("acme")).accept("message/rfc822"))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/attachment-gone")));
    }

    @Test
    void anUnknownEmailIsAProblem() throws Exception {
        given(emailLog.find("acme", "nope")).willThrow(new NotFoundException("E-mail", "nope"));

        mvc.perform(get("/api/emails/nope").header("Authorization", bearer("acme")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("E-mail nope was not found"));
    }

    @Test
    void aLimitThatIsNotANumberIsAProblemNamingTheField() throws Exception {
        mvc.perform(get("/api/emails?limit=many").header("Authorization", bearer("acme")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void aTokenWithoutATenantIsForbiddenAndNoTokenUnauthorized() throws Exception {
        mvc.perform(get("/api/emails").header("Authorization", "Bearer " + TestTokens.operations()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/emails")).andExpect(status().isUnauthorized());
    }

    private static String bearer(String tenant) {
        return authorization(TestTokens.user(tenant));
    }
}

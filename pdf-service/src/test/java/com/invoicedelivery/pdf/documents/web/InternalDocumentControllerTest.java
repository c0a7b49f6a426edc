package com.invoicedelivery.pdf.documents.web;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.problem.ApiProblemHandler;
import com.invoicedelivery.kit.problem.NotFoundException;
import com.invoicedelivery.kit.security.PlatformSecurityConfiguration;
import com.invoicedelivery.kit.testing.TestIdentityProvider;
import com.invoicedelivery.kit.testing.TestTokens;
import com.invoicedelivery.pdf.documents.application.DocumentQueries;
import com.invoicedelivery.pdf.documents.domain.PdfFile;
import com.invoicedelivery.pdf.documents.domain.StoredDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(InternalDocumentController.class)
@Import({PlatformSecurityConfiguration.class, ApiProblemHandler.class})
class InternalDocumentControllerTest {

    private static final byte[] PDF = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
    private static final StoredDocument DOCUMENT = new StoredDocument("doc-1", "acme", "send-1", "inv-1",
            Sha256.hex(PDF), PDF.length, "Фактура-0000000123.pdf", Instant.parse("2026-11-28T10:00:00Z"));

    @Autowired
    MockMvc mvc;
    @MockitoBean
    DocumentQueries documents;

    @DynamicPropertySource
    static void trustTheIdentityProvider(DynamicPropertyRegistry registry) {
        TestIdentityProvider.trustIn(registry);
    }

    @Test
    void aServiceGetsTheBytesWithTheirHashAndFileName() throws Exception {
        given(documents.file("doc-1")).willReturn(new PdfFile(DOCUMENT, PDF));

        mvc.perform(get("/internal/documents/doc-1").header("Authorization", "Bearer " + TestTokens.service()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(content().bytes(PDF))
                .andExpect(header().string("X-Content-SHA256", Sha256.hex(PDF)))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"Faktura-0000000123.pdf\"; filename*=UTF-8''"
                                + "%D0%A4%D0%B0%D0%BA%D1%82%D1%83%D1%80%D0%B0-0000000123.pdf"));
    }

    @Test
    void aTenantTokenIsForbidden() throws Exception {
        mvc.perform(get("/internal/documents/doc-1").header("Authorization", "Bearer " + TestTokens.admin("acme")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void noTokenIsUnauthorized() throws Exception {
        mvc.perform(get("/internal/documents/doc-1"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aServiceTokenWithTheRightIssuerSignedWithAnotherKeyIsUnauthorized() throws Exception {
        mvc.perform(get("/internal/documents/doc-1").header("Authorization", "Bearer " + TestTokens.forged(null)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aServiceTokenForPdfServiceAloneIsAccepted() throws Exception {
        given(documents.file("doc-1")).willReturn(new PdfFile(DOCUMENT, PDF));

        mvc.perform(get("/internal/documents/doc-1")
                        .header("Authorization", "Bearer " + TestTokens.serviceFor("pdf-service")))
                .andExpect(status().isOk());
    }

    @Test
    void aServiceTokenMeantForAnotherServiceIsUnauthorized() throws Exception {
        given(documents.file("doc-1")).willReturn(new PdfFile(DOCUMENT, PDF));

        mvc.perform(get("/internal/documents/doc-1")
                        .header("Authorization", "Bearer " + TestTokens.serviceFor("tracking-service")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aServiceTokenNamingNoAudienceIsUnauthorized() throws Exception {
        given(documents.file("doc-1")).willReturn(new PdfFile(DOCUMENT, PDF));
        Instant now = Instant.now();

        mvc.perform(get("/internal/documents/doc-1").header("Authorization", "Bearer " + TestTokens.signedWithClaims(
                        Map.of("iss", TestTokens.ISSUER, "sub", "tracking-service", "iat", now,
                                "exp", now.plusSeconds(300), "roles", List.of("service")))))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownDocumentIsANotFoundProblem() throws Exception {
        given(documents.file("nope")).willThrow(new NotFoundException("Document", "nope"));

        mvc.perform(get("/internal/documents/nope").header("Authorization", "Bearer " + TestTokens.service()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Document nope was not found"));
    }

    @Test
    void theMetadataOfASendsDocument() throws Exception {
        given(documents.forSend("send-1")).willReturn(DOCUMENT);

        mvc.perform(get("/internal/documents").param("sendId", "send-1")
                        .header("Authorization", "Bearer " + TestTokens.service()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentId").value("doc-1"))
                .andExpect(jsonPath("$.sha256").value(Sha256.hex(PDF)))
                .andExpect(jsonPath("$.fileName").value("Фактура-0000000123.pdf"))
                .andExpect(jsonPath("$.sizeBytes").value(PDF.length));
    }
}

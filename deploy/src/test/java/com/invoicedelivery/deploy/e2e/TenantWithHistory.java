package com.invoicedelivery.deploy.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.demo.ApiClient;
import com.invoicedelivery.deploy.services.PlatformService;
import tools.jackson.databind.JsonNode;

/**
 * A tenant with something in every service: a client, an issued invoice, a send that reached the client's inbox,
 * its PDF and its e-mail log entry. The security suites attack it and then check that nothing of it changed.
 */
final class TenantWithHistory {

    final TenantFixture tenant;
    final String clientName;
    final String clientAddress;
    final String clientId;
    final String invoiceId;
    final String invoiceNumber;
    final String sendId;
    final String emailId;
    final String documentId;

    private TenantWithHistory(TenantFixture tenant, String clientName, String clientAddress, String clientId,
                              JsonNode invoice, String sendId, String emailId, String documentId) {
        this.tenant = tenant;
        this.clientName = clientName;
        this.clientAddress = clientAddress;
        this.clientId = clientId;
        this.invoiceId = invoice.get("id").asText();
        this.invoiceNumber = invoice.get("number").asText();
        this.sendId = sendId;
        this.emailId = emailId;
        this.documentId = documentId;
    }

    static TenantWithHistory create(LocalPlatform platform, String tenantId) {
        TenantFixture tenant = TenantFixture.create(platform, tenantId, "Тайна " + tenantId + " ООД");
        String clientName = "Секретен клиент " + tenantId;
        String address = "secret-client@" + tenantId + ".example";
        String clientId = tenant.createClient(clientName, List.of(address), "BG");
        JsonNode invoice = tenant.issueInvoice(clientId, "7", "13.13");
        String sendId = tenant.api().post("/api/invoices/" + invoice.get("id").asText() + "/send", Map.of())
                .expect(202).get("sendId").asText();
        Waiting.until("the send of " + tenantId + " to be SENT",
                () -> tenant.api().get("/api/sends/" + sendId).expect(200).get("status").asText(),
                "SENT"::equals, Duration.ofSeconds(60));
        JsonNode emails = tenant.api(PlatformService.MAIL_DISPATCH).get("/api/emails?sendId=" + sendId).expect(200);
        String emailId = first(emails).get("id").asText();
        String documentId = new ApiClient(platform.url(PlatformService.PDF),
                platform.identity().serviceToken("e2e-service", PlatformService.PDF.module()))
                .get("/internal/documents?sendId=" + sendId).expect(200).get("documentId").asText();
        return new TenantWithHistory(tenant, clientName, address, clientId, invoice, sendId, emailId, documentId);
    }

    /** An id of this tenant for a path or query parameter, chosen by the parameter's name or the segment before it. */
    String idFor(String segmentBefore, String parameter) {
        String hint = (parameter.equals("id") ? segmentBefore : parameter).toLowerCase();
        if (hint.startsWith("invoice")) {
            return invoiceId;
        }
        if (hint.startsWith("client")) {
            return clientId;
        }
        if (hint.startsWith("send")) {
            return sendId;
        }
        if (hint.startsWith("email") || hint.startsWith("message")) {
            return emailId;
        }
        if (hint.startsWith("document")) {
            return documentId;
        }
        if (hint.startsWith("tenant")) {
            return tenant.tenantId();
        }
        if (hint.startsWith("language")) {
            return "BG";
        }
        return "unmapped-" + parameter;
    }

    /** Strings that must never appear in an answer to anybody else. */
    List<String> secrets() {
        return List.of(clientName, clientAddress, clientId, invoiceId, invoiceNumber, sendId, emailId, documentId);
    }

    /** What the tenant itself sees of its data; equal before and after an attack means nothing changed. */
    List<String> snapshot() {
        ApiClient invoices = tenant.api();
        ApiClient mail = tenant.api(PlatformService.MAIL_DISPATCH);
        List<String> views = new ArrayList<>();
        views.add(invoices.get("/api/clients/" + clientId).expect(200).toString());
        views.add(invoices.get("/api/invoices").expect(200).toString());
        views.add(invoices.get("/api/invoices/" + invoiceId).expect(200).toString());
        views.add(invoices.get("/api/invoices/" + invoiceId + "/sends").expect(200).toString());
        views.add(invoices.get("/api/sends/" + sendId).expect(200).toString());
        views.add(mail.get("/api/emails?clientId=" + clientId).expect(200).toString());
        views.add(mail.get("/api/emails/" + emailId).expect(200).toString());
        return views;
    }

    private static JsonNode first(JsonNode listOrPage) {
        JsonNode items = listOrPage.isArray() ? listOrPage : listOrPage.path("items");
        if (!items.isArray() || items.isEmpty()) {
            throw new AssertionError("expected at least one entry in " + listOrPage);
        }
        return items.get(0);
    }
}

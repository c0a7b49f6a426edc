package com.invoicedelivery.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.demo.ApiClient;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The backbone, driven as a tenant and its client would: a send request over REST, the e-mail in the client's
 * inbox, the personal link's pages (consent, invoice, Accept, PDF download), and the statuses the tenant sees.
 */
@ExtendWith(PlatformExtension.class)
class SendToAcceptIT {

    private static final Duration PIPELINE = Duration.ofSeconds(60);

    private final LocalPlatform platform;
    private final ImapMailbox mailbox;

    SendToAcceptIT(LocalPlatform platform) {
        this.platform = platform;
        this.mailbox = new ImapMailbox(platform.settings().imapPort());
    }

    @Test
    void anInvoiceTravelsFromSendToTheClientsAcceptAndDownload() throws Exception {
        TenantFixture tenant = TenantFixture.create(platform, "e2e-backbone", "Бекбон Софт ЕООД");
        ApiClient api = tenant.api();
        String clientAddress = "klient.edno@e2e.example";
        String clientId = tenant.createClient("Клиент Едно ООД", List.of(clientAddress), "BG");
        JsonNode invoice = tenant.createInvoice(clientId, "2", "100.50");
        String invoiceId = invoice.get("id").asText();
        String number = invoice.get("number").asText();
        api.post("/api/invoices/" + invoiceId + "/issue", Map.of()).expect(200);

        ApiClient.Response accepted = api.post("/api/invoices/" + invoiceId + "/send", Map.of());
        JsonNode send = accepted.expect(202);
        String sendId = send.get("sendId").asText();
        assertThat(accepted.raw().headers().firstValue("Location")).hasValue("/api/sends/" + sendId);

        MimeMessage mail = mailbox.await(clientAddress, message -> Mails.subject(message).contains(number), PIPELINE);
        long mailedAt = System.nanoTime();
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress())
                .isEqualTo("invoices@e2e-backbone." + LocalPlatform.PLATFORM_DOMAIN);
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Бекбон Софт ЕООД");
        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo("office@e2e-backbone.example");
        assertThat(mail.getMessageID()).matches("<[^@>]+@" + Pattern.quote(LocalPlatform.PLATFORM_DOMAIN) + ">");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        String text = Mails.part(mail, "text/plain");
        String html = Mails.part(mail, "text/html");
        String link = Mails.link(mail);
        // the link is on the platform's one public host: the gateway, which routes /l/** to tracking-service
        assertThat(link).startsWith(platform.gatewayUrl() + "/l/");
        assertThat(html).contains("href=\"" + link + "\"");
        assertThat(text).contains(number);

        ClientBrowser browser = new ClientBrowser();
        ClientBrowser.Page consent = browser.open(link);
        assertThat(consent.status()).isEqualTo(200);
        assertThat(consent.text()).doesNotContain(number).doesNotContain("241");

        ClientBrowser.Page invoicePage = browser.submit(consent, "/consent", Map.of("decision", "give"));
        assertThat(invoicePage.status()).isEqualTo(200);
        assertThat(invoicePage.text()).contains(number).contains("Клиент Едно ООД").contains("Бекбон Софт ЕООД");

        ClientBrowser.Page afterAccept = browser.submit(invoicePage, "/accept", Map.of());
        assertThat(afterAccept.status()).isEqualTo(200);
        String pdfHref = afterAccept.document().select("a[href$=invoice.pdf]").attr("href");
        assertThat(pdfHref).as("a Download PDF link after Accept").isNotBlank();
        ClientBrowser.awaitScannerWindowOver(mailedAt); // a download within it is a scanner's, not in `downloads`
        byte[] pdf = browser.download(afterAccept.uri().resolve(pdfHref));
        assertThat(pdfText(pdf)).contains(number).contains("Клиент Едно ООД").contains("Бекбон Софт ЕООД")
                .contains("241,20");

        JsonNode status = Waiting.until("the send to show the download", () -> api.get("/api/sends/" + sendId).expect(200),
                body -> body.get("status").asText().equals("ACCEPTED")
                        && body.get("recipients").get(0).get("downloads").size() == 1,
                PIPELINE);
        JsonNode recipient = status.get("recipients").get(0);
        assertThat(recipient.get("email").asText()).isEqualTo(clientAddress);
        assertThat(recipient.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(recipient.get("messageId").asText()).isEqualTo(mail.getMessageID());
        assertThat(Timeline.steps(status)).contains("REQUESTED", "RENDERED", "SENT", "OPENED", "ACCEPTED", "DOWNLOADED");
        status.get("timeline").forEach(entry -> assertThat(entry.get("at").asText()).isNotBlank());
        // three fetches of the page (consent, the invoice after consent, the page after Accept), each counted once:
        // one client's repeats within the fold window are one OPENED step with their count
        JsonNode counted = Waiting.until("the timeline to count the three fetches",
                () -> api.get("/api/sends/" + sendId).expect(200),
                body -> openedFetches(body) == 3, PIPELINE);
        assertThat(counted.get("timeline").valueStream().filter(entry -> entry.get("step").asText().equals("OPENED"))
                .count()).as("fewer OPENED steps than fetches").isLessThan(3);

        // the tenant hears of the Accept at its company e-mail, in its language, once
        String office = "office@e2e-backbone.example";
        MimeMessage notice = mailbox.await(office, message -> Mails.subject(message).contains(number), PIPELINE);
        assertThat(Mails.subject(notice)).isEqualTo("Клиентът прие Фактура № " + number);
        assertThat(Mails.part(notice, "text/plain")).contains(clientAddress).doesNotContain("/l/");
        Waiting.pause(Duration.ofSeconds(2));
        assertThat(mailbox.messages(office)).filteredOn(message -> Mails.subject(message).contains(number)).hasSize(1);
    }

    private static int openedFetches(JsonNode send) {
        return send.get("timeline").valueStream().filter(entry -> entry.get("step").asText().equals("OPENED"))
                .mapToInt(entry -> entry.get("count").asInt()).sum();
    }

    @Test
    void badSendRequestsAreRefusedWithAProblemThatNamesTheFieldAndSendNothing() {
        TenantFixture tenant = TenantFixture.create(platform, "e2e-refusals", "Отказ ООД");
        ApiClient api = tenant.api();
        String address = "refused@e2e.example";
        String clientId = tenant.createClient("Получател ЕТ", List.of(address), "BG");
        String draftId = tenant.createInvoice(clientId, "1", "10.00").get("id").asText();
        String issuedId = tenant.issueInvoice(clientId, "1", "10.00").get("id").asText();

        ApiClient.Response unknown = api.post("/api/invoices/does-not-exist/send", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");

        ApiClient.Response draft = api.post("/api/invoices/" + draftId + "/send", Map.of());
        assertThat(draft.status()).isEqualTo(409);
        assertThat(draft.body().get("errors").get(0).get("field").asText()).isEqualTo("invoiceId");

        ApiClient.Response badAddress = api.post("/api/invoices/" + issuedId + "/send",
                Map.of("recipients", List.of(address, "not-an-address")));
        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.body().get("errors").get(0).get("field").asText()).isEqualTo("recipients[1]");

        assertThat(api.get("/api/invoices/" + draftId + "/sends").expect(200).size()).isZero();
        assertThat(api.get("/api/invoices/" + issuedId + "/sends").expect(200).size()).isZero();
        Waiting.pause(Duration.ofSeconds(2));
        assertThat(mailbox.messages(address)).isEmpty();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

}

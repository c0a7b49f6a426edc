package com.invoicedelivery.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.demo.ApiClient;
import com.invoicedelivery.deploy.services.PlatformService;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Sending as a tenant does it in the web UI: the tenant's own templates, a preview of 50 invoices for 20 clients
 * (both languages, two Drafts, a client with three addresses), edits to recipients, subject, message and language,
 * one send for all of them, a repeat with the same idempotency key, and every delivered message compared with
 * what was asked for and with the e-mail log's copy.
 */
@ExtendWith(PlatformExtension.class)
class BulkSendIT {

    private static final String DOMAIN = "@bulk.example";
    private static final Map<String, String> SUBJECTS = Map.of(
            "BG", "Фактура {invoiceNumber} от {tenantName}",
            "EN", "Invoice {invoiceNumber} from {tenantName}");
    private static final Map<String, String> MESSAGES = Map.of(
            "BG", "Здравейте, {clientName}!\n\nИзпращаме ви фактура {invoiceNumber} на стойност {total}, с падеж {dueDate}.\nВижте я тук: {link}\n\nПоздрави,\n{tenantName}",
            "EN", "Dear {clientName},\n\nplease find invoice {invoiceNumber} for {total}, due {dueDate}.\nSee it here: {link}\n\nKind regards,\n{tenantName}");

    private final LocalPlatform platform;

    BulkSendIT(LocalPlatform platform) {
        this.platform = platform;
    }

    /** What one invoice's send should deliver: to whom, in which language, with which subject (null: template). */
    private record Expected(String invoiceId, String number, List<String> recipients, String language,
                            String subject, String message) {
    }

    @Test
    void aPreviewOfFiftyInvoicesEditedAndSentDeliversExactlyWhatWasAskedFor() throws Exception {
        TenantFixture tenant = TenantFixture.create(platform, "e2e-bulk", "Булк Доставки ООД");
        ApiClient api = tenant.api();
        SUBJECTS.keySet().forEach(language -> api.put("/api/templates/" + language,
                Map.of("subject", SUBJECTS.get(language), "message", MESSAGES.get(language))).expect(200));

        List<String> clientIds = new ArrayList<>();
        List<List<String>> clientEmails = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<String> emails = i == 0
                    ? List.of("first" + DOMAIN, "second" + DOMAIN, "third" + DOMAIN)
                    : List.of("client-" + i + DOMAIN);
            clientEmails.add(emails);
            clientIds.add(tenant.createClient("Клиент " + i + " АД", emails, i % 2 == 0 ? "BG" : "EN"));
        }
        List<JsonNode> invoices = new ArrayList<>();
        for (int j = 0; j < 50; j++) {
            boolean draft = j == 7 || j == 31;
            String clientId = clientIds.get(j % 20);
            invoices.add(draft ? tenant.createInvoice(clientId, "1", "10.00")
                    : tenant.issueInvoice(clientId, String.valueOf(j + 1), "12.34"));
        }

        List<String> ids = invoices.stream().map(invoice -> invoice.get("id").asText()).toList();
        JsonNode preview = api.post("/api/sends/preview", Map.of("invoiceIds", ids)).expect(200).get("items");
        assertThat(preview).hasSize(50);
        List<Map<String, Object>> request = new ArrayList<>();
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (int j = 0; j < 50; j++) {
            JsonNode item = preview.get(j);
            String number = invoices.get(j).get("number").asText();
            String language = j % 20 % 2 == 0 ? "BG" : "EN";
            assertThat(item.get("invoiceId").asText()).isEqualTo(ids.get(j));
            assertThat(item.get("language").asText()).isEqualTo(language);
            assertThat(item.get("mode").asText()).isEqualTo("LINK");
            if (j == 7 || j == 31) {
                assertThat(item.get("sendable").asBoolean()).as("a Draft in the preview").isFalse();
                assertThat(item.get("problems").get(0).get("message").asText()).isNotBlank();
                continue;
            }
            assertThat(item.get("sendable").asBoolean()).isTrue();
            assertThat(item.get("subject").asText()).isEqualTo(SUBJECTS.get(language)
                    .replace("{invoiceNumber}", number).replace("{tenantName}", "Булк Доставки ООД"));
            assertThat(item.get("message").asText()).contains("Клиент " + (j % 20) + " АД").contains("{link}");
            List<String> previewed = new ArrayList<>();
            item.get("recipients").forEach(address -> previewed.add(address.asText()));
            assertThat(previewed).isEqualTo(clientEmails.get(j % 20));
            List<String> recipients = previewed;

            Map<String, Object> edited = new LinkedHashMap<>(Map.of("invoiceId", ids.get(j)));
            String subject = null;
            String message = null;
            if (j == 0) { // the client with three addresses: drop the second, repeat the first
                recipients = List.of("first" + DOMAIN, "third" + DOMAIN);
                edited.put("recipients", List.of("first" + DOMAIN, "third" + DOMAIN, "FIRST" + DOMAIN));
            } else if (j == 1) { // one address added
                recipients = List.of("client-1" + DOMAIN, "extra-1" + DOMAIN);
                edited.put("recipients", recipients);
            } else if (j == 2) { // subject and message edited
                subject = "Ревизирана фактура " + number;
                message = "Моля, вижте коригираната фактура: {link}";
                edited.put("subject", subject);
                edited.put("message", message);
            } else if (j == 3 || j == 4) { // the language switched
                language = j == 3 ? "BG" : "EN";
                edited.put("language", language);
            }
            request.add(edited);
            expected.put(ids.get(j), new Expected(ids.get(j), number, recipients, language, subject, message));
        }

        JsonNode sends = sendWithKey(api, "bulk-e2e-1", request).get("sends");
        assertThat(sends).hasSize(48);
        Map<String, String> sendIds = new LinkedHashMap<>();
        sends.forEach(send -> sendIds.put(send.get("invoiceId").asText(), send.get("sendId").asText()));
        JsonNode repeated = sendWithKey(api, "bulk-e2e-1", request).get("sends");
        repeated.forEach(send -> assertThat(send.get("sendId").asText())
                .isEqualTo(sendIds.get(send.get("invoiceId").asText())));

        int total = expected.values().stream().mapToInt(e -> e.recipients().size()).sum();
        Waiting.until(total + " messages", () -> delivered().size(), count -> count >= total, Duration.ofSeconds(120));
        Waiting.pause(Duration.ofSeconds(3));
        List<MimeMessage> messages = delivered();
        assertThat(messages).as("every recipient once, nothing for Drafts, nothing for the repeat").hasSize(total);

        ApiClient mailLog = tenant.api(PlatformService.MAIL_DISPATCH);
        for (Expected invoice : expected.values()) {
            for (String address : invoice.recipients()) {
                MimeMessage mail = only(messages, address, invoice.number());
                checkContent(invoice, mail);
                checkLogCopy(mailLog, sendIds.get(invoice.invoiceId()), mail);
            }
        }
    }

    @Test
    void thePlanAndTheTenantsSettingChooseBetweenAnAttachedPdfAndALink() throws Exception {
        TenantFixture paid = TenantFixture.create(platform, "e2e-attach-paid", "Прикачени ООД", "PAID", false);
        paid.api().put("/api/settings/email", Map.of("attachInvoices", true)).expect(200);
        TenantFixture trial = TenantFixture.create(platform, "e2e-attach-trial", "Пробен Период ЕТ", "TRIAL", false);
        ApiClient.Response refused = trial.api().put("/api/settings/email", Map.of("attachInvoices", true));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("attachInvoices");

        MimeMessage attached = sendOne(paid, "attached@attachments.example");
        assertThat(attached.getContentType()).startsWith("multipart/mixed");
        Mails.Attachment pdf = Mails.attachment(attached);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.fileName()).endsWith(".pdf");
        assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Mails.part(attached, "text/plain")).doesNotContain("/l/");

        MimeMessage linked = sendOne(trial, "trial@attachments.example");
        assertThat(linked.getContentType()).startsWith("multipart/alternative");
        assertThat(Mails.link(linked)).isNotBlank();
    }

    private MimeMessage sendOne(TenantFixture tenant, String address) throws Exception {
        String clientId = tenant.createClient("Получател " + address, List.of(address), "BG");
        JsonNode invoice = tenant.issueInvoice(clientId, "1", "99.00");
        JsonNode preview = tenant.api().post("/api/sends/preview",
                Map.of("invoiceIds", List.of(invoice.get("id").asText()))).expect(200).get("items").get(0);
        tenant.api().post("/api/invoices/" + invoice.get("id").asText() + "/send", Map.of()).expect(202);
        String number = invoice.get("number").asText();
        MimeMessage mail = Waiting.until("the message to " + address, () -> platform.inbox().messages().stream()
                        .filter(message -> Mails.recipient(message).equals(address)).findFirst().orElse(null),
                message -> message != null, Duration.ofSeconds(60));
        assertThat(preview.get("mode").asText()).as("the preview's mode")
                .isEqualTo(mail.getContentType().startsWith("multipart/mixed") ? "ATTACHMENT" : "LINK");
        assertThat(Mails.subject(mail) + Mails.part(mail, "text/plain")).contains(number);
        return mail;
    }

    private JsonNode sendWithKey(ApiClient api, String key, List<Map<String, Object>> invoices) {
        ApiOperations.Answer answer = ApiOperations.call("POST", platform.gatewayUrl() + "/api/sends",
                api.bearerToken(), "application/json", ApiOperations.JSON.writeValueAsString(Map.of("invoices", invoices)),
                Map.of("Idempotency-Key", key));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json();
    }

    private static void checkContent(Expected invoice, MimeMessage mail) {
        String subject = Mails.subject(mail);
        String text = Mails.part(mail, "text/plain");
        if (invoice.subject() != null) {
            assertThat(subject).isEqualTo(invoice.subject());
            assertThat(text).startsWith(invoice.message().replace("{link}", "")).contains("/l/");
        } else {
            assertThat(subject).startsWith(invoice.language().equals("BG") ? "Фактура " : "Invoice ");
            assertThat(text).startsWith(invoice.language().equals("BG") ? "Здравейте, " : "Dear ");
        }
        assertThat(text).doesNotContain("{link}").doesNotContain("{");
        assertThat(Mails.link(mail)).isNotBlank();
    }

    /**
     * The e-mail log keeps what was sent with the personal link's token hidden: its copy and its MIME source parse to
     * the bodies the client received, the link's token replaced by the mask, and no working link shows anywhere in it.
     */
    private static void checkLogCopy(ApiClient mailLog, String sendId, MimeMessage mail) throws Exception {
        String messageId = mail.getMessageID();
        JsonNode entries = mailLog.get("/api/emails?sendId=" + sendId).expect(200);
        JsonNode entry = null;
        for (JsonNode candidate : entries.isArray() ? entries : entries.path("items")) {
            if (candidate.get("messageId").asText().equals(messageId)) {
                entry = candidate;
            }
        }
        assertThat(entry).as("the e-mail log entry of " + messageId).isNotNull();
        JsonNode copy = mailLog.get("/api/emails/" + entry.get("id").asText()).expect(200);
        String text = Mails.part(mail, "text/plain");
        Matcher link = Mails.LINK.matcher(text);
        boolean linked = link.find();
        String sentLink = linked ? link.group(1) : null;
        String hiddenLink = linked ? sentLink.substring(0, sentLink.lastIndexOf("/l/") + 3) + "[link token hidden]"
                : null;
        byte[] sourceBytes = mailLog.getBytes("/api/emails/" + entry.get("id").asText() + "/source");
        assertThat(copy.get("linkHidden").asBoolean()).isEqualTo(linked);
        if (linked) {
            String token = sentLink.substring(sentLink.lastIndexOf('/') + 1);
            assertThat(copy.toString()).as("no working link in the log").doesNotContain(token);
            assertThat(new String(sourceBytes, StandardCharsets.US_ASCII)).doesNotContain(token);
            assertThat(copy.get("sourceNote").asText()).contains("hidden");
        }
        assertThat(copy.get("subject").asText()).isEqualTo(Mails.subject(mail));
        assertThat(crlf(copy.get("textBody").asText())).isEqualTo(crlf(hidden(text, sentLink, hiddenLink)));
        assertThat(crlf(copy.get("htmlBody").asText()))
                .isEqualTo(crlf(hidden(Mails.part(mail, "text/html"), sentLink, hiddenLink)));
        MimeMessage source = Mails.parse(sourceBytes);
        assertThat(Mails.part(source, "text/plain")).isEqualTo(hidden(text, sentLink, hiddenLink));
        assertThat(Mails.part(source, "text/html")).isEqualTo(hidden(Mails.part(mail, "text/html"), sentLink, hiddenLink));
        assertThat(source.getMessageID()).isEqualTo(messageId);
    }

    private static String hidden(String body, String link, String hiddenLink) {
        return link == null ? body : body.replace(link, hiddenLink);
    }

    private static String crlf(String text) {
        return text.replace("\r\n", "\n");
    }

    private static MimeMessage only(List<MimeMessage> messages, String address, String number) {
        List<MimeMessage> matching = messages.stream()
                .filter(message -> Mails.recipient(message).equalsIgnoreCase(address))
                .filter(message -> Mails.subject(message).contains(number)
                        || Mails.part(message, "text/plain").contains(number))
                .toList();
        assertThat(matching).as("messages to " + address + " about invoice " + number).hasSize(1);
        return matching.get(0);
    }

    private List<MimeMessage> delivered() {
        return platform.inbox().messages().stream()
                .filter(message -> Mails.recipient(message).toLowerCase().endsWith(DOMAIN))
                .toList();
    }
}

package com.invoicedelivery.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.deploy.services.ServiceProcess;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * mail-dispatch-service is killed (SIGKILL, nothing flushed) in the middle of a batch of 200 sends and started again:
 * every message arrives; none arrives twice, except those whose outcome the crash made unknown, and those carry the
 * same Message-ID both times and say OUTCOME_UNKNOWN in their timeline.
 */
@ExtendWith(PlatformExtension.class)
class MailDispatchCrashIT {

    private static final int BATCH = 200;
    private static final String DOMAIN = "@crash.example";

    private final LocalPlatform platform;

    MailDispatchCrashIT(LocalPlatform platform) {
        this.platform = platform;
    }

    @Test
    void aCrashInTheMiddleOfABatchLosesNoMessageAndRepeatsOnlyTheUnknown() {
        TenantFixture tenant = TenantFixture.create(platform, "e2e-crash", "Краш Тест ООД");
        String clientId = tenant.createClient("Получател на партида ООД", List.of("owner" + DOMAIN), "BG");
        List<String> invoiceIds = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            invoiceIds.add(tenant.issueInvoice(clientId, "1", "10.00").get("id").asText());
        }
        // all 200 requested at once, as a bulk send would: the pipeline has a backlog when the crash comes
        Map<String, String> sendByAddress = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> requests = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                String invoiceId = invoiceIds.get(i);
                String address = "batch-%03d%s".formatted(i, DOMAIN);
                requests.add(CompletableFuture.runAsync(() -> sendByAddress.put(address, tenant.api()
                        .post("/api/invoices/" + invoiceId + "/send", Map.of("recipients", List.of(address)))
                        .expect(202).get("sendId").asText()), senders));
            }
            requests.forEach(CompletableFuture::join);
        } finally {
            senders.shutdown();
        }

        ServiceProcess mailDispatch = platform.service(PlatformService.MAIL_DISPATCH);
        Waiting.until("the first messages of the batch", () -> delivered().size(), count -> count >= 20,
                Duration.ofSeconds(90));
        mailDispatch.kill();
        int deliveredAtCrash = delivered().values().stream().mapToInt(List::size).sum();
        assertThat(deliveredAtCrash).as("the crash hit the middle of the batch").isLessThan(BATCH);

        mailDispatch.start();
        mailDispatch.awaitReady(Duration.ofSeconds(90));
        Map<String, List<MimeMessage>> received = Waiting.until("every address of the batch to have its message",
                this::delivered, byAddress -> byAddress.size() == BATCH, Duration.ofMinutes(4));

        List<String> repeated = new ArrayList<>();
        for (Map.Entry<String, String> entry : sendByAddress.entrySet()) {
            List<MimeMessage> copies = received.get(entry.getKey());
            JsonNode send = Waiting.until("send " + entry.getValue() + " to settle",
                    () -> tenant.api().get("/api/sends/" + entry.getValue()).expect(200),
                    body -> body.get("status").asText().equals("SENT"), Duration.ofSeconds(60));
            String messageId = send.get("recipients").get(0).get("messageId").asText();
            assertThat(copies).as("copies delivered to " + entry.getKey()).hasSizeBetween(1, 2);
            copies.forEach(copy -> assertThat(messageId(copy)).isEqualTo(messageId));
            if (copies.size() == 2) {
                repeated.add(entry.getKey());
                assertThat(Timeline.steps(send)).as("a repeated message's send timeline").contains("OUTCOME_UNKNOWN");
            }
        }
        System.out.printf("[e2e] crash after %d of %d messages; %d repeated with the same Message-ID%n",
                deliveredAtCrash, BATCH, repeated.size());
    }

    private Map<String, List<MimeMessage>> delivered() {
        return platform.inbox().messages().stream()
                .filter(message -> Mails.recipient(message).endsWith(DOMAIN))
                .collect(Collectors.groupingBy(Mails::recipient));
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}

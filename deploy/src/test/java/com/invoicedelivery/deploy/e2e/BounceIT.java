package com.invoicedelivery.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.demo.ApiClient;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.kit.testing.PrivatePostfix;
import com.invoicedelivery.kit.testing.RawSmtpClient;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A bounce across the running platform: an invoice e-mail goes out with its job's bounce address as envelope sender;
 * a real Postfix (a private instance, {@link PrivatePostfix}) relays that e-mail, byte for byte and with that
 * envelope, to the recipient's server, which refuses the recipient after Postfix has accepted the message; Postfix
 * writes its DSN to the bounce address and its transport map delivers it to mail-dispatch-service's bounce
 * receiver; the tenant then sees the recipient BOUNCED with the remote server's words, in the send and in the e-mail
 * log. The platform's own server in this suite is GreenMail (it never bounces), so the test hands Postfix the e-mail
 * GreenMail received, with the envelope sender GreenMail recorded (its Return-Path): Postfix plays the relay that in
 * production is the platform's server.
 */
@ExtendWith(PlatformExtension.class)
class BounceIT {

    private static final Duration PIPELINE = Duration.ofSeconds(60);
    private static final String RECIPIENT = "nobody@refused.example";
    private static final String REFUSAL = "550 5.1.1 <" + RECIPIENT + ">: Recipient address rejected: User unknown"
            + " in virtual mailbox table";

    private final LocalPlatform platform;
    private final ImapMailbox mailbox;

    BounceIT(LocalPlatform platform) {
        this.platform = platform;
        this.mailbox = new ImapMailbox(platform.settings().imapPort());
    }

    @BeforeAll
    static void requirePostfix() {
        PrivatePostfix.assumeRunnable();
    }

    @Test
    void anEmailTheRecipientsServerRefusesAfterTheRelayTookItEndsBouncedWithTheRemoteReason() throws Exception {
        TenantFixture tenant = TenantFixture.create(platform, "e2e-bounce", "Отскок Е2Е ООД");
        String clientId = tenant.createClient("Несъществуващ ООД", List.of(RECIPIENT), "BG");
        JsonNode invoice = tenant.issueInvoice(clientId, "1", "10.00");
        String sendId = tenant.api().post("/api/invoices/" + invoice.get("id").asText() + "/send", Map.of())
                .expect(202).get("sendId").asText();
        MimeMessage mail = mailbox.await(RECIPIENT, message -> true, PIPELINE);
        String envelopeSender = mail.getHeader("Return-Path", null).replaceAll("[<>]", "").trim();
        assertThat(envelopeSender).matches("bounces\\+[a-z2-7]{26}@bounces\\." + LocalPlatform.PLATFORM_DOMAIN);
        int receiver = Integer.parseInt(platform.settings().serviceEnvironment().get("BOUNCE_SMTP_PORT"));

        try (RefusingServer remote = RefusingServer.start(REFUSAL);
             PrivatePostfix postfix = PrivatePostfix.start(Map.of("refused.example", remote.port(),
                     "bounces." + LocalPlatform.PLATFORM_DOMAIN, receiver))) {
            String reply = RawSmtpClient.relay(postfix.port(), envelopeSender, RECIPIENT, withoutReturnPath(mail));
            assertThat(reply).as("Postfix accepts the e-mail").startsWith("250");

            JsonNode send = Waiting.until("the send to become BOUNCED",
                    () -> tenant.api().get("/api/sends/" + sendId).expect(200),
                    body -> body.get("recipients").get(0).get("status").asText().equals("BOUNCED"), PIPELINE);
            assertThat(send.get("recipients").get(0).get("failureReason").asText()).isEqualTo(REFUSAL);
            assertThat(postfix.log()).contains("status=bounced").contains("sender non-delivery notification");
        }
        ApiClient mailLog = tenant.api(PlatformService.MAIL_DISPATCH);
        JsonNode logged = mailLog.get("/api/emails?sendId=" + sendId).expect(200).get(0);
        assertThat(logged.get("status").asText()).isEqualTo("BOUNCED");
        assertThat(logged.get("bounceReason").asText()).isEqualTo(REFUSAL);
        JsonNode listed = tenant.api().get("/api/suppressions").expect(200);
        assertThat(listed.get(0).get("email").asText()).isEqualTo(RECIPIENT);
        // and in the delivery overview, with the remote reason among the failures' (this tenant has only this send)
        JsonNode overview = tenant.api().get("/api/delivery/overview").expect(200);
        assertThat(overview.get("statuses").get("BOUNCED").asInt()).isEqualTo(1);
        assertThat(overview.get("topFailureReasons").get(0).get("reason").asText()).isEqualTo(REFUSAL);
    }

    private static byte[] withoutReturnPath(MimeMessage mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.writeTo(out, new String[] {"Return-Path"});
        return out.toByteArray();
    }

    /** The recipient's mail server: greets, takes the sender, refuses every recipient with {@code refusal}. */
    private static final class RefusingServer implements AutoCloseable {

        private final ServerSocket server;

        private RefusingServer(ServerSocket server, String refusal) {
            this.server = server;
            Thread acceptor = new Thread(() -> serve(refusal), "refusing-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        static RefusingServer start(String refusal) {
            try {
                return new RefusingServer(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()), refusal);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int port() {
            return server.getLocalPort();
        }

        /** One connection at a time, each bounded by a read timeout; ends when the socket is closed. */
        private void serve(String refusal) {
            while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                    client.setSoTimeout(10_000);
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                            StandardCharsets.US_ASCII));
                    OutputStream out = client.getOutputStream();
                    out.write("220 mx.refused.example ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int commands = 0; commands < 20; commands++) {
                        String line = in.readLine();
                        if (line == null) {
                            break;
                        }
                        String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                        String answer = switch (verb) {
                            case "RCPT" -> refusal;
                            case "QUIT" -> "221 2.0.0 Bye";
                            default -> "250 mx.refused.example";
                        };
                        out.write((answer + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        if (verb.equals("QUIT")) {
                            break;
                        }
                    }
                } catch (IOException e) {
                    // the next connection, or the end
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}

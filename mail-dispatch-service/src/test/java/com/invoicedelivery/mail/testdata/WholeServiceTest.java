package com.invoicedelivery.mail.testdata;

import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.invoicedelivery.kit.testing.PdfServiceStub;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on the embedded broker and store, with GreenMail as the platform's SMTP server and pdf-service
 * stubbed. Every suite extending this shares one application context (one broker, one service) and one GreenMail.
 * Read timeouts are short enough for a hanging server to be seen in a test, long enough to tell it from a slow one.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {
        "mail.platform-domain=" + WholeServiceTest.DOMAIN,
        "mail.dispatch.poll-interval=200ms",
        "mail.dispatch.idle-poll-interval=1s",
        "platform.outbox.poll-interval=200ms",
        "mail.smtp.connect-timeout=2s",
        "mail.smtp.read-timeout=10s",
        "mail.smtp.test-timeout=5s",
        // tenants' servers in these tests are GreenMail (the platform's, too) and scripted servers on 127.0.0.1
        "mail.tenant-smtp.allow-loopback=true",
        "mail.tenant-smtp.allow-any-port=true",
        "mail.tenant-smtp.allow-platform-server=true",
        "mail.secrets.key-id=test-1",
        "mail.secrets.key=" + WholeServiceTest.SECRETS_KEY})
public abstract class WholeServiceTest {

    public static final String DOMAIN = "invoicedelivery.test";
    /** base64 of the 32 bytes "0123456789abcdef0123456789abcdef": a test key only. */
    static final String SECRETS_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    protected static final Duration WAIT = Duration.ofSeconds(30);
    protected static final GreenMail SMTP = startGreenMail();
    protected static final PdfServiceStub PDF_SERVICE = PdfServiceStub.start();

    protected final Mailbox mailbox = new Mailbox(SMTP);
    protected BusClient bus;
    protected TestApi api;

    @LocalServerPort
    protected int port;
    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    protected String brokers;
    @Autowired
    protected JsonMapper json;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("mail.smtp.host", () -> SMTP.getSmtp().getBindTo());
        registry.add("mail.smtp.port", () -> SMTP.getSmtp().getPort());
        registry.add("platform.pdf-service.url", PDF_SERVICE::url);
    }

    @BeforeEach
    void connect() {
        bus = new BusClient(brokers, json);
        api = new TestApi(port, json);
    }

    @AfterEach
    void disconnect() {
        bus.close();
    }

    private static GreenMail startGreenMail() {
        GreenMail greenMail = new GreenMail(GreenMails.onFreePort(ServerSetupTest.SMTP));
        greenMail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "greenmail-stop"));
        return greenMail;
    }
}

package com.invoicedelivery.tracking.logo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.kit.testing.TestTokens;
import com.invoicedelivery.tracking.Browser;
import com.invoicedelivery.tracking.TestSends;
import com.invoicedelivery.tracking.TrackingIntegrationTest;
import com.invoicedelivery.tracking.link.application.LinkRegistration;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant's logo (issue 16): uploaded by its admin as the image's bytes, taken only when they are a PNG or JPEG of
 * the declared type and within the limits, and shown on its clients' pages from this service's own origin, typed by
 * what the bytes are, never sniffed.
 */
class LogoIntegrationTest extends TrackingIntegrationTest {

    private static final String PATH = "/api/client-page/logo";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    LinkRegistration registration;
    @Autowired
    JsonMapper json;

    private final String tenant = "logo-" + UUID.randomUUID();

    @Test
    void anUploadedLogoIsOnTheConsentAndInvoicePagesServedWithItsFoundTypeAndNosniff() throws Exception {
        byte[] png = image("png", 120, 40);
        HttpResponse<String> stored = upload(TestTokens.admin(tenant), "image/png", png);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        JsonNode view = json.readTree(stored.body());
        assertThat(view.get("contentType").asString()).isEqualTo("image/png");
        assertThat(view.get("width").asInt()).isEqualTo(120);

        String token = newLink();
        Browser browser = new Browser(port);
        Document consent = Browser.parse(browser.get("/l/" + token));
        String src = consent.select("img.tenant-logo").attr("src");
        assertThat(src).isEqualTo("/l/" + token + "/logo");
        assertThat(consent.select("img.tenant-logo").attr("alt")).isEqualTo(TestSends.TENANT_NAME);

        HttpResponse<byte[]> served = browser.download(src);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(png);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(served.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");

        byte[] jpeg = image("jpeg", 60, 60);
        assertThat(upload(TestTokens.admin(tenant), "image/jpeg", jpeg).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> replaced = browser.download(src);
        assertThat(replaced.body()).isEqualTo(jpeg);
        assertThat(replaced.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void aFileThatIsNotAPngOrJpegOfItsDeclaredTypeWithinTheLimitsIsRefusedWithAProblemAndChangesNothing()
            throws Exception {
        byte[] kept = image("png", 30, 30);
        String admin = TestTokens.admin(tenant);
        assertThat(upload(admin, "image/png", kept).statusCode()).isEqualTo(200);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] pngThenHtml = Arrays.copyOf(image("png", 10, 10), 16); // a PNG's signature, then nothing of a picture
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tooLarge = new byte[102_401];
        System.arraycopy(kept, 0, tooLarge, 0, kept.length);

        assertRefused(upload(admin, "image/png", html), null);
        assertRefused(upload(admin, "image/png", pngThenHtml), null);
        assertRefused(upload(admin, "image/jpeg", kept), null); // a PNG sent as a JPEG
        assertRefused(upload(admin, "image/png", tooLarge), 102_400);
        assertRefused(upload(admin, "image/png", image("png", 2049, 10)), null);
        assertRefused(upload(admin, "image/png", new byte[0]), null);
        HttpResponse<String> wrongType = upload(admin, "image/gif", gif);
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(upload(TestTokens.user(tenant), "image/png", image("png", 5, 5)).statusCode())
                .as("a user who is no admin").isEqualTo(403);

        HttpResponse<byte[]> shown = HTTP.send(request(PATH, TestTokens.user(tenant)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(shown.body()).isEqualTo(kept);
        assertThat(shown.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aTenantWithoutALogoHasNoImageOnItsPagesAndItsLogoPathIsTheNeutralNotFoundPage() throws Exception {
        String token = newLink();
        Browser browser = new Browser(port);

        assertThat(Browser.parse(browser.get("/l/" + token)).select("img")).isEmpty();
        HttpResponse<byte[]> none = browser.download("/l/" + token + "/logo");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(HTTP.send(request(PATH, TestTokens.admin(tenant)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
    }

    private void assertRefused(HttpResponse<String> response, Integer limit) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("logo");
        if (limit != null) {
            assertThat(problem.get("limit").asInt()).isEqualTo(limit);
        }
    }

    private String newLink() {
        String token = TestSends.newToken();
        SendDetails send = TestSends.linkSend(Language.BG, TestSends.usualExpiry(),
                TestSends.recipient("logo-" + UUID.randomUUID() + "@example.com", token));
        registration.register(TestSends.sendRequested(tenant, send));
        return token;
    }

    private HttpResponse<String> upload(String token, String type, byte[] content) throws Exception {
        return HTTP.send(request(PATH, token).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
    }

    private static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D pen = picture.createGraphics();
        pen.setColor(new Color(0x0b4f8a));
        pen.fillRect(0, 0, width, height / 2);
        pen.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, format, out);
        return out.toByteArray();
    }
}

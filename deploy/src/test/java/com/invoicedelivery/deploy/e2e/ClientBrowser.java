package com.invoicedelivery.deploy.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The client's side of a personal link, without JavaScript: opens pages, keeps cookies, submits the page's
 * forms with their hidden fields (the CSRF token among them), follows redirects.
 */
final class ClientBrowser {

    static final String PERSONS_BROWSER =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36";

    /**
     * Waits until tracking-service's scanner window (10 s after the document was ready, which is before the mail went
     * out) is over: a download or view within it is rightly taken for a mail scanner's, and these tests are faster
     * than any person.
     *
     * @param mailedAt {@link System#nanoTime()} when the e-mail with the link was in the mailbox
     */
    static void awaitScannerWindowOver(long mailedAt) throws InterruptedException {
        long left = Duration.ofSeconds(12).toNanos() - (System.nanoTime() - mailedAt);
        if (left > 0) {
            Thread.sleep(left / 1_000_000);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    record Page(int status, Document document, URI uri) {

        String text() {
            return document.text();
        }

        /** The form whose action ends with {@code actionSuffix}. */
        Element form(String actionSuffix) {
            return document.select("form").stream()
                    .filter(form -> form.attr("action").endsWith(actionSuffix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no form posting to …" + actionSuffix + " on " + uri
                            + ":\n" + document.body().text()));
        }
    }

    Page open(String url) {
        HttpResponse<String> response = send(request(URI.create(url)).GET());
        return page(response);
    }

    /** Submits a form of the page with its hidden fields plus {@code fields}. */
    Page submit(Page page, String actionSuffix, Map<String, String> fields) {
        Element form = page.form(actionSuffix);
        Map<String, String> values = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> values.put(input.attr("name"), input.attr("value")));
        values.putAll(fields);
        String body = values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        URI action = page.uri().resolve(form.attr("action"));
        return page(send(request(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    byte[] download(URI uri) {
        try {
            HttpResponse<byte[]> response = http.send(request(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("download of " + uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As a person's browser would ask: tracking-service counts what script clients fetch as a machine's. */
    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("User-Agent", PERSONS_BROWSER);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Page page(HttpResponse<String> response) {
        return new Page(response.statusCode(), Jsoup.parse(response.body(), response.uri().toString()), response.uri());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package com.invoicedelivery.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
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
 * A person's browser, as far as the link pages can tell: a browser User-Agent, cookies kept, redirects not
 * followed on their own (so tests see the 303s). Pages are parsed with jsoup.
 */
public final class Browser {

    public static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public Browser(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String userAgent) {
        return get(path, Map.of("User-Agent", userAgent));
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(path);
        headers.forEach(request::setHeader);
        return send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<Void> head(String path) {
        return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    public HttpResponse<byte[]> download(String path) {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, fields, Map.of());
    }

    public HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers) {
        String form = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::setHeader);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * What the page's script sends on a person's first interaction: the beacon form, token and page load included,
     * once the page has been shown for the minimum dwell (a person reads before clicking).
     */
    public HttpResponse<String> beacon(Document page) {
        try {
            Thread.sleep(TrackingIntegrationTest.MINIMUM_DWELL.toMillis() + 50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return beaconAtOnce(page);
    }

    /** The beacon sent the moment the page arrived, as a scanner's sandbox running the page's script would. */
    public HttpResponse<String> beaconAtOnce(Document page) {
        return submit(page, "form#seen-beacon", Map.of());
    }

    /** The page's current form token (every form of a page carries the same one). */
    public static String formToken(Document page) {
        Element token = page.selectFirst("form input[type=hidden][name=_csrf]");
        if (token == null) {
            throw new AssertionError("no form token on the page:\n" + page.body().text());
        }
        return token.attr("value");
    }

    /** Submits a page's form as a browser would: its hidden fields (the CSRF token among them) plus {@code fields}. */
    public HttpResponse<String> submit(Document page, String formSelector, Map<String, String> fields) {
        Element form = page.selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("no form " + formSelector + " on the page:\n" + page.body().text());
        }
        Map<String, String> values = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> values.put(input.attr("name"), input.attr("value")));
        values.putAll(fields);
        return post(form.attr("action"), values);
    }

    /** The value of a cookie this browser holds now, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    public String origin() {
        return base;
    }

    public static Document parse(HttpResponse<String> response) {
        return Jsoup.parse(response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .setHeader("User-Agent", FIREFOX)
                .setHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

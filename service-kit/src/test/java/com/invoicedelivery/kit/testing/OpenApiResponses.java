package com.invoicedelivery.kit.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks answers of the running services against their own OpenAPI documents ({@code /v3/api-docs}, read once per
 * service from the live service): the status must be one the document gives for the operation, and a JSON body must
 * match its schema (Atlassian's swagger-request-validator). It also records which documented operations were
 * answered, with which statuses, so a run can say what it covered ({@link #writeCoverage}).
 *
 * <p>A request to a path no document describes (a client's link page, actuator, {@code /internal/**}) is not
 * checked, only counted apart.
 */
public final class OpenApiResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /** One documented operation of one service. */
    record Operation(String service, String method, String template, Pattern pattern, Set<String> statuses) {

        String key() {
            return service + " " + method + " " + template;
        }
    }

    private record Service(String name, String baseUrl, OpenApiInteractionValidator validator,
                           List<Operation> operations) {
    }

    private final Map<String, String> baseUrls;
    private final Map<String, String> documentPaths;
    private final Map<String, Service> loaded = new LinkedHashMap<>();
    private final Map<String, Set<Integer>> covered = new TreeMap<>();
    private final Set<String> undocumented = new TreeSet<>();

    /** @param baseUrls each service's name and base URL ({@code http://localhost:8081}), read on first use */
    public OpenApiResponses(Map<String, String> baseUrls) {
        this(baseUrls, Map.of());
    }

    /**
     * @param documentPaths where a base URL's document is, where not at {@code /v3/api-docs} (the gateway's combined
     *                      document, {@code /v3/api-docs/combined}, describes every answer the gateway passes on)
     */
    public OpenApiResponses(Map<String, String> baseUrls, Map<String, String> documentPaths) {
        this.baseUrls = new LinkedHashMap<>(baseUrls);
        this.documentPaths = Map.copyOf(documentPaths);
    }

    /**
     * Checks one answer; throws an {@link AssertionError} naming each mismatch.
     *
     * @param contentType the answer's Content-Type, or null
     * @param body        the body as text, or null when it is not text (a PDF, an image)
     */
    public synchronized void check(String method, URI uri, int status, String contentType, String body) {
        problems(method, uri, status, contentType, body).ifPresent(problem -> {
            throw new AssertionError(problem);
        });
    }

    /** The mismatches of one answer, if any: what {@link #check} fails with. */
    public synchronized Optional<String> problems(String method, URI uri, int status, String contentType,
                                                  String body) {
        Optional<Service> service = serviceOf(uri);
        if (service.isEmpty()) {
            return Optional.empty();
        }
        String upper = method.toUpperCase(Locale.ROOT);
        String path = uri.getRawPath();
        Optional<Operation> operation = service.get().operations().stream()
                .filter(candidate -> candidate.method().equals(upper) && candidate.pattern().matcher(path).matches())
                .findFirst();
        if (operation.isEmpty()) {
            undocumented.add(service.get().name() + " " + upper + " " + path + " -> " + status);
            return Optional.empty();
        }
        covered.computeIfAbsent(operation.get().key(), key -> new TreeSet<>()).add(status);
        String what = upper + " " + uri + " answered " + status + " (" + operation.get().key() + ")";
        if (!operation.get().statuses().contains(String.valueOf(status))
                && !operation.get().statuses().contains("default")) {
            return Optional.of(what + ", a status its OpenAPI document does not give (it gives "
                    + operation.get().statuses() + "): " + abbreviated(body));
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        boolean json = contentType != null && contentType.contains("json");
        if (json && body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = service.get().validator().validateResponse(path, Request.Method.valueOf(upper),
                response.build());
        List<String> errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                // a document, an image or a message source is checked by status and content type only
                .filter(message -> json || !message.getKey().startsWith("validation.response.body"))
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(what + " against its OpenAPI document:\n  " + String.join("\n  ", errors)
                + "\nbody: " + abbreviated(body));
    }

    /** The documented operations answered so far, each with the statuses seen. */
    public synchronized Map<String, Set<Integer>> covered() {
        return Map.copyOf(covered);
    }

    /** The documented operations of the services read so far that nothing has called. */
    public synchronized Set<String> uncovered() {
        return loaded.values().stream().flatMap(service -> service.operations().stream())
                .map(Operation::key).filter(key -> !covered.containsKey(key))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Loads every service's document (so operations of a service nobody called count as uncovered). */
    public synchronized void loadAll() {
        baseUrls.keySet().forEach(this::load);
    }

    /** Writes which operations were answered (with their statuses), which were not, and what was not documented. */
    public synchronized void writeCoverage(Path file) throws IOException {
        loadAll();
        List<String> lines = new ArrayList<>();
        lines.add("# Operations of the services' OpenAPI documents that the run's answers were checked against");
        lines.add("covered " + covered.size() + " of " + (covered.size() + uncovered().size()));
        covered.forEach((key, statuses) -> lines.add("covered   " + key + " " + statuses));
        uncovered().forEach(key -> lines.add("uncovered " + key));
        undocumented.forEach(request -> lines.add("not in a document: " + request));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
    }

    private Optional<Service> serviceOf(URI uri) {
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return baseUrls.entrySet().stream()
                .filter(entry -> trimmed(entry.getValue()).equalsIgnoreCase(origin))
                .findFirst()
                .map(entry -> load(entry.getKey()));
    }

    private Service load(String name) {
        return loaded.computeIfAbsent(name, key -> read(key, trimmed(baseUrls.get(key)),
                documentPaths.getOrDefault(key, "/v3/api-docs")));
    }

    private static Service read(String name, String baseUrl, String documentPath) {
        String document = fetch(baseUrl + documentPath);
        JsonNode paths = JSON.readTree(document).path("paths");
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    Set<String> statuses = new TreeSet<>();
                    operation.path("responses").propertyNames().forEach(statuses::add);
                    operations.add(new Operation(name, method.toUpperCase(Locale.ROOT), path.getKey(),
                            pattern(path.getKey()), statuses));
                }
            }
        }
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                // only the answers are checked here: the requests are the tests' own, malformed on purpose at times
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        return new Service(name, baseUrl, validator, operations);
    }

    /** A path template as a pattern: each {@code {variable}} one path segment. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static String fetch(String url) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + url, e);
        }
    }

    private static String trimmed(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private static String abbreviated(String body) {
        if (body == null) {
            return "(no text body)";
        }
        return body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }
}

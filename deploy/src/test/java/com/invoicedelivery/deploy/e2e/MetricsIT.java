package com.invoicedelivery.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.demo.ApiClient;
import com.invoicedelivery.deploy.files.InstalledTool;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.kit.security.Roles;
import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * deploy/monitoring against the running platform: a real Prometheus scrapes the four services' /actuator/prometheus
 * (on their management ports) with an operations token and loads alerts.yml, the test makes a few sends and a client's Accept, and then every
 * dashboard panel's query and every alert rule's expression is asked of Prometheus. Each must evaluate; each must name
 * only metrics the services really expose; each about something the test did must return series; the counters of
 * sends, renders, messages sent and Accepts must agree with what the test did. What promtool cannot tell (MonitoringFilesTest): whether a name is the one the
 * services publish.
 */
@ExtendWith(PlatformExtension.class)
class MetricsIT {

    private static final Path MONITORING = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath()
            .normalize().resolve("deploy/monitoring");
    private static final String DOMAIN = "@metrics.example";
    private static final Duration SCRAPED = Duration.ofSeconds(40);
    private static final String SENDS = "sum(invoice_sends_requested_total)";
    private static final String RENDERED = "sum(pdf_renders_total{outcome=\"rendered\"})";
    private static final String SENT = "sum(mail_dispatch_attempts_total{outcome=\"sent\"})";
    private static final String ACCEPTED = "sum(tracking_client_actions_total{action=\"accepted\",machine=\"false\"})";

    /**
     * Panels that legitimately show nothing while nothing failed or no machine came by: their metric exists (checked
     * for every query), but the series they select (outcome="failed", machine="true") need not.
     */
    private static final Set<String> EMPTY_UNLESS_SOMETHING_WENT_WRONG = Set.of(
            "Render failures by reason /s",
            "Client actions /s (flagged as machines)");
    /** Alert rules whose measure (the expression without its threshold) is a ratio of failures: none, no series. */
    private static final Set<String> RATIOS_OF_FAILURES = Set.of(
            "DispatchFailuresRising", "DispatchDeferralsRising", "RenderFailuresRising");

    private final LocalPlatform platform;

    MetricsIT(LocalPlatform platform) {
        this.platform = platform;
    }

    @Test
    void everyDashboardPanelAndAlertRuleEvaluatesOnWhatTheServicesReallyPublish(@TempDir Path work) throws Exception {
        InstalledTool.assumeInstalled("prometheus", "prometheus");
        List<String> targets = new ArrayList<>();
        List<String> audiences = new ArrayList<>();
        for (PlatformService service : PlatformService.values()) {
            targets.add("127.0.0.1:" + URI.create(platform.managementUrl(service)).getPort());
            audiences.add(service.module());
        }
        // an operations token naming all four services: the default user audiences leave pdf-service out
        String operations = platform.identity().tokenFor("e2e-prometheus", null, List.of(Roles.OPERATIONS),
                Duration.ofMinutes(30), audiences);

        try (LocalPrometheus prometheus = LocalPrometheus.start(work, targets, operations,
                MONITORING.resolve("alerts.yml"))) {
            Waiting.until("every service scraped", prometheus::targetsNotUp, List::isEmpty, SCRAPED);
            Map<String, Double> before = new LinkedHashMap<>();
            for (String counted : List.of(SENDS, RENDERED, SENT, ACCEPTED)) {
                before.put(counted, prometheus.scalar(counted));
            }

            int sends = sendAndAccept();

            Map<String, Integer> atLeast = Map.of(SENDS, sends, RENDERED, sends, SENT, sends, ACCEPTED, 1);
            Waiting.until("Prometheus to count the sends, renders, messages and the Accept", () -> atLeast.keySet()
                    .stream().filter(counted -> prometheus.scalar(counted) - before.get(counted) < atLeast.get(counted))
                    .toList(), List::isEmpty, SCRAPED);
            Map<String, String> panels = dashboardQueries();
            try {
                Waiting.until("every panel about what the test did to show data", () -> panels.entrySet().stream()
                        .filter(panel -> !EMPTY_UNLESS_SOMETHING_WENT_WRONG.contains(panel.getValue()))
                        .filter(panel -> prometheus.vector(panel.getKey()).isEmpty())
                        .map(Map.Entry::getValue).toList(), List::isEmpty, SCRAPED);
            } catch (AssertionError stillEmpty) {
                // the assertions below say which panel is empty and whether its metric is published at all
            }
            Waiting.pause(Duration.ofSeconds(2)); // one scrape more: a repeated request must not count

            assertThat(prometheus.scalar(SENDS) - before.get(SENDS))
                    .as("sends counted by Prometheus, the repeated request making none").isEqualTo(sends);
            assertThat(prometheus.scalar(ACCEPTED) - before.get(ACCEPTED)).as("the client's Accept").isEqualTo(1);
            // the platform is shared with the other end-to-end tests, whose leftovers may still render or dispatch
            assertThat(prometheus.scalar(RENDERED) - before.get(RENDERED)).as("renders").isGreaterThanOrEqualTo(sends);
            assertThat(prometheus.scalar(SENT) - before.get(SENT)).as("messages sent").isGreaterThanOrEqualTo(sends);
            Set<String> published = names(prometheus.get("/api/v1/label/__name__/values").path("data"));
            SoftAssertions softly = new SoftAssertions();
            panels.forEach((query, title) -> {
                JsonNode answer = prometheus.query(query);
                softly.assertThat(answer.path("status").asText()).as(title + ": " + query + " -> " + answer)
                        .isEqualTo("success");
                softly.assertThat(published).as(title + ": the metrics of " + query).containsAll(metricNames(query));
                if (!EMPTY_UNLESS_SOMETHING_WENT_WRONG.contains(title)) {
                    softly.assertThat(answer.path("data").path("result")).as(title + ": " + query).isNotEmpty();
                }
            });
            checkRules(prometheus, published, softly);
            softly.assertAll();
        }
    }

    /**
     * Each rule, as Prometheus evaluates it (its health after evaluations) and asked once more by the test: its
     * expression evaluates, names only published metrics, and its measure (without the threshold) has series, except
     * for the ratios of failures, which have none while nothing fails.
     */
    private static void checkRules(LocalPrometheus prometheus, Set<String> published, SoftAssertions softly)
            throws Exception {
        Map<String, String> rules = alertRules();
        Map<String, JsonNode> loaded = Waiting.until("every rule evaluated", () -> loadedRules(prometheus),
                evaluated -> evaluated.size() >= rules.size() && evaluated.values().stream()
                        .noneMatch(rule -> rule.path("lastEvaluation").asText().startsWith("0001-")),
                Duration.ofSeconds(20));
        assertThat(loaded.keySet()).containsExactlyInAnyOrderElementsOf(rules.keySet());
        rules.forEach((alert, expression) -> {
            JsonNode rule = loaded.get(alert);
            softly.assertThat(rule.path("health").asText()).as(alert + ": " + rule).isEqualTo("ok");
            softly.assertThat(prometheus.query(expression).path("status").asText()).as(alert).isEqualTo("success");
            softly.assertThat(published).as(alert + ": the metrics of " + expression)
                    .containsAll(metricNames(expression));
            String measure = withoutThreshold(expression);
            if (!RATIOS_OF_FAILURES.contains(alert)) {
                softly.assertThat(prometheus.vector(measure)).as(alert + "'s measure: " + measure).isNotEmpty();
            }
        });
    }

    private static Map<String, JsonNode> loadedRules(LocalPrometheus prometheus) {
        Map<String, JsonNode> rules = new LinkedHashMap<>();
        for (JsonNode group : prometheus.get("/api/v1/rules").path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.put(rule.path("name").asText(), rule);
            }
        }
        return rules;
    }

    /**
     * Three sends of a bulk request (and the request repeated with its key, which makes none), one single send, and
     * the client of one of them opening its link, consenting and accepting. Returns the sends made.
     */
    private int sendAndAccept() {
        TenantFixture tenant = TenantFixture.create(platform, "e2e-metrics", "Метрики ООД");
        List<String> invoiceIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String clientId = tenant.createClient("Клиент " + i + " ООД", List.of("client-" + i + DOMAIN),
                    i % 2 == 0 ? "BG" : "EN");
            invoiceIds.add(tenant.issueInvoice(clientId, "1", "20.00").get("id").asText());
        }
        List<Map<String, Object>> bulk = invoiceIds.subList(0, 3).stream()
                .map(id -> Map.<String, Object>of("invoiceId", id)).toList();
        for (int repeat = 0; repeat < 2; repeat++) {
            ApiOperations.Answer answer = ApiOperations.call("POST", platform.gatewayUrl() + "/api/sends",
                    tenant.api().bearerToken(), "application/json",
                    ApiOperations.JSON.writeValueAsString(Map.of("invoices", bulk)), Map.of("Idempotency-Key", "metrics-1"));
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        }
        tenant.api().post("/api/invoices/" + invoiceIds.get(3) + "/send", Map.of()).expect(202);
        int sends = 4;

        List<MimeMessage> delivered = Waiting.until(sends + " messages", () -> platform.inbox().messages().stream()
                        .filter(message -> Mails.recipient(message).endsWith(DOMAIN)).toList(),
                messages -> messages.size() >= sends, Duration.ofSeconds(60));
        ClientBrowser browser = new ClientBrowser();
        ClientBrowser.Page consent = browser.open(Mails.link(delivered.get(0)));
        ClientBrowser.Page invoice = browser.submit(consent, "/consent", Map.of("decision", "give"));
        assertThat(browser.submit(invoice, "/accept", Map.of()).status()).isEqualTo(200);
        return sends;
    }

    /** Every panel's query, with its panel's title. */
    private static Map<String, String> dashboardQueries() throws Exception {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode panel : JsonMapper.shared().readTree(MONITORING.resolve("delivery-dashboard.json").toFile())
                .get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.put(target.get("expr").asString(), panel.get("title").asString());
            }
        }
        return queries;
    }

    /** Every alert rule's expression, by its name. */
    private static Map<String, String> alertRules() throws Exception {
        Map<String, String> rules = new LinkedHashMap<>();
        for (JsonNode group : new YAMLMapper().readTree(MONITORING.resolve("alerts.yml").toFile()).get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                rules.put(rule.get("alert").asString(), rule.get("expr").asString());
            }
        }
        return rules;
    }

    private static final Pattern THRESHOLD = Pattern.compile("\\s*(==|!=|>=|<=|>|<)\\s*[0-9.]+\\s*$");
    private static final Pattern IDENTIFIER = Pattern.compile("([A-Za-z_:][A-Za-z0-9_:]*)\\s*(\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");

    /** The expression without its final comparison with a number: what the alert measures. */
    static String withoutThreshold(String expression) {
        return THRESHOLD.matcher(expression.strip()).replaceFirst("");
    }

    /**
     * The metric names a PromQL expression selects: its identifiers once strings, label matchers, ranges and
     * grouping clauses are taken out, less functions and aggregations (followed by a parenthesis) and keywords.
     */
    static Set<String> metricNames(String expression) {
        String bare = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = IDENTIFIER.matcher(bare);
        while (matcher.find()) {
            if (matcher.group(2) == null && !KEYWORDS.contains(matcher.group(1).toLowerCase())) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        if (node.isArray()) {
            node.forEach(name -> names.add(name.asText()));
        } else {
            node.properties().forEach(entry -> names.add(entry.getKey()));
        }
        return names;
    }
}

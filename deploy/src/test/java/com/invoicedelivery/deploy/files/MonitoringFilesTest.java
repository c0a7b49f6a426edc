package com.invoicedelivery.deploy.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** deploy/monitoring: the Prometheus alert rules and the Grafana dashboard, read as Prometheus reads them. */
class MonitoringFilesTest {

    static final Path MONITORING = DeploymentFilesTest.ROOT.resolve("deploy/monitoring");
    static final Path ALERTS = MONITORING.resolve("alerts.yml");
    static final Path DASHBOARD = MONITORING.resolve("delivery-dashboard.json");

    @Test
    void theAlertRulesPassPromtoolsCheck() throws Exception {
        Promtool.assumeInstalled();
        InstalledTool.Result result = Promtool.checkRules(ALERTS);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    /** promtool has no "check this query" of its own: each panel's query is checked as a recording rule's. */
    @Test
    void everyDashboardQueryIsPromQLThatPromtoolAccepts(@TempDir Path work) throws Exception {
        Promtool.assumeInstalled();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        List<String> queries = dashboardQueries();
        for (int i = 0; i < queries.size(); i++) {
            rules.append("      - record: dashboard:query").append(i).append('\n')
                    .append("        expr: ").append(JsonMapper.shared().writeValueAsString(queries.get(i))).append('\n');
        }
        Path file = work.resolve("dashboard-queries.yml");
        Files.writeString(file, rules);

        InstalledTool.Result result = Promtool.checkRules(file);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + queries.size() + " rules found");
    }

    @Test
    void everyPanelQueriesSomethingAndEveryStageHasItsRow() throws Exception {
        JsonNode dashboard = JsonMapper.shared().readTree(DASHBOARD.toFile());
        List<String> rows = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            if ("row".equals(panel.get("type").asString())) {
                rows.add(panel.get("title").asString());
            } else {
                assertThat(panel.get("targets")).as(panel.get("title").asString()).isNotEmpty();
            }
        }
        assertThat(rows).containsExactly("Throughput", "Latency", "Failures", "Queues", "Client actions");
    }

    /** Tenants are unbounded: no meter carries one, so no query may ask for one (docs/ARCHITECTURE.md, Metrics). */
    @Test
    void noQueryOrRuleGroupsByTenant() throws Exception {
        assertThat(dashboardQueries()).noneMatch(query -> query.contains("tenant_id") || query.contains("tenantId"));
        assertThat(alertQueries()).noneMatch(query -> query.contains("tenant_id") || query.contains("tenantId"));
    }

    @Test
    void everyAlertSaysWhatIsWrongAndHowBad() throws Exception {
        JsonNode groups = new YAMLMapper().readTree(ALERTS.toFile()).get("groups");
        for (JsonNode group : groups) {
            for (JsonNode rule : group.get("rules")) {
                assertThat(rule.at("/annotations/summary").asString()).as(rule.get("alert").asString()).isNotBlank();
                assertThat(rule.at("/labels/severity").asString()).isIn("page", "ticket");
            }
        }
    }

    /** Every target's expression, in the order of the panels. */
    static List<String> dashboardQueries() throws IOException {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : JsonMapper.shared().readTree(DASHBOARD.toFile()).get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.get("expr").asString());
            }
        }
        return queries;
    }

    static List<String> alertQueries() throws IOException {
        List<String> queries = new ArrayList<>();
        for (JsonNode group : new YAMLMapper().readTree(ALERTS.toFile()).get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                queries.add(rule.get("expr").asString());
            }
        }
        return queries;
    }
}

package com.invoicedelivery.deploy.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12's targets next to this run's figures: each with the value, the limit and whether it is met. The
 * benchmark only reports them; it fails on none (a benchmark is not a test).
 */
final class Targets {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Targets() {
    }

    static Map<String, Object> of(Map<String, Object> result) {
        JsonNode run = JSON.valueToTree(result);
        Map<String, Object> targets = new LinkedHashMap<>();
        double rawRate = run.path("rawRender").path("rendersPerSecond").asDouble();
        double attachment = meanThroughput(run, "bulk-send", "ATTACHMENT");
        double link = meanThroughput(run, "bulk-send", "LINK");
        targets.put("bulkAttachmentOverRawRender", target(ratio(attachment, rawRate), ">= 0.6", v -> v >= 0.6));
        targets.put("bulkLinkOverAttachment", target(ratio(link, attachment), ">= 1.0", v -> v >= 1.0));
        for (String kind : new String[] {"bulk-send", "import-then-send"}) {
            for (String mode : new String[] {"ATTACHMENT", "LINK"}) {
                targets.put("lastOverFirstRun " + kind + " " + mode,
                        target(ratio(runThroughput(run, kind, mode, true), runThroughput(run, kind, mode, false)),
                                ">= 0.9 (issue: the third run, after 10 000 stored sends)", v -> v >= 0.9));
            }
        }
        targets.put("singleSendP99Ms", target(run.path("singleSend").path("latencyToSentMs").path("p99Ms").asDouble(),
                "< 500", v -> v < 500));
        double slowestPost = 0;
        for (JsonNode pass : run.path("passes")) {
            if ("bulk-send".equals(pass.path("kind").asText())) {
                slowestPost = Math.max(slowestPost, pass.path("postMs").path("maxMs").asDouble());
            }
        }
        int perRequest = Math.min(run.path("config").path("batch").asInt(), run.path("config").path("invoices").asInt());
        targets.put("bulkPostMaxMs (requests of " + perRequest + " invoices)",
                target(slowestPost, "< 1000 for 200 invoices", v -> v < 1000));
        for (String when : new String[] {"idleBefore", "idleAfter"}) {
            double cpu = 0;
            double rss = 0;
            for (JsonNode process : run.path(when)) {
                cpu += process.path("cpuPercentOfOneCore").asDouble();
                rss += process.path("rssBytes").asDouble();
            }
            targets.put(when + " CPU % of one core, all processes", target(Latencies.round(cpu), "< 2",
                    v -> v < 2));
            targets.put(when + " RSS MB, all processes", target(Latencies.round(rss / (1 << 20)), "< 2048",
                    v -> v < 2048));
        }
        targets.put("startupSeconds", target(run.path("startupSeconds").asDouble(), "< 60", v -> v < 60));
        return targets;
    }

    private static double meanThroughput(JsonNode run, String kind, String mode) {
        double sum = 0;
        int count = 0;
        for (JsonNode pass : run.path("passes")) {
            if (kind.equals(pass.path("kind").asText()) && mode.equals(pass.path("mode").asText())) {
                sum += pass.path("invoicesPerSecond").asDouble();
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    private static double runThroughput(JsonNode run, String kind, String mode, boolean last) {
        double throughput = 0;
        for (JsonNode pass : run.path("passes")) {
            if (kind.equals(pass.path("kind").asText()) && mode.equals(pass.path("mode").asText())) {
                throughput = pass.path("invoicesPerSecond").asDouble();
                if (!last) {
                    return throughput;
                }
            }
        }
        return throughput;
    }

    private static double ratio(double value, double base) {
        return base == 0 ? 0 : Math.round(value / base * 1000) / 1000.0;
    }

    private static Map<String, Object> target(double value, String limit, Predicate<Double> met) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("value", value);
        target.put("target", limit);
        target.put("met", met.test(value));
        return target;
    }
}

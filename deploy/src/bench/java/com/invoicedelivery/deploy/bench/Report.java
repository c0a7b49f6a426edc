package com.invoicedelivery.deploy.bench;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/** The Markdown summary of a run, from its JSON document: what docs/PERFORMANCE.md's section shows. */
final class Report {

    private Report() {
    }

    static String markdown(JsonNode run) {
        StringBuilder md = new StringBuilder();
        JsonNode config = run.path("config");
        JsonNode machine = run.path("machine");
        md.append("# End-to-end delivery benchmark (issue 12)\n\n");
        md.append("Run ").append(run.path("startedAt").asText()).append(" → ").append(run.path("finishedAt").asText())
                .append(", commit ").append(machine.path("commit").asText()).append(". ")
                .append(config.path("invoices").asInt()).append(" invoices per run, ")
                .append(config.path("runs").asInt()).append(" runs per kind and mode, requests of up to ")
                .append(config.path("batch").asInt()).append(", ").append(config.path("clients").asInt())
                .append(" clients, one recipient each.\n\n");
        md.append("Machine: ").append(machine.path("processors").asInt()).append(" processors (")
                .append(machine.path("cpu").asText()).append("), ").append(machine.path("memTotal").asText())
                .append(", ").append(machine.path("os").asText()).append(", ").append(machine.path("java").asText())
                .append(", ").append(machine.path("smtpSink").asText()).append(". Load average before: ")
                .append(run.path("loadAverageBefore").asText()).append(", after: ")
                .append(run.path("loadAverageAfter").asText()).append(".\n\n");
        md.append("Start-up: ").append(run.path("startupSeconds").asDouble()).append(" s.\n\n");

        md.append("| kind | mode | run | sends stored before | invoices/s (first request to last SENT) |"
                + " POST p50 / max ms | to SENT p50 / p95 / p99 ms | sent |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode pass : run.path("passes")) {
            JsonNode post = pass.path("postMs");
            JsonNode latency = pass.path("latencyToSentMs");
            md.append("| ").append(pass.path("kind").asText()).append(" | ").append(pass.path("mode").asText())
                    .append(" | ").append(pass.path("run").asInt()).append(" | ")
                    .append(pass.path("sendsStoredBefore").asLong()).append(" | ")
                    .append(pass.path("invoicesPerSecond").asText())
                    .append(pass.path("timedOut").asBoolean() ? " (timed out)" : "").append(" | ")
                    .append(post.path("p50Ms").asText()).append(" / ").append(post.path("maxMs").asText()).append(" | ")
                    .append(latency.path("p50Ms").asText()).append(" / ").append(latency.path("p95Ms").asText())
                    .append(" / ").append(latency.path("p99Ms").asText()).append(" | ")
                    .append(pass.path("sent").asInt()).append("/").append(pass.path("invoices").asInt()).append(" |\n");
        }
        md.append("\nCPU time per invoice, each process, over each pass (ms; the launcher's includes this benchmark's"
                + " own requests and its reading of the bus):\n\n| kind | mode | run |");
        JsonNode firstCpu = run.path("passes").path(0).path("cpuMillisPerInvoice");
        firstCpu.properties().forEach(process -> md.append(' ').append(process.getKey()).append(" |"));
        md.append("\n|---|---|---:|");
        firstCpu.properties().forEach(process -> md.append("---:|"));
        md.append('\n');
        for (JsonNode pass : run.path("passes")) {
            md.append("| ").append(pass.path("kind").asText()).append(" | ").append(pass.path("mode").asText())
                    .append(" | ").append(pass.path("run").asInt()).append(" |");
            pass.path("cpuMillisPerInvoice").properties()
                    .forEach(process -> md.append(' ').append(process.getValue().asText()).append(" |"));
            md.append('\n');
        }
        md.append("\nBroker requests per invoice over each pass, by kind (the kinds with the most, and all):\n\n");
        for (JsonNode pass : run.path("passes")) {
            md.append("- ").append(pass.path("kind").asText()).append(' ').append(pass.path("mode").asText())
                    .append(' ').append(pass.path("run").asInt()).append(':');
            md.append(mostRequested(pass.path("brokerRequestsPerInvoice")));
            md.append('\n');
        }
        JsonNode render = run.path("rawRender");
        md.append("\nRaw render rate (pdf-service's renderer alone, same invoices, same JVM options, ")
                .append(render.path("threads").asInt()).append(" callers): ")
                .append(render.path("rendersPerSecond").asDouble()).append(" renders/s over ")
                .append(render.path("renders").asInt()).append(" renders after ")
                .append(render.path("warmUpRenders").asInt()).append(" warm-up, average PDF ")
                .append(render.path("averagePdfBytes").asLong()).append(" bytes.\n\n");
        JsonNode single = run.path("singleSend").path("latencyToSentMs");
        md.append("Single send (").append(run.path("singleSend").path("sends").asInt())
                .append(" one after the other, attachment mode), request to SENT: p50 ")
                .append(single.path("p50Ms").asText()).append(" ms, p95 ").append(single.path("p95Ms").asText())
                .append(" ms, p99 ").append(single.path("p99Ms").asText()).append(" ms.\n\n");
        JsonNode store = run.path("store");
        md.append("Store file: ").append(store.path("bytesAfterSetup").asLong()).append(" bytes after set-up, ")
                .append(store.path("bytesAfterRuns").asLong()).append(" after ")
                .append(store.path("sendsDuringRuns").asLong()).append(" sends: ")
                .append(store.path("bytesPerSend").asLong()).append(" bytes per send.\n\n");

        md.append("| process | idle CPU before (% of a core) | RSS before (MB) | idle CPU after | RSS after (MB)"
                + " | busiest threads after (% of a core) |\n");
        md.append("|---|---:|---:|---:|---:|---|\n");
        for (Map.Entry<String, JsonNode> process : run.path("idleBefore").properties()) {
            JsonNode after = run.path("idleAfter").path(process.getKey());
            md.append("| ").append(process.getKey()).append(" | ")
                    .append(Latencies.round(process.getValue().path("cpuPercentOfOneCore").asDouble())).append(" | ")
                    .append(process.getValue().path("rssBytes").asLong() >> 20).append(" | ")
                    .append(Latencies.round(after.path("cpuPercentOfOneCore").asDouble())).append(" | ")
                    .append(after.path("rssBytes").asLong() >> 20).append(" | ")
                    .append(String.join(", ", after.path("busiestThreads").properties().stream()
                            .map(thread -> thread.getKey() + " " + thread.getValue().asText()).toList()))
                    .append(" |\n");
        }
        md.append("\nBroker requests per second at rest (the idle windows), by kind:\n\n");
        for (Map.Entry<String, JsonNode> window : run.path("brokerRequestsPerSecondAtRest").properties()) {
            md.append("- ").append(window.getKey()).append(':');
            md.append(mostRequested(window.getValue()));
            md.append('\n');
        }
        md.append("\n| target (issue 12) | value | limit | met |\n|---|---:|---|---|\n");
        for (Map.Entry<String, JsonNode> target : run.path("targets").properties()) {
            md.append("| ").append(target.getKey()).append(" | ").append(target.getValue().path("value").asText())
                    .append(" | ").append(target.getValue().path("target").asText()).append(" | ")
                    .append(target.getValue().path("met").asBoolean() ? "yes" : "**no**").append(" |\n");
        }
        return md.toString();
    }

    /** " kind rate" for the request kinds with the highest rates (and "all"), highest first. */
    private static String mostRequested(JsonNode rates) {
        StringBuilder kinds = new StringBuilder();
        rates.properties().stream()
                .sorted((a, b) -> Double.compare(b.getValue().asDouble(), a.getValue().asDouble()))
                .limit(7)
                .forEach(kind -> kinds.append(' ').append(kind.getKey()).append(' ').append(kind.getValue().asText()));
        return kinds.toString();
    }
}

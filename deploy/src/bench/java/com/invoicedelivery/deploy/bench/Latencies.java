package com.invoicedelivery.deploy.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percentiles (nearest rank) of a list of durations in milliseconds, as the JSON document shows them. */
final class Latencies {

    private Latencies() {
    }

    static Map<String, Object> summary(List<Double> millis) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", millis.size());
        if (millis.isEmpty()) {
            return summary;
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        summary.put("p50Ms", round(percentile(sorted, 50)));
        summary.put("p95Ms", round(percentile(sorted, 95)));
        summary.put("p99Ms", round(percentile(sorted, 99)));
        summary.put("maxMs", round(sorted[sorted.length - 1]));
        summary.put("meanMs", round(Arrays.stream(sorted).average().orElse(0)));
        return summary;
    }

    static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

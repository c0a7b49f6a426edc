package com.invoicedelivery.deploy.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.services.PlatformService;

/**
 * Asks every service's readiness ({@code /actuator/health/readiness}) every two seconds for a while and counts its
 * answers: 200 (ready), 503 (not ready), anything else, or none within the probe's 5 s (a probe that hangs is
 * what Kubernetes counts as a failure too, but it is not an answer).
 */
final class ReadinessWatch {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration EVERY = Duration.ofSeconds(2);

    private ReadinessWatch() {
    }

    /** @return per service, how many probes got each answer ("200", "503", "no answer", …) */
    static Map<PlatformService, Map<String, Integer>> watch(LocalPlatform platform, Duration during) {
        Map<PlatformService, Map<String, Integer>> answers = new EnumMap<>(PlatformService.class);
        long end = System.nanoTime() + during.toNanos();
        for (int round = 0; round < 1000 && System.nanoTime() < end; round++) {
            long next = System.nanoTime() + EVERY.toNanos();
            for (PlatformService service : PlatformService.values()) {
                answers.computeIfAbsent(service, any -> new TreeMap<>())
                        .merge(probe(platform.managementUrl(service)), 1, Integer::sum);
            }
            Waiting.pause(Duration.ofNanos(Math.max(0, Math.min(next, end) - System.nanoTime())));
        }
        return answers;
    }

    private static String probe(String managementUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/health/readiness"))
                .timeout(PROBE_TIMEOUT).GET().build();
        try {
            return String.valueOf(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (HttpTimeoutException e) {
            return "no answer";
        } catch (IOException e) {
            return "refused";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}

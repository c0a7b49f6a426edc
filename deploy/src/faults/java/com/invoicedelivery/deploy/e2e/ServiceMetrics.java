package com.invoicedelivery.deploy.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.services.ServiceProcess;
import com.invoicedelivery.kit.security.Roles;

/** One instance's own figures from its {@code /actuator/prometheus}, read with an operations token. */
final class ServiceMetrics {

    private static final Pattern ATTEMPTS =
            Pattern.compile("^mail_dispatch_attempts_total\\{(.*)\\} ([0-9.eE+]+)$", Pattern.MULTILINE);
    private static final Pattern OUTCOME = Pattern.compile("outcome=\"([^\"]+)\"");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ServiceMetrics() {
    }

    /** This mail-dispatch instance's dispatch attempts by outcome (sent, deferred, failed, outcome_unknown). */
    static Map<String, Long> dispatchAttempts(LocalPlatform platform, ServiceProcess instance) {
        String token = platform.identity().tokenFor("faults-metrics", null, List.of(Roles.OPERATIONS),
                Duration.ofMinutes(10), List.of(instance.service().module()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.managementUrl() + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
            Map<String, Long> byOutcome = new TreeMap<>();
            Matcher line = ATTEMPTS.matcher(response.body());
            while (line.find()) {
                Matcher outcome = OUTCOME.matcher(line.group(1));
                if (outcome.find()) {
                    byOutcome.merge(outcome.group(1), (long) Double.parseDouble(line.group(2)), Long::sum);
                }
            }
            return byOutcome;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

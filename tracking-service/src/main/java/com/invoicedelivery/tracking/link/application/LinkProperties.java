package com.invoicedelivery.tracking.link.application;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The link rules that configuration may tune ({@code tracking.links.*}); the values, defaults included, are in
 * application.yml.
 *
 * @param displayZone        the zone the pages show times in
 * @param renewalInterval    an expired link asks for a fresh one at most once per interval
 * @param formTokenRetention how long a spent form (CSRF) token is remembered, so a replayed form is refused
 * @param suspectedMachine   when a request counts as a machine's rather than a person's
 * @param openFoldWindow     repeated fetches of a page by one client within this window are one OPENED entry
 * @param activityRetention  how long a link, with its history of the client's activity, is kept after it expired
 */
@ConfigurationProperties("tracking.links")
public record LinkProperties(ZoneId displayZone, Duration renewalInterval,
                             Duration formTokenRetention, SuspectedMachine suspectedMachine,
                             Duration openFoldWindow, Duration activityRetention) {

    public LinkProperties {
        Objects.requireNonNull(displayZone, "tracking.links.display-zone is not set");
        Objects.requireNonNull(renewalInterval, "tracking.links.renewal-interval is not set");
        Objects.requireNonNull(formTokenRetention, "tracking.links.form-token-retention is not set");
        Objects.requireNonNull(suspectedMachine, "tracking.links.suspected-machine is not set");
        Objects.requireNonNull(openFoldWindow, "tracking.links.open-fold-window is not set");
        Objects.requireNonNull(activityRetention, "tracking.links.activity-retention is not set");
    }

    /**
     * @param deliveryWindow  a fetch this soon after the document was ready is a mail scanner's
     * @param minimumDwell    a view beacon counts only this long after the page load it comes from
     * @param extraUserAgents User-Agent fragments to flag besides the built-in list
     */
    public record SuspectedMachine(Duration deliveryWindow, Duration minimumDwell, List<String> extraUserAgents) {

        public SuspectedMachine {
            Objects.requireNonNull(deliveryWindow, "tracking.links.suspected-machine.delivery-window is not set");
            Objects.requireNonNull(minimumDwell, "tracking.links.suspected-machine.minimum-dwell is not set");
            // an empty environment variable binds as no list at all
            extraUserAgents = extraUserAgents == null ? List.of() : List.copyOf(extraUserAgents);
        }
    }
}

package com.invoicedelivery.tracking.link.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Tells a person's request from a machine's. Mail security scanners, link previewers and browser prefetch
 * open links before (or instead of) the client; their requests are recorded, flagged, and never count as a
 * view. A request is suspected when it is a HEAD, a prefetch, from a known scanner or script User-Agent (or
 * none at all), or a fetch within {@code deliveryWindow} of the moment the e-mail went out, which is when
 * scanners at the receiving mail server open every link of a new message. The view beacon has stricter rules
 * ({@link #suspectsView}).
 */
public final class MachineSuspicion {

    /**
     * Fragments (lower case) of the User-Agents of known scanners, previewers and scripts. Keep it maintained:
     * add a fragment when a scanner is seen counting as a person, with the product it stands for.
     */
    public static final List<String> KNOWN_MACHINE_AGENTS = List.of(
            "safelinks", "bingpreview", "bingbot",               // Microsoft Defender Safe Links, Bing previews
            "microsoft office", "ms-office", "msoffice",           // Office apps resolving links before opening them
            "proofpoint",                                          // Proofpoint URL Defense
            "mimecast",                                            // Mimecast URL Protect
            "barracuda",                                           // Barracuda Email Protection / Sentinel
            "google-safety", "googlebot", "googleimageproxy",      // Google Safe Browsing checks, Gmail's proxy
            "slackbot-linkexpanding", "slackbot", "facebookexternalhit", "whatsapp", "telegrambot",
            "discordbot", "linkedinbot", "twitterbot", "skypeuripreview",  // chat and social link previews
            "symantec", "forcepoint", "trendmicro", "fireeye", "sophos",  // other mail gateways
            "headlesschrome", "phantomjs",                         // automated browsers in scanner sandboxes
            "curl/", "wget/", "python-requests", "python-urllib", "aiohttp", "go-http-client", "okhttp",
            "java-http-client", "apache-httpclient", "libwww-perl", "node-fetch", "axios/",  // scripts
            "bot/", "+http", "crawler", "spider");                 // the usual marks of any crawler

    private final Duration deliveryWindow;
    private final Duration minimumDwell;
    private final List<String> machineAgents;

    /**
     * @param deliveryWindow     fetches (and views) this soon after delivery are a scanner's
     * @param minimumDwell       a view counts only once the page has been shown this long: sandboxes act at once
     * @param extraMachineAgents fragments to add to {@link #KNOWN_MACHINE_AGENTS} from configuration
     */
    public MachineSuspicion(Duration deliveryWindow, Duration minimumDwell, List<String> extraMachineAgents) {
        this.deliveryWindow = deliveryWindow;
        this.minimumDwell = minimumDwell;
        this.machineAgents = Stream.concat(KNOWN_MACHINE_AGENTS.stream(),
                        extraMachineAgents.stream().filter(agent -> !agent.isBlank())
                                .map(agent -> agent.strip().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /**
     * @param earliestMailedAt the earliest moment the e-mail with the link can have gone out
     * @param now         when the request came
     */
    public boolean suspects(RequestSignals request, Instant earliestMailedAt, Instant now) {
        return request.isHead() || request.isPrefetch() || isMachineAgent(request.userAgent())
                || request.isFetch() && isRightAfterDelivery(earliestMailedAt, now);
    }

    /**
     * Whether the page's view beacon is a machine's. The page's script only sends it on a person's interaction (a
     * click, a key, focus on a form field; never a scroll), and this checks what the script cannot vouch for: the
     * beacon must name a page load of this link ({@code load}) that was not itself flagged, come at least the
     * minimum dwell after that load, fall outside the delivery window, and not come from a machine's agent. A
     * scanner's sandbox that loads the page right after delivery and runs its script fails at least one of these.
     *
     * @param load the page load (OPENED entry) the beacon names; null when it names none of this link's
     */
    public boolean suspectsView(RequestSignals beacon, ActivityEntry load, Instant earliestMailedAt, Instant now) {
        return load == null || load.suspectedMachine() || now.isBefore(load.at().plus(minimumDwell))
                || isMachineAgent(beacon.userAgent()) || isRightAfterDelivery(earliestMailedAt, now);
    }

    private boolean isMachineAgent(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        return machineAgents.stream().anyMatch(agent::contains);
    }

    private boolean isRightAfterDelivery(Instant earliestMailedAt, Instant now) {
        return earliestMailedAt != null && now.isBefore(earliestMailedAt.plus(deliveryWindow));
    }
}

package com.invoicedelivery.deploy.e2e;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.demo.ApiClient;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.deploy.services.ServiceProcess;
import com.invoicedelivery.kit.security.Roles;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;

/**
 * One scenario of the fault suite against the running platform: four tenants of its own (attachment and link mode,
 * two on their own mail server, two on the platform's), N invoices imported and sent in bulk, each to an address of
 * its own; the scenario's fault injected while the mail goes out; then every accepted send followed until it
 * settles, and the sinks' files, the API's statuses and the platform's health checked against each other.
 */
final class FaultRun {

    static final Set<String> UNSETTLED = Set.of("REQUESTED", "RENDERED", "DEFERRED", "OUTCOME_UNKNOWN");
    private static final Duration TOKEN_VALIDITY = Duration.ofHours(3);
    private static final int PER_REQUEST = 100;
    private static final int IMPORT_BATCH = 200;
    /** A bulk request that fails (the service is down, or answers 5xx) is made again this often, the same key. */
    private static final int REQUEST_ATTEMPTS = 60;
    private static final Duration REQUEST_RETRY_PAUSE = Duration.ofSeconds(2);

    /** One tenant of the scenario. {@code ownServer}: its own mail server, else the platform's. */
    record Tenant(String id, boolean attach, boolean ownServer) {

        String domain() {
            return "@" + id + ".example";
        }
    }

    /** One accepted send (202): its tenant, its one recipient, its id. */
    record Accepted(Tenant tenant, String address, String sendId) {
    }

    /** What the scenario does differently from a plain run. */
    static final class Spec {
        final String key;
        final String title;
        final String fault;
        /** A tenant whose sends must end FAILED, with a reason containing {@code expectedReason}. */
        Predicate<Tenant> expectFailed = tenant -> false;
        String expectedReason = "";
        /** The tenant's own server at the start; a sink unless the scenario says otherwise. */
        Map<Integer, ScriptedSmtpServer.Script> faultyFromStart = Map.of();
        /** Scenario 10: bad records are expected in the dead-letter topics, each where it belongs. */
        TopicFlood flood;
        /** Done after the set-up, before the first request (scenario 12: a second mail-dispatch started). */
        Runnable beforeSending;
        /** As {@link #beforeSending}, with the run (its tenants' servers): scenario 11 moves mail-dispatch. */
        Consumer<FaultRun> beforeSendingWithTheRun;
        /** No process dies in the scenario: a send through OUTCOME_UNKNOWN is a live worker's lease taken. */
        boolean noInterruptions;

        Spec(String key, String title, String fault) {
            this.key = key;
            this.title = title;
            this.fault = fault;
        }
    }

    private final LocalPlatform platform;
    private final MailServer platformServer;
    private final Spec spec;
    private final int invoices;
    private final Path dumps;
    private final List<Tenant> tenants;
    private final Map<Tenant, MailServer> ownServers = new LinkedHashMap<>();
    private final Map<Tenant, ApiClient> apis = new HashMap<>();
    private final Map<Tenant, List<String>> issued = new LinkedHashMap<>();
    private final List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Map<String, Object> notes = new LinkedHashMap<>();
    private volatile int requestsRetried;
    private LinkClients linkClients;
    private Instant faultStarted;
    private Instant faultEnded;

    FaultRun(LocalPlatform platform, MailServer platformServer, Spec spec, int invoices, Path output) {
        this.platform = platform;
        this.platformServer = platformServer;
        this.spec = spec;
        this.invoices = invoices;
        this.dumps = output.resolve("faults-dumps").resolve(spec.key);
        this.tenants = List.of(new Tenant(spec.key + "-attach-own", true, true),
                new Tenant(spec.key + "-link-own", false, true),
                new Tenant(spec.key + "-attach-platform", true, false),
                new Tenant(spec.key + "-link-platform", false, false));
    }

    LocalPlatform platform() {
        return platform;
    }

    MailServer platformServer() {
        return platformServer;
    }

    /** The scenario's tenant with its own server: 0 attachment mode, 1 link mode. */
    MailServer ownServer(int tenant) {
        return ownServers.get(tenants.get(tenant));
    }

    Tenant tenant(int index) {
        return tenants.get(index);
    }

    void note(String key, Object value) {
        notes.put(key, value);
    }

    // ---- set-up and sending

    /** The platform's sink writes into this scenario's directory; the tenants, their servers, clients, invoices. */
    void setUp() throws Exception {
        deleteRecursively(dumps); // an earlier run's files would count as strays and repeats
        platformServer.recoverInto(dumps.resolve("platform"));
        for (int t = 0; t < tenants.size(); t++) {
            Tenant tenant = tenants.get(t);
            if (tenant.ownServer()) {
                ScriptedSmtpServer.Script script = spec.faultyFromStart.get(t);
                Path directory = dumps.resolve(tenant.id());
                ownServers.put(tenant, script == null ? MailServer.sink(tenant.id(), directory)
                        : MailServer.faulty(tenant.id(), directory, script));
            }
        }
        List<Future<?>> setUps = new ArrayList<>();
        for (int t = 0; t < tenants.size(); t++) {
            Tenant tenant = tenants.get(t);
            int count = invoices / tenants.size() + (t < invoices % tenants.size() ? 1 : 0);
            setUps.add(pool.submit(() -> {
                setUp(tenant, count);
                return null;
            }));
        }
        for (Future<?> setUp : setUps) {
            setUp.get(5, TimeUnit.MINUTES);
        }
    }

    private void setUp(Tenant tenant, int count) {
        TenantFixture fixture = TenantFixture.create(platform, tenant.id(), "Отказ " + tenant.id() + " ООД", "PAID",
                tenant.attach());
        String token = platform.identity().tokenFor("user@" + tenant.id(), tenant.id(),
                List.of(Roles.TENANT_ADMIN), TOKEN_VALIDITY);
        ApiClient api = new ApiClient(platform.url(PlatformService.INVOICE), token);
        apis.put(tenant, api);
        api.put("/api/settings/email", Map.of("attachInvoices", tenant.attach())).expect(200);
        if (tenant.ownServer()) {
            new ApiClient(platform.url(PlatformService.MAIL_DISPATCH), token).put("/api/smtp-settings",
                    Map.of("host", "127.0.0.1", "port", ownServers.get(tenant).port(), "security", "NONE",
                            "fromAddress", "invoices@" + tenant.id() + ".example")).expect(200);
        }
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(fixture.createClient("Клиент " + i + " на " + tenant.id(),
                    List.of("client-" + i + tenant.domain()), i % 2 == 0 ? "BG" : "EN"));
        }
        LocalDate today = LocalDate.now();
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < count; from += IMPORT_BATCH) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + IMPORT_BATCH); i++) {
                rows.add(Map.of("externalRef", "f-" + i, "clientId", clients.get(i % clients.size()),
                        "kind", "INVOICE", "issueDate", today.toString(), "taxEventDate", today.toString(),
                        "dueDate", today.plusDays(14).toString(), "currency", "EUR",
                        "paymentMethod", "Банков превод",
                        "lines", List.of(Map.of("description", "Абонамент", "quantity", BigDecimal.ONE,
                                "unit", "бр.", "unitPrice", new BigDecimal("120.00"),
                                "vatRate", new BigDecimal("20")))));
            }
            JsonNode answer = api.post("/api/imports", Map.of("batchId", tenant.id() + "-" + from,
                    "sendAfterImport", false, "invoices", rows)).expect(200);
            for (JsonNode row : answer.get("rows")) {
                if (!"IMPORTED".equals(row.get("status").asText())) {
                    throw new IllegalStateException("an import row was not imported: " + row);
                }
                ids.add(row.get("invoiceId").asText());
            }
        }
        issued.put(tenant, ids);
    }

    /**
     * Every invoice sent, in bulk requests of {@value #PER_REQUEST}, the tenants in turn; a request that fails
     * (no answer, 5xx) is made again with the same Idempotency-Key, as a client should, until it gets its 202.
     */
    void sendAll() {
        Map<Tenant, Integer> next = new LinkedHashMap<>();
        tenants.forEach(tenant -> next.put(tenant, 0));
        int request = 0;
        boolean more = true;
        while (more) { // bounded: each pass takes PER_REQUEST invoices of every tenant that has some left
            more = false;
            for (Tenant tenant : tenants) {
                List<String> ids = issued.get(tenant);
                int from = next.get(tenant);
                if (from >= ids.size()) {
                    continue;
                }
                int to = Math.min(ids.size(), from + PER_REQUEST);
                sendRequest(tenant, ids.subList(from, to), from, request++);
                next.put(tenant, to);
                more = true;
            }
        }
    }

    private void sendRequest(Tenant tenant, List<String> invoiceIds, int firstIndex, int request) {
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, String> addressByInvoice = new HashMap<>();
        for (int i = 0; i < invoiceIds.size(); i++) {
            String address = "inv-%04d%s".formatted(firstIndex + i, tenant.domain());
            addressByInvoice.put(invoiceIds.get(i), address);
            items.add(Map.of("invoiceId", invoiceIds.get(i), "recipients", List.of(address)));
        }
        String body = ApiOperations.JSON.writeValueAsString(Map.of("invoices", items));
        String key = "faults-" + tenant.id() + "-" + request;
        String lastProblem = null;
        for (int attempt = 1; attempt <= REQUEST_ATTEMPTS; attempt++) {
            try {
                ApiOperations.Answer answer = ApiOperations.call("POST", platform.url(PlatformService.INVOICE)
                        + "/api/sends", apis.get(tenant).bearerToken(), "application/json", body,
                        Map.of("Idempotency-Key", key));
                if (answer.status() == 202) {
                    for (JsonNode send : answer.json().get("sends")) {
                        accepted.add(new Accepted(tenant, addressByInvoice.get(send.get("invoiceId").asText()),
                                send.get("sendId").asText()));
                    }
                    return;
                }
                lastProblem = answer.status() + " " + answer.body();
                if (answer.status() < 500) {
                    throw new IllegalStateException("bulk send " + key + " refused: " + lastProblem);
                }
            } catch (IllegalStateException unreachable) {
                if (lastProblem != null && lastProblem.startsWith("4")) {
                    throw unreachable;
                }
                lastProblem = unreachable.getMessage();
            }
            requestsRetried++;
            Waiting.pause(REQUEST_RETRY_PAUSE);
        }
        throw new IllegalStateException("bulk send " + key + " not accepted after " + REQUEST_ATTEMPTS
                + " attempts: " + lastProblem);
    }

    int acceptedCount() {
        return accepted.size();
    }

    // ---- the fault's timing

    /** Waits (bounded) until this many messages of the scenario are in the sinks' files. */
    void awaitDelivered(int messages, Duration timeout) {
        Waiting.until(messages + " messages in the sinks", () -> SinkDumps.read(directories()).size(),
                count -> count >= messages, timeout);
    }

    void awaitAccepted(int sends, Duration timeout) {
        Waiting.until(sends + " sends accepted", this::acceptedCount, count -> count >= sends, timeout);
    }

    int dumpedCount() {
        return SinkDumps.read(directories()).size();
    }

    void faultBegins() {
        faultStarted = Instant.now();
        notes.put("dumpedAtFault", dumpedCount());
        notes.put("acceptedAtFault", acceptedCount());
        notes.put("loadAverageAtFault", loadAverage());
    }

    void faultEnds() {
        faultEnded = Instant.now();
    }

    /** Kill -9, then started again at once, and ready (no manual step but the restart a supervisor would do). */
    void killAndRestart(PlatformService service) {
        ServiceProcess process = platform.service(service);
        faultBegins();
        process.kill();
        process.start();
        process.awaitReady(Duration.ofSeconds(Long.getLong("platform.readyTimeoutSeconds", 180)));
        faultEnds();
    }

    /**
     * Clients of the link-mode tenants visit their links (consent, accept, download) as their messages arrive, in
     * the background.
     */
    CompletableFuture<Void> startClients(int count, Duration timeout) {
        linkClients = new LinkClients();
        Set<String> linkDomains = tenants.stream().filter(tenant -> !tenant.attach()).map(Tenant::domain)
                .collect(Collectors.toSet());
        return linkClients.start(count, () -> SinkDumps.read(directories()),
                address -> linkDomains.stream().anyMatch(address::endsWith), timeout);
    }

    void awaitClientVisits(int visits, Duration timeout) {
        Waiting.until(visits + " client visits", linkClients::visitsDone, done -> done >= visits, timeout);
    }

    /**
     * Every visit that accepted and downloaded shows in its send (waited for, bounded): ACCEPTED, one download at
     * least; and its timeline holds each action once: exactly one ACCEPTED step (the client accepted once; a page
     * reloaded after a failure offers no second accept), and between one and as many DOWNLOADED steps as downloads
     * the client began (one whose answer the kill cut off may have been recorded; none may be recorded twice).
     */
    private void checkVisits(SoftAssertions checks, Map<String, Accepted> byAddress, Map<String, Object> figures) {
        List<LinkClients.Visit> visits = linkClients.visits();
        int notRecorded = 0;
        int notOnce = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        List<String> examples = new ArrayList<>();
        for (LinkClients.Visit visit : visits) {
            if (!visit.done()) {
                continue;
            }
            Accepted send = byAddress.get(visit.address());
            boolean recorded = false;
            JsonNode shown = null;
            for (int read = 0; read < 1_000 && !recorded; read++) {
                shown = apis.get(send.tenant()).get("/api/sends/" + send.sendId()).expect(200);
                JsonNode recipient = shown.get("recipients").get(0);
                recorded = "ACCEPTED".equals(recipient.get("status").asText())
                        && !recipient.get("downloads").isEmpty();
                if (!recorded) {
                    if (System.nanoTime() > deadline) {
                        break;
                    }
                    Waiting.pause(Duration.ofSeconds(1));
                }
            }
            if (!recorded) {
                notRecorded++;
                example(examples, visit.address() + " accepted and downloaded, not shown by its send");
                continue;
            }
            List<String> steps = Timeline.steps(shown);
            long accepts = steps.stream().filter("ACCEPTED"::equals).count();
            long downloads = steps.stream().filter("DOWNLOADED"::equals).count();
            if (accepts != 1 || downloads < 1 || downloads > visit.downloadsBegun()) {
                notOnce++;
                example(examples, visit.address() + ": " + accepts + " ACCEPTED and " + downloads + " DOWNLOADED in"
                        + " the timeline for one accept and " + visit.downloadsBegun() + " download(s) begun");
            }
        }
        long done = visits.stream().filter(LinkClients.Visit::done).count();
        figures.put("clientVisits", visits.size());
        figures.put("clientVisitsAcceptedAndDownloaded", done);
        figures.put("clientVisitRetries", visits.stream().mapToInt(LinkClients.Visit::retries).sum());
        figures.put("clientActionsNotRecorded", notRecorded);
        figures.put("clientActionsNotInTheTimelineOnce", notOnce);
        if (!examples.isEmpty()) {
            figures.put("clientExamples", examples);
        }
        checks.assertThat(done).as("client visits that accepted and downloaded " + visits.stream()
                .filter(visit -> !visit.done()).map(LinkClients.Visit::problem).limit(5).toList())
                .isEqualTo(visits.size());
        checks.assertThat(notRecorded).as("accepts and downloads not shown by their send " + examples).isZero();
        checks.assertThat(notOnce).as("accepts and downloads not in their timeline exactly once " + examples).isZero();
    }

    private List<Path> directories() {
        List<Path> directories = new ArrayList<>();
        directories.add(dumps.resolve("platform"));
        tenants.stream().filter(Tenant::ownServer).forEach(tenant -> directories.add(dumps.resolve(tenant.id())));
        return directories;
    }

    // ---- the invariants

    /**
     * Follows every accepted send until it settles (bounded), then checks everything against the sinks' files.
     *
     * @return the scenario's figures, for the report
     */
    Map<String, Object> check(SoftAssertions checks, Duration settleBound, long deadLettersBefore) {
        Instant settleDeadline = Instant.now().plus(settleBound);
        Map<String, JsonNode> settled = new ConcurrentHashMap<>();
        List<Accepted> all = List.copyOf(accepted);
        for (int round = 0; round < 10_000 && settled.size() < all.size()
                && Instant.now().isBefore(settleDeadline); round++) {
            List<Future<?>> reads = new ArrayList<>();
            for (Accepted send : all) {
                if (!settled.containsKey(send.sendId())) {
                    reads.add(pool.submit(() -> {
                        JsonNode status = apis.get(send.tenant()).get("/api/sends/" + send.sendId()).expect(200);
                        if (!UNSETTLED.contains(status.get("status").asText())) {
                            settled.put(send.sendId(), status);
                        }
                    }));
                }
            }
            for (Future<?> read : reads) {
                try {
                    read.get(1, TimeUnit.MINUTES);
                } catch (Exception e) {
                    // the status stays unknown this round (invoice-service may be restarting); read again
                }
            }
            if (settled.size() < all.size()) {
                Waiting.pause(Duration.ofSeconds(2));
            }
        }
        Instant settledBy = Instant.now();
        Waiting.pause(Duration.ofSeconds(5)); // a late repeat or a message still being written shows up now
        List<SinkDumps.Dumped> dumped = SinkDumps.read(directories());

        Map<String, Accepted> byAddress = new HashMap<>();
        all.forEach(send -> byAddress.put(send.address(), send));
        // a file without a message header: smtp-sink was stopped (to swap in a faulty server) while a transaction was
        // under way; it never answered 250 to that message's end, so the client was not told it was taken
        List<String> cutOff = dumped.stream().filter(d -> d.messageId() == null)
                .map(d -> d.file().getFileName().toString()).toList();
        dumped = dumped.stream().filter(d -> d.messageId() != null).toList();
        // the tenant's notices of its clients' answers (mail-dispatch, one per Accept or Return) go to its company
        // address (TenantFixture: office@<tenant>.example): no send's, counted apart (scenario 4's clients accept)
        Set<String> noticeAddresses = tenants.stream().map(tenant -> "office" + tenant.domain())
                .collect(Collectors.toSet());
        List<SinkDumps.Dumped> notices = dumped.stream()
                .filter(d -> d.recipient() != null && noticeAddresses.contains(d.recipient())).toList();
        dumped = dumped.stream().filter(d -> !notices.contains(d)).toList();
        Map<String, List<SinkDumps.Dumped>> received = dumped.stream().filter(d -> d.recipient() != null)
                .collect(Collectors.groupingBy(SinkDumps.Dumped::recipient));
        Set<String> strays = new HashSet<>(received.keySet());
        strays.removeAll(byAddress.keySet());

        int delivered = 0;
        int failedExpected = 0;
        int failedUnexpected = 0;
        int notSettled = 0;
        int sentWithoutMessage = 0;
        int failedButDelivered = 0;
        int duplicatesNewId = 0;
        int repeatsSameId = 0;
        int outcomeUnknown = 0;
        int expectedNotFailed = 0;
        Instant lastSettled = null;
        List<String> examples = new ArrayList<>();
        for (Accepted send : all) {
            JsonNode status = settled.get(send.sendId());
            List<SinkDumps.Dumped> copies = received.getOrDefault(send.address(), List.of());
            Set<String> ids = copies.stream().map(SinkDumps.Dumped::messageId).collect(Collectors.toSet());
            if (ids.size() > 1) {
                duplicatesNewId++;
                example(examples, send.address() + " got " + ids.size() + " Message-IDs " + ids);
            }
            if (status == null) {
                notSettled++;
                example(examples, send.address() + " (" + send.sendId() + ") not settled");
                continue;
            }
            List<String> steps = Timeline.steps(status);
            if (steps.contains("OUTCOME_UNKNOWN")) {
                outcomeUnknown++;
            }
            if (copies.size() > 1 && ids.size() == 1) {
                repeatsSameId++;
                if (!steps.contains("OUTCOME_UNKNOWN")) {
                    example(examples, send.address() + " repeated without OUTCOME_UNKNOWN: " + steps);
                    checks.fail("a repeat of " + send.address() + " whose send never was OUTCOME_UNKNOWN: " + steps);
                }
            }
            lastSettled = latest(lastSettled, settledAt(status));
            JsonNode recipient = status.get("recipients").get(0);
            boolean expectFailed = spec.expectFailed.test(send.tenant());
            if ("FAILED".equals(status.get("status").asText())) {
                String reason = recipient.path("failureReason").asText("");
                if (expectFailed && reason.contains(spec.expectedReason)) {
                    failedExpected++;
                } else {
                    failedUnexpected++;
                    example(examples, send.address() + " FAILED: " + reason);
                }
                if (!copies.isEmpty()) {
                    failedButDelivered++;
                    example(examples, send.address() + " FAILED but in a sink");
                }
            } else {
                if (expectFailed) {
                    expectedNotFailed++;
                }
                String messageId = recipient.path("messageId").asText("");
                boolean matches = !copies.isEmpty() && ids.stream().allMatch(id -> id.equals(messageId)
                        || id.equals("<" + messageId + ">"));
                if (matches) {
                    delivered++;
                } else {
                    sentWithoutMessage++;
                    example(examples, send.address() + " " + status.get("status").asText() + " with " + messageId
                            + " but the sinks have " + ids);
                }
            }
        }
        int lost = notSettled + sentWithoutMessage + failedUnexpected;
        long deadLetters = DeadLetters.count(platform);
        Map<PlatformService, Boolean> ready = new LinkedHashMap<>();
        for (PlatformService service : PlatformService.values()) {
            ready.put(service, platform.service(service).isReady());
        }
        long recoverySeconds = faultEnded == null || lastSettled == null ? -1
                : Math.max(0, Duration.between(faultEnded, lastSettled).toSeconds());

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("invoices", invoices);
        figures.put("accepted", all.size());
        figures.put("delivered", delivered);
        figures.put("failedExpected", failedExpected);
        figures.put("failedUnexpected", failedUnexpected);
        figures.put("lost", lost);
        figures.put("duplicatesNewMessageId", duplicatesNewId);
        figures.put("repeatsSameMessageId", repeatsSameId);
        figures.put("sendsThroughOutcomeUnknown", outcomeUnknown);
        figures.put("messagesInSinks", dumped.size());
        figures.put("strayMessages", strays.size());
        figures.put("tenantNotices", notices.size());
        figures.put("tenantNoticesWithOneMessageId",
                notices.stream().map(SinkDumps.Dumped::messageId).distinct().count());
        figures.put("transactionsCutOffBySinkSwap", cutOff.size());
        figures.put("statusDisagreesWithSinks", sentWithoutMessage + failedButDelivered);
        figures.put("recoverySecondsAfterFaultEnd", recoverySeconds);
        figures.put("faultSeconds", faultStarted == null || faultEnded == null ? -1
                : Duration.between(faultStarted, faultEnded).toSeconds());
        figures.put("secondsToSettleAfterFaultEnd", faultEnded == null ? -1
                : Duration.between(faultEnded, settledBy).toSeconds());
        figures.put("bulkRequestsRetried", requestsRetried);
        figures.put("newDeadLetters", deadLetters - deadLettersBefore);
        figures.put("everyServiceReady", !ready.containsValue(false));
        figures.put("loadAverageAtEnd", loadAverage());
        figures.putAll(notes);
        if (linkClients != null) {
            checkVisits(checks, byAddress, figures);
        }
        // one notice per client's answer: each visit accepts once (a client starting again from its link finds its
        // answer given), and the notice is queued once per answer whatever the repeats of its event; a visit that
        // did not finish may or may not have accepted
        int visits = linkClients == null ? 0 : linkClients.visits().size();
        int finished = linkClients == null ? 0
                : (int) linkClients.visits().stream().filter(LinkClients.Visit::done).count();
        checks.assertThat(notices.size()).as("tenant notices (one per client's Accept)").isBetween(finished, visits);
        checks.assertThat(notices.stream().map(SinkDumps.Dumped::messageId).distinct().count())
                .as("tenant notices with a Message-ID of their own (none sent twice)").isEqualTo((long) notices.size());
        if (!examples.isEmpty()) {
            figures.put("examples", examples);
        }

        checks.assertThat(all.size()).as("sends accepted (every invoice, retried with its key)").isEqualTo(invoices);
        checks.assertThat(lost).as("lost: not settled " + notSettled + ", SENT without its message "
                + sentWithoutMessage + ", FAILED unexpectedly " + failedUnexpected + " " + examples).isZero();
        checks.assertThat(expectedNotFailed).as("sends the scenario expects to fail that did not").isZero();
        checks.assertThat(duplicatesNewId).as("recipients with two different Message-IDs").isZero();
        checks.assertThat(failedButDelivered).as("FAILED sends whose message is in a sink").isZero();
        checks.assertThat(strays).as("messages in the sinks to no accepted send").isEmpty();
        checks.assertThat(ready).as("readiness of every service after the scenario").doesNotContainValue(false);
        return figures;
    }

    private static void deleteRecursively(Path directory) throws java.io.IOException {
        if (!java.nio.file.Files.exists(directory)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(file);
            }
        }
    }

    /** The machine's 1-minute load average (two cores shared with other work: the figures depend on it). */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 10) {
            examples.add(example);
        }
    }

    /** When the send reached its final step (SENT or FAILED), by the platform's clock (this machine's). */
    private static Instant settledAt(JsonNode status) {
        Instant at = null;
        for (JsonNode entry : status.get("timeline")) {
            String step = entry.get("step").asText();
            if (step.equals("SENT") || step.equals("FAILED")) {
                at = latest(at, Instant.parse(entry.get("at").asText()));
            }
        }
        return at;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    void close() {
        pool.shutdownNow();
        if (linkClients != null) {
            linkClients.close();
        }
        ownServers.values().forEach(MailServer::close);
    }
}

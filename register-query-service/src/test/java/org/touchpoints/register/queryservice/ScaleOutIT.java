package org.touchpoints.register.queryservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The scale-out topology against a REAL Axon Server (opt-in: {@code AXON_SERVER_JAR=… ./mvnw -B -Pscaleout verify};
 * skipped, and saying so, without it — Axon Server is not on Maven Central, so CI has none). {@code ops/scaleout.sh}
 * starts on 127.0.0.1 Debian's PostgreSQL, Axon Server, 2 command and 2 query replicas and nginx; every scenario
 * talks to the gateway as a client would, and no acknowledged change may be lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {
    static final String ADMIN = "admin:scale-out-admin-1";
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String GATEWAY = "http://127.0.0.1:8180";
    static final List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
    static Path dir;
    static final AtomicInteger nextId = new AtomicInteger();
    static final int LOAD_CLIENTS = 4;
    static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("scaleout.loadSeconds", 30));

    @BeforeAll
    static void start() throws Exception {
        String jar = System.getenv("AXON_SERVER_JAR");
        Assumptions.assumeTrue(
                jar != null && new File(jar).isFile(),
                "ScaleOutIT skipped: set AXON_SERVER_JAR to an Axon Server SE jar (README, Scale-out without Docker)");
        dir = Files.createTempDirectory("scaleout-it");
        script("start");
        admin(
                "/api/v1/registers",
                "{\"id\":\"so\",\"authority\":\"ГЖИ (масштабирование)\",\"timeZone\":\"Europe/Moscow\","
                        + "\"publicationDeadlineWorkingDays\":10,\"template\":\"SIX_COLUMN\"}");
        admin(
                "/api/v1/registers/so/divisions",
                "{\"id\":\"lic\",\"name\":\"Отдел лицензирования\",\"processes\":[\"Лицензирование\"]}");
        for (String user : List.of("spec", "head", "dep", "pub")) {
            admin(
                    "/api/v1/accounts",
                    "{\"username\":\"" + user + "\",\"password\":\"" + password(user)
                            + "\",\"displayName\":\"Сотрудник " + user + "\"}");
        }
        admin("/api/v1/registers/so/members", "{\"username\":\"spec\",\"role\":\"SPECIALIST\",\"division\":\"lic\"}");
        admin("/api/v1/registers/so/members", "{\"username\":\"head\",\"role\":\"HEAD\",\"division\":\"lic\"}");
        admin("/api/v1/registers/so/members", "{\"username\":\"dep\",\"role\":\"DEPUTY\"}");
        admin("/api/v1/registers/so/members", "{\"username\":\"pub\",\"role\":\"PUBLISHER\"}");
    }

    @AfterAll
    static void stop() throws Exception {
        if (dir != null) {
            try {
                assertThat(eventually(
                                Duration.ofSeconds(60),
                                () -> acknowledged.stream().allMatch(ScaleOutIT::visible)))
                        .as("every acknowledged change is on the read side")
                        .isTrue();
            } finally {
                script("stop");
            }
        }
    }

    @Test
    @Order(1)
    void aChangeWalksThroughTheChainAndIsPublished() throws Exception {
        String id = approvedChange();
        assertThat(send("pub", "POST", "/api/v1/registers/so/publications", "{\"url\":\"https://example.gov.ru/v1\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(eventually(
                        Duration.ofSeconds(30),
                        () -> body("/api/v1/changes/" + id).contains("PUBLISHED")))
                .isTrue();
    }

    /**
     * The figures of issue 15: {@link #LOAD_CLIENTS} clients, each proposing changes in a register of its own through
     * the gateway for {@link #LOAD}, give commands/s and command latency; meanwhile a probe proposes a change every
     * 200 ms in register {@code so} and times until the read side shows it (projection lag p50/p99).
     */
    @Test
    @Order(2)
    void loadThroughTheGatewayCommandsPerSecondAndProjectionLag() throws Exception {
        for (int k = 0; k < LOAD_CLIENTS; k++) {
            String register = "so-load-" + k;
            admin(
                    "/api/v1/registers",
                    "{\"id\":\"" + register + "\",\"authority\":\"ГЖИ (нагрузка " + k + ")\","
                            + "\"timeZone\":\"Europe/Moscow\",\"publicationDeadlineWorkingDays\":10,\"template\":\"SIX_COLUMN\"}");
            admin(
                    "/api/v1/registers/" + register + "/divisions",
                    "{\"id\":\"lic\",\"name\":\"Отдел лицензирования\",\"processes\":[\"Лицензирование\"]}");
            admin(
                    "/api/v1/registers/" + register + "/members",
                    "{\"username\":\"spec\",\"role\":\"SPECIALIST\",\"division\":\"lic\"}");
        }
        long end = System.nanoTime() + LOAD.toNanos();
        List<Long> commandMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int k = 0; k < LOAD_CLIENTS; k++) {
            String register = "so-load-" + k;
            clients.add(new Thread(
                    () -> {
                        while (System.nanoTime() < end) {
                            String id = register + "-" + nextId.getAndIncrement();
                            long start = System.nanoTime();
                            try {
                                HttpResponse<String> response =
                                        send("spec", "POST", "/api/v1/registers/" + register + "/changes", change(id));
                                if (response.statusCode() == 201) {
                                    commandMillis.add((System.nanoTime() - start) / 1_000_000);
                                    acknowledged.add(id);
                                } else {
                                    refused.incrementAndGet();
                                }
                            } catch (Exception e) {
                                refused.incrementAndGet();
                            }
                        }
                    },
                    "load-" + k));
        }
        List<Long> lagMillis = new ArrayList<>();
        long started = System.nanoTime();
        clients.forEach(Thread::start);
        while (System.nanoTime() < end) { // the probe
            String id = initiated();
            long acknowledgedAt = System.nanoTime();
            while (!visible(id)
                    && System.nanoTime() - acknowledgedAt
                            < Duration.ofSeconds(30).toNanos()) {
                Thread.sleep(5);
            }
            lagMillis.add((System.nanoTime() - acknowledgedAt) / 1_000_000);
            Thread.sleep(200);
        }
        for (Thread client : clients) {
            client.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report(
                "load: %d clients x %d s through the gateway: %d commands, %.1f commands/s, %d not 201; command latency p50 %d ms, p99 %d ms",
                LOAD_CLIENTS,
                LOAD.toSeconds(),
                commandMillis.size(),
                commandMillis.size() / seconds,
                refused.get(),
                percentile(commandMillis, 50),
                percentile(commandMillis, 99));
        report(
                "load: projection lag (201 to visible through the gateway, %d probes): p50 %d ms, p99 %d ms",
                lagMillis.size(), percentile(lagMillis, 50), percentile(lagMillis, 99));
        assertThat(commandMillis).isNotEmpty();
        assertThat(refused).as("every command of the load answered 201").hasValue(0);

        // the processor metrics of the two query replicas: every segment of every processor reported by the replica
        // that holds it, labelled by processor and segment, and 0 once the load is over (idle lag is 0, not stale)
        long idleStart = System.nanoTime();
        assertThat(eventually(Duration.ofSeconds(60), () -> {
                    Map<String, Double> lag = new HashMap<>();
                    for (int port : List.of(8191, 8192)) {
                        lag.putAll(series(port, "register_processor_lag_events"));
                    }
                    return lag.size() == 16 && lag.values().stream().allMatch(v -> v == 0.0);
                }))
                .as(
                        "lag by processor and segment on both replicas: %s %s",
                        series(8191, "register_processor_lag_events"), series(8192, "register_processor_lag_events"))
                .isTrue();
        report(
                "load over: every segment's lag back to 0 events after %d ms",
                (System.nanoTime() - idleStart) / 1_000_000);
        for (int port : List.of(8191, 8192)) {
            assertThat(scrape(port)).as("no stale latency gauge").doesNotContainPattern("(?m)^[a-z]+_latency");
        }
    }

    /** The samples of one metric in a replica's scrape (as the administrator), by their labels. */
    static Map<String, Double> series(int port, String metric) {
        Map<String, Double> values = new HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + metric + "(\\{[^}]*\\}) ([0-9.eE+-]+)$")
                .matcher(scrape(port));
        while (m.find()) {
            values.put(port + m.group(1), Double.parseDouble(m.group(2)));
        }
        return values;
    }

    static String scrape(int port) {
        try {
            return HTTP.send(
                            request(ADMIN, "http://127.0.0.1:" + port + "/actuator/prometheus")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            return "";
        }
    }

    static long percentile(List<Long> values, int p) {
        List<Long> sorted;
        synchronized (values) {
            sorted = values.stream().sorted().toList();
        }
        return sorted.isEmpty()
                ? -1
                : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    @Test
    @Order(3)
    void aKilledQueryReplicasSegmentsAreTakenOverAndReadsGoOn() throws Exception {
        List<String> processors = List.of("projections", "history", "metrics", "reminders");
        String victim = Files.readString(dir.resolve("query-2.pid")).strip() + "@"; // its token owner: pid@host
        int held = processors.stream()
                .mapToInt(p -> segmentOwners(p).entrySet().stream()
                        .filter(e -> e.getKey().startsWith(victim))
                        .mapToInt(Map.Entry::getValue)
                        .sum())
                .sum();
        script("kill-one", "query-2");
        long killed = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong takenOver = new java.util.concurrent.atomic.AtomicLong(-1);
        Thread watcher = new Thread(
                () -> { // until the survivor holds every segment of every processor
                    while (takenOver.get() < 0
                            && System.nanoTime() - killed
                                    < Duration.ofSeconds(120).toNanos()) {
                        if (processors.stream().allMatch(p -> {
                            Map<String, Integer> owners = segmentOwners(p);
                            return owners.size() == 1
                                    && owners.values().iterator().next() == 4
                                    && !owners.keySet().iterator().next().startsWith(victim);
                        })) {
                            takenOver.set((System.nanoTime() - killed) / 1_000_000);
                        }
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
        watcher.start();
        try {
            List<Integer> failed = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int status = get(ADMIN, "/api/v1/registers").statusCode(); // a read while one replica is dead
                if (status != 200) {
                    failed.add(status);
                }
            }
            assertThat(failed)
                    .as("the gateway routes reads around the dead replica")
                    .isEmpty();
            long start = System.nanoTime();
            String id = initiated();
            assertThat(eventually(Duration.ofSeconds(90), () -> visible(id)))
                    .as("projected by the survivor")
                    .isTrue();
            report("query replica killed: new change visible after %d ms", (System.nanoTime() - start) / 1_000_000);
            watcher.join();
            report(
                    "query replica killed: it held %d of the 16 segments; the survivor holds all 16 %d ms after the kill",
                    held, takenOver.get());
            assertThat(takenOver.get()).as("takeover").isPositive();
        } finally {
            script("start-one", "query-2");
        }
    }

    @Test
    @Order(4)
    void aKilledCommandReplicaIsRoutedAround() throws Exception {
        script("kill-one", "command-2");
        try {
            for (int i = 0; i < 5; i++) {
                initiated();
            }
        } finally {
            script("start-one", "command-2");
        }
    }

    @Test
    @Order(5)
    void whileAxonServerIsDownCommandsAre503AndReplicasNotReadyThenAllRecovers() throws Exception {
        script("stop-one", "axonserver");
        try {
            refusedWhileAxonServerIsDown();
        } finally {
            long start = System.nanoTime();
            script("start-one", "axonserver");
            assertThat(eventually(
                            Duration.ofSeconds(120),
                            () -> status(8181, "/actuator/health/readiness") == 200
                                    && status(8191, "/actuator/health/readiness") == 200))
                    .isTrue();
            report("Axon Server restarted: replicas ready again after %d ms", (System.nanoTime() - start) / 1_000_000);
        }
        assertThat(eventually(Duration.ofSeconds(60), () -> {
                    try {
                        return visible(initiated());
                    } catch (Exception e) {
                        return false;
                    }
                }))
                .isTrue();
    }

    private static void refusedWhileAxonServerIsDown() throws Exception {
        HttpResponse<String> refused =
                send("spec", "POST", "/api/v1/registers/so/changes", change("so-down-" + nextId.getAndIncrement()));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("временно недоступен");
        assertThat(status(8181, "/actuator/health/readiness")).isEqualTo(503);
        assertThat(status(8191, "/actuator/health/readiness")).isEqualTo(503);
        assertThat(status(8191, "/actuator/health/liveness")).isEqualTo(200);
    }

    @Test
    @Order(6)
    void aRollingRestartGivesNo502() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger badGateway = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (running.get()) {
                try {
                    requests.incrementAndGet();
                    if (get(ADMIN, "/api/v1/registers/so/rows").statusCode() == 502) {
                        badGateway.incrementAndGet();
                    }
                    Thread.sleep(50);
                } catch (Exception e) {
                    badGateway.incrementAndGet();
                }
            }
        });
        reader.start();
        try {
            for (String replica : List.of("query-1", "query-2", "command-1", "command-2")) {
                script("restart-replica", replica);
            }
        } finally {
            running.set(false);
            reader.join();
        }
        report("rolling restart: %d reads, %d answered 502", requests.get(), badGateway.get());
        assertThat(badGateway).hasValue(0);
    }

    @Test
    @Order(7)
    void threeQueryReplicasShareFourSegmentsTwoOneOne() throws Exception {
        script("start-one", "query-3");
        try {
            assertThat(eventually(Duration.ofSeconds(90), () -> {
                        Map<String, Integer> owners = segmentOwners("projections");
                        return owners.size() == 3
                                && owners.values().stream().sorted().toList().equals(List.of(1, 1, 2));
                    }))
                    .as("segments of 'projections' per owner: %s", segmentOwners("projections"))
                    .isTrue();
        } finally {
            script("stop-one", "query-3");
        }
    }

    @Test
    @Order(8)
    void aRebuildWithOneQueryReplicaBringsTheReadModelsBack() throws Exception {
        script("stop-one", "query-2");
        assertThat(eventually(
                        Duration.ofSeconds(60),
                        () -> segmentOwners("projections").size() == 1))
                .isTrue();
        String before = readModels();
        String rebuildUrl = "http://127.0.0.1:8191/api/v1/admin/projections/rebuild";
        HttpResponse<String> rebuild = HTTP.send(
                request(ADMIN, rebuildUrl)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
        assertThat(rebuild.body()).contains("\"state\":\"REPLAYING\"");
        // the replay writes fresh tables; the live ones serve meanwhile, then the rebuilt ones are switched in
        assertThat(eventually(Duration.ofSeconds(180), () -> {
                    try {
                        String state = HTTP.send(
                                        request(ADMIN, rebuildUrl).GET().build(), HttpResponse.BodyHandlers.ofString())
                                .body();
                        assertThat(state).doesNotContain("\"state\":\"FAILED\"");
                        return state.contains("\"state\":\"DONE\"");
                    } catch (IOException | InterruptedException e) {
                        return false;
                    }
                }))
                .as("the rebuild is switched in")
                .isTrue();
        assertThat(readModels())
                .as("the rebuilt read models equal the snapshot before")
                .isEqualTo(before);
        assertThat(tableCount("rebuild"))
                .as("no fresh tables left beside the live ones")
                .isZero();
        // the live processors go on from the rebuild's position, with tokens they read back: a new change appears
        String after = initiated();
        assertThat(eventually(Duration.ofSeconds(60), () -> visible(after)))
                .as("a change after the rebuild")
                .isTrue();
        script("start-one", "query-2");
    }

    static long tableCount(String schema) {
        try (Connection db = database();
                ResultSet rs = db.createStatement()
                        .executeQuery("select count(*) from information_schema.tables where table_schema = '" + schema
                                + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }

    // ---- the client ----

    static String approvedChange() throws Exception {
        String id = initiated();
        assertThat(send("head", "POST", "/api/v1/changes/" + id + "/division-approval", "{}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> approved = send("dep", "POST", "/api/v1/changes/" + id + "/deputy-approval", "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return id;
    }

    static String initiated() throws Exception {
        String id = "so-" + nextId.getAndIncrement();
        HttpResponse<String> response = send("spec", "POST", "/api/v1/registers/so/changes", change(id));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        acknowledged.add(id);
        return id;
    }

    static String change(String id) {
        return "{\"changeId\":\"" + id + "\",\"kind\":\"ADD\",\"reason\":\"NEW_TOUCHPOINT\",\"row\":{\"direction\":"
                + "\"Предоставление государственных услуг\",\"process\":\"Лицензирование\",\"touchpoint\":{\"name\":\"Канал "
                + id + "\",\"channel\":\"DIGITAL\",\"address\":\"https://t.me/" + id + "\"},\"needs\":[1,2]}}";
    }

    static boolean visible(String changeId) {
        try {
            return get(ADMIN, "/api/v1/changes/" + changeId).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static String password(String user) {
        return "scale-out-" + user + "-password";
    }

    static void admin(String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(
                request(ADMIN, GATEWAY + path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
    }

    static HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        return HTTP.send(
                request(user + ":" + password(user), GATEWAY + path)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String credentials, String path) throws Exception {
        return HTTP.send(request(credentials, GATEWAY + path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String body(String path) {
        try {
            return get(ADMIN, path).body();
        } catch (Exception e) {
            return "";
        }
    }

    static int status(int port, String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static HttpRequest.Builder request(String credentials, String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- the topology ----

    static void script(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "../ops/scaleout.sh"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/scaleout-it.log")));
        builder.environment().put("SCALEOUT_DIR", dir.toString());
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES))
                .as("ops/scaleout.sh %s finished", String.join(" ", args))
                .isTrue();
        assertThat(process.exitValue())
                .as("ops/scaleout.sh %s (target/scaleout-it.log)", String.join(" ", args))
                .isZero();
    }

    static Map<String, Integer> segmentOwners(String processor) {
        Map<String, Integer> owners = new HashMap<>();
        try (Connection db = database();
                ResultSet rs = db.createStatement()
                        .executeQuery("select owner, count(*) from token_entry where processor_name = '" + processor
                                + "' and owner is not null group by owner")) {
            while (rs.next()) {
                owners.put(rs.getString(1), rs.getInt(2));
            }
        } catch (Exception e) {
            return Map.of();
        }
        return owners;
    }

    /** The read models a rebuild writes, as text (the timeline without its serial column). */
    static String readModels() {
        StringBuilder all = new StringBuilder();
        try (Connection db = database()) {
            for (String sql : List.of(
                    "select * from q_register order by register_id",
                    "select * from q_row order by register_id, row_id",
                    "select * from q_change order by change_id",
                    "select * from q_publication order by register_id, version",
                    "select change_id, event, at, by_user from q_change_timeline order by change_id, seq")) {
                try (ResultSet rs = db.createStatement().executeQuery(sql)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            all.append(rs.getString(c)).append('|');
                        }
                        all.append('\n');
                    }
                }
            }
        } catch (Exception e) {
            return "unreadable: " + e;
        }
        return all.toString();
    }

    static Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:55432/register", "postgres", "");
    }

    static boolean eventually(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(500);
        }
        return condition.getAsBoolean();
    }

    static void report(String format, Object... args) throws IOException {
        String line = String.format(format, args);
        System.out.println("[scale-out] " + line);
        Files.writeString(
                Path.of("target/scaleout-figures.txt"),
                line + System.lineSeparator(),
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}

package org.touchpoints.register.app.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.app.Api;

/**
 * The benchmark command (README, "Benchmark"): starts the standalone application as its own process on its
 * embedded PostgreSQL with the product's durable settings and prints plain lines:
 * <ol>
 *   <li>start-up time and resident memory;</li>
 *   <li>change lifecycles/s and commands/s with K concurrent HTTP clients, command latency and projection lag,
 *       and the raw durable commit rate of plain JDBC on the same PostgreSQL with K threads (the ratio is our
 *       distance to the physical limit);</li>
 *   <li>replay: the event store is seeded directly with {@code bench.registers} registers of {@link #ROWS} rows
 *       (about 2.8 million events at the default 10,000), then every projection is rebuilt over HTTP;</li>
 *   <li>query latency at that size: the deadline dashboard, the current register, a change, the lists.</li>
 * </ol>
 * Every phase also prints the CPU seconds the application, PostgreSQL, this client and the rest of the machine
 * used meanwhile: other work on the machine skews the figures, and the split shows where the time went.
 * Not part of the normal test run (profile {@code benchmark}).
 */
class RegisterBenchmark {
    static final int ROWS = 200;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    /**
     * Lifecycles before the measured ones, so the JIT compiler has done most of its work (the product and the peer
     * alike): after 20 s the C2 compiler still took ~30 % of the application's CPU in the measured seconds, after 60 s
     * ~15 % (BENCHMARKS.md); a server runs for days, so the steady state is the figure.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 60));

    private static final int REGISTERS = Integer.getInteger("bench.registers", 10_000);
    private static final Set<String> PARTS =
            Set.of(System.getProperty("bench.parts", "lifecycle,replay,queries").split(","));
    static final String PROCESS =
            "Лицензирование предпринимательской деятельности по управлению многоквартирными домами на территории Смоленской области";

    @Test
    void run() throws Exception {
        if (PARTS.contains("side-by-side")) {
            SideBySide.run(jvmArgs(), WARM_UP, RUN);
            return;
        }
        System.out.printf(
                "machine: %d cores, %d MiB memory, load average %s; java %s%n",
                Runtime.getRuntime().availableProcessors(),
                totalMemoryMiB(),
                loadAverage(),
                System.getProperty("java.version"));
        try (BenchmarkApp app = BenchmarkApp.start(jvmArgs())) {
            Api api = app.api;
            System.out.printf(
                    "startup: %.1f s to healthy (demo data loading continues in the background)%n", app.startupSeconds);
            waitForDemo(api);
            System.out.printf(
                    "resident memory after start: %d MiB (JVM process; PostgreSQL runs in its own processes; JVM options: "
                            + String.join(" ", jvmArgs()) + ")%n",
                    app.rssMiB());
            double productK8 = Double.NaN;
            if (PARTS.contains("lifecycle")) {
                productK8 = lifecycles(app);
            }
            if (PARTS.contains("peer")) {
                peer(productK8);
            }
            List<String> registers = List.of();
            List<String> changes = List.of();
            if (PARTS.contains("replay") || PARTS.contains("lists")) {
                EventSeeder.Seeded seeded = seedAndRebuild(app);
                registers = seeded.registerIds();
                changes = seeded.changeIds();
            }
            if (PARTS.contains("queries")) {
                queries(app, registers.isEmpty() ? List.of("smolensk-gzhi") : registers, changes);
            }
            if (PARTS.contains("lists")) {
                ListsBenchmark.lists(app, registers);
            }
            if (PARTS.contains("import")) {
                BulkBenchmark.run(app);
            }
            long rss = app.rssMiB();
            System.out.printf(
                    "resident memory at the end: %d MiB (application JVM options: %s)  goal < 512 MiB: %s%n",
                    rss, String.join(" ", jvmArgs()), rss < 512 ? "met" : "missed by " + (rss - 512) + " MiB");
        }
        if (PARTS.contains("startup")) {
            ListsBenchmark.startup(jvmArgs());
        }
    }

    /**
     * The JVM options the README gives for the standalone application (issue 16, item 5: resident memory after the
     * load under 512 MiB with them); {@code -Dbench.appJvmArgs=none} runs it with the JVM's defaults instead, and any
     * other value replaces them (e.g. to add a flight recording).
     */
    static final String README_JVM_OPTIONS = "-Xmx256m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m";

    static List<String> jvmArgs() {
        String args = System.getProperty("bench.appJvmArgs", README_JVM_OPTIONS).trim();
        return args.isEmpty() || args.equals("none") ? List.of() : Arrays.asList(args.split("\\s+"));
    }

    // ------------------------------------------------------------------------------------------ lifecycles

    /** @return the lifecycles/s at K = 8 */
    private static double lifecycles(BenchmarkApp app) throws Exception {
        double k8 = Double.NaN;
        List<String> warmUp = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            warmUp.add(register(app.api, "warm-up-" + i));
        }
        BenchmarkApp.CpuTimes before = app.cpu();
        Result w = lifecycles(app.api, warmUp, WARM_UP);
        System.out.printf(
                "warm-up (K=8, not measured): %d commands in %d s; cpu: %s%n",
                w.commands, WARM_UP.toSeconds(), app.cpu().since(before));
        SameWorkBaseline.Capture capture = null;
        try {
            capture = captureOneLifecycle(app);
        } catch (Exception notCaptured) {
            // an application without the server-log setting (an older build under -Dbench.jar)
            System.out.println("same-work baseline: not measured: " + notCaptured.getMessage());
        }
        for (int k : Arrays.stream(System.getProperty("bench.clients", "1,8,32").split(","))
                .mapToInt(Integer::parseInt)
                .toArray()) {
            List<String> registers = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                registers.add(register(app.api, "bench-" + k + "-" + i));
            }
            before = app.cpu();
            Result r = lifecycles(app.api, registers, RUN);
            System.out.printf("K=%d cpu: %s%n", k, app.cpu().since(before));
            double commits = rawCommits(app.jdbcUrl(), k);
            double commandsPerSecond = r.commands / (double) RUN.toSeconds();
            System.out.printf(
                    "K=%d lifecycles/s: %.1f  commands/s: %.1f  command latency p50: %.1f ms  p99: %.1f ms  "
                            + "projection lag p50: %.1f ms  p99: %.1f ms%n",
                    k,
                    r.lifecycles / (double) RUN.toSeconds(),
                    commandsPerSecond,
                    pct(r.latencies, 50),
                    pct(r.latencies, 99),
                    pct(r.lags, 50),
                    pct(r.lags, 99));
            System.out.printf(
                    "K=%d raw durable single-row commits/s (plain JDBC): %.1f  ratio commands/commits: %.3f%n",
                    k, commits, commandsPerSecond / commits);
            if (k == 8) {
                k8 = r.lifecycles / (double) RUN.toSeconds();
            }
            if (capture == null) {
                continue;
            }
            before = app.cpu();
            double sameWork;
            try {
                sameWork = SameWorkBaseline.replay(
                        app.jdbcUrl(),
                        capture,
                        registers,
                        RUN,
                        List.copyOf(capture.commands().keySet()));
            } catch (Exception failed) {
                // a replayed statement refused (e.g. a new unique key the replay does not make fresh): say so, go on
                System.out.printf("K=%d same-work baseline: not measured: %s%n", k, failed);
                continue;
            }
            System.out.printf("K=%d same-work baseline cpu: %s%n", k, app.cpu().since(before));
            System.out.printf(
                    "K=%d same-work baseline (the product's statements of each command, replayed through plain JDBC, "
                            + "one transaction per command): commands/s: %.1f  product commands/s ÷ baseline: %.2f (goal ≥ 0.5)%n",
                    k, sameWork, commandsPerSecond / sameWork);
        }
        return k8;
    }

    /**
     * One lifecycle (initiation, division approval, deputy approval, publication) in a register of its own with
     * PostgreSQL's statement log on: the statements of each command, for the same-work baseline.
     */
    private static SameWorkBaseline.Capture captureOneLifecycle(BenchmarkApp app) throws Exception {
        String register = register(app.api, "baseline-capture");
        String touchpoint = "Точка захвата";
        String[] change = new String[1];
        Map<String, Supplier<Api.Response>> commands = new java.util.LinkedHashMap<>();
        commands.put("initiation", () -> {
            Api.Response r = app.api
                    .as("initiator")
                    .post(
                            "/api/v1/registers/" + register + "/changes",
                            Map.of(
                                    "kind",
                                    "ADD",
                                    "reason",
                                    "NEW_TOUCHPOINT",
                                    "row",
                                    Map.of(
                                            "direction",
                                            "Предоставление государственных услуг",
                                            "process",
                                            PROCESS,
                                            "touchpoint",
                                            Map.of("name", touchpoint, "channel", "DIGITAL"),
                                            "needs",
                                            List.of(1))));
            check(r);
            change[0] = r.json().get("changeId").asString();
            return r;
        });
        commands.put(
                "division-approval",
                () -> app.api.as("division-head").post("/api/v1/changes/" + change[0] + "/division-approval", "{}"));
        commands.put(
                "deputy-approval",
                () -> app.api.as("deputy").post("/api/v1/changes/" + change[0] + "/deputy-approval", "{}"));
        commands.put(
                "publication",
                () -> app.api
                        .as("publisher")
                        .post(
                                "/api/v1/registers/" + register + "/publications",
                                Map.of("url", "https://example.gov.ru/perechen")));
        SameWorkBaseline.Capture capture = SameWorkBaseline.capture(app, register, touchpoint, commands);
        System.out.printf(
                "same-work baseline: captured %d statements of one lifecycle (%s; publication replayed every "
                        + "10th lifecycle, as the clients publish)%n%s",
                capture.statements(), capture.perKind(), SameWorkBaseline.summary(capture));
        return capture;
    }

    /**
     * The peer (issue 16, item 1): Flowable 7.2 in-process on its own durable embedded PostgreSQL, the same chain at
     * K = 8, and the product's K = 8 lifecycles/s of this run divided by it. The peer's class is compiled only under
     * the benchmark profile, hence the reflective call.
     */
    @SuppressWarnings("unchecked")
    private static void peer(double productK8) throws Exception {
        var peer = (java.util.function.Function<Map<String, Object>, Map<String, Object>>)
                Class.forName("org.touchpoints.register.app.bench.peer.FlowablePeer")
                        .getDeclaredConstructor()
                        .newInstance();
        long start = System.nanoTime();
        Map<String, Object> r =
                peer.apply(Map.of("clients", 8, "seconds", RUN.toSeconds(), "warmUpSeconds", WARM_UP.toSeconds()));
        List<Double> latencies = (List<Double>) r.get("latencies");
        double lifecycles = (Long) r.get("lifecycles") / (double) RUN.toSeconds();
        System.out.printf(
                "peer Flowable 7.2 in-process (history audit, async executor off, own durable PostgreSQL), K=8: "
                        + "lifecycles/s: %.1f  state changes/s: %.1f  step latency p50: %.1f ms  p99: %.1f ms  (%.0f s with "
                        + "engine start and warm-up)%n",
                lifecycles,
                (Long) r.get("stateChanges") / (double) RUN.toSeconds(),
                pct(latencies, 50),
                pct(latencies, 99),
                (System.nanoTime() - start) / 1e9);
        if (!Double.isNaN(productK8)) {
            System.out.printf(
                    "K=8 product lifecycles/s ÷ Flowable lifecycles/s: %.2f (goal ≥ 3)%n", productK8 / lifecycles);
        }
    }

    record Result(long lifecycles, long commands, List<Double> latencies, List<Double> lags) {}

    /** Each client works in a register of its own, as the authorities of a region do. */
    static Result lifecycles(Api root, List<String> registers, Duration run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(registers.size());
        AtomicLong lifecycles = new AtomicLong();
        AtomicLong commands = new AtomicLong();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Double> lags = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + run.toNanos();
        List<Future<?>> clients = new ArrayList<>();
        for (String register : registers) {
            clients.add(pool.submit(() -> {
                Api initiator = root.as("initiator");
                Api head = root.as("division-head");
                Api deputy = root.as("deputy");
                Api publisher = root.as("publisher");
                int n = 0;
                while (System.nanoTime() < end) {
                    n++;
                    int touchpoint = n;
                    String change = timed(
                                    latencies,
                                    commands,
                                    () -> initiator.post(
                                            "/api/v1/registers/" + register + "/changes",
                                            Map.of(
                                                    "kind",
                                                    "ADD",
                                                    "reason",
                                                    "NEW_TOUCHPOINT",
                                                    "row",
                                                    Map.of(
                                                            "direction",
                                                            "Предоставление государственных услуг",
                                                            "process",
                                                            PROCESS,
                                                            "touchpoint",
                                                            Map.of("name", "Точка " + touchpoint, "channel", "DIGITAL"),
                                                            "needs",
                                                            List.of(1)))))
                            .json()
                            .get("changeId")
                            .asString();
                    long acked = System.nanoTime();
                    while (!initiator.get("/api/v1/changes/" + change).body().contains("INITIATED")) {
                        Thread.onSpinWait();
                    }
                    lags.add((System.nanoTime() - acked) / 1e6);
                    timed(
                            latencies,
                            commands,
                            () -> head.post("/api/v1/changes/" + change + "/division-approval", "{}"));
                    timed(
                            latencies,
                            commands,
                            () -> deputy.post("/api/v1/changes/" + change + "/deputy-approval", "{}"));
                    lifecycles.incrementAndGet();
                    if (n % 10 == 0) {
                        timed(
                                latencies,
                                commands,
                                () -> publisher.post(
                                        "/api/v1/registers/" + register + "/publications",
                                        Map.of("url", "https://example.gov.ru/perechen")));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();
        return new Result(lifecycles.get(), commands.get(), latencies, lags);
    }

    private static Api.Response timed(List<Double> latencies, AtomicLong commands, Supplier<Api.Response> call) {
        long t = System.nanoTime();
        Api.Response r = call.get();
        if (r.status() >= 300) {
            throw new IllegalStateException("Command refused: " + r);
        }
        latencies.add((System.nanoTime() - t) / 1e6);
        commands.incrementAndGet();
        return r;
    }

    private static double rawCommits(String url, int threads) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("create table if not exists bench_commit(id bigserial primary key, v text)");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + RUN.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, "postgres", "");
                        PreparedStatement insert = c.prepareStatement("insert into bench_commit(v) values (?)")) {
                    c.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        insert.setString(1, "x");
                        insert.executeUpdate();
                        commits.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        return commits.get() / (double) RUN.toSeconds();
    }

    static String register(Api api, String id) {
        Api admin = api.as("admin");
        check(admin.post(
                "/api/v1/registers",
                Map.of(
                        "id",
                        id,
                        "authority",
                        "Бенчмарк",
                        "timeZone",
                        "Europe/Moscow",
                        "template",
                        "SIX_COLUMN",
                        "publicationDeadlineWorkingDays",
                        10)));
        check(admin.post(
                "/api/v1/registers/" + id + "/divisions",
                Map.of("id", "licensing", "name", "Лицензирование", "processes", List.of(PROCESS))));
        check(admin.post(
                "/api/v1/registers/" + id + "/members",
                Map.of("username", "initiator", "role", "SPECIALIST", "division", "licensing")));
        check(admin.post(
                "/api/v1/registers/" + id + "/members",
                Map.of("username", "division-head", "role", "HEAD", "division", "licensing")));
        check(admin.post("/api/v1/registers/" + id + "/members", Map.of("username", "deputy", "role", "DEPUTY")));
        check(admin.post("/api/v1/registers/" + id + "/members", Map.of("username", "publisher", "role", "PUBLISHER")));
        return id;
    }

    // ------------------------------------------------------------------------------------------ replay

    private static EventSeeder.Seeded seedAndRebuild(BenchmarkApp app) throws Exception {
        checkSerialization(app.jdbcUrl());
        BenchmarkApp.CpuTimes before = app.cpu();
        EventSeeder.Seeded seeded = EventSeeder.seed(app.jdbcUrl(), REGISTERS, Instant.now());
        System.out.printf(
                "seeded %d events (%d registers × %d rows, %d changes each) into the event store in %.1f s: "
                        + "%.0f events/s appended in batches through Axon's JDBC storage engine%n",
                seeded.events(),
                seeded.registers(),
                ROWS,
                EventSeeder.CHANGES,
                seeded.seconds(),
                seeded.events() / seeded.seconds());
        System.out.printf("seeding cpu: %s%n", app.cpu().since(before));
        if (seeded.rows() != (long) seeded.registers() * ROWS) {
            throw new IllegalStateException("Seeded " + seeded.rows() + " rows, expected " + seeded.registers() * ROWS);
        }
        try (Connection c = DriverManager.getConnection(app.jdbcUrl(), "postgres", "")) {
            c.createStatement().execute("vacuum analyze domain_event_entry");
        }
        before = app.cpu();
        long start = System.nanoTime();
        // the rebuild runs in the background (202) into fresh tables, then is switched in: follow it to the end
        Api.Response r = app.api.as("admin").post("/api/v1/admin/projections/rebuild", "{}");
        check(r);
        // a build before the rebuild without downtime (-Dbench.jar=…) answers 200 when done, in one transaction that
        // held every command back: the same figure, for a before/after pair
        boolean blocking = r.status() == 200;
        if (!blocking) {
            String path =
                    "/api/v1/admin/projections/rebuild/" + r.json().get("id").asString();
            do {
                Thread.sleep(100);
                r = app.api.as("admin").get(path);
                check(r);
            } while (!Set.of("DONE", "FAILED").contains(r.json().get("state").asString()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!blocking && !r.json().get("state").asString().equals("DONE")) {
            throw new IllegalStateException("Rebuild failed: " + r.body());
        }
        long events = r.json().get("events").asLong();
        System.out.printf(
                "replay: rebuilt every projection from %d events in %.1f s: %.0f events/s (goal ≥ 50000: %s; "
                        + "%d letters parked), %s%n",
                events,
                seconds,
                events / seconds,
                events / seconds >= 50_000 ? "met" : String.format("missed by %.0f", 50_000 - events / seconds),
                r.json().get("parked").asLong(),
                blocking ? "every command held back meanwhile (old engine)" : "without stopping commands");
        System.out.printf("replay cpu: %s%n", app.cpu().since(before));
        try (Connection c = DriverManager.getConnection(app.jdbcUrl(), "postgres", "");
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "select (select count(*) from q_row), "
                                        + "(select count(*) from q_change), (select count(*) from q_history), pg_database_size('postgres')")) {
            rs.next();
            System.out.printf(
                    "read models after replay: %d rows, %d changes, %d history entries; database %d MiB%n",
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) >> 20);
            // the replay left a dead version behind every update it made; autovacuum clears them soon after
            long vacuum = System.nanoTime();
            c.createStatement().execute("vacuum analyze q_change, q_register, q_row");
            System.out.printf(
                    "vacuum of the updated read models (autovacuum's work after a rebuild): %.1f s%n",
                    (System.nanoTime() - vacuum) / 1e9);
        }
        return seeded;
    }

    /** The seeder writes payloads byte for byte as the application does: checked on events the application wrote. */
    private static void checkSerialization(String url) throws Exception {
        List<String> checked = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                ResultSet rs = c.createStatement().executeQuery("""
                     select distinct on (payload_type) payload_type, payload from domain_event_entry
                     order by payload_type, global_index desc""")) {
            while (rs.next()) {
                if (!EventSeeder.sameSerialization(rs.getString(1), rs.getBytes(2))) {
                    throw new IllegalStateException(
                            "The seeder would not serialize " + rs.getString(1) + " as the application does");
                }
                checked.add(rs.getString(1).substring(rs.getString(1).lastIndexOf('.') + 1));
            }
        }
        System.out.println("seeder serialization matches the application's on " + checked);
    }

    // ------------------------------------------------------------------------------------------ queries

    private static void queries(BenchmarkApp app, List<String> registers, List<String> changes) throws Exception {
        Api auditor = app.api.as("auditor");
        Random random = new Random(42);
        Supplier<String> register = () -> registers.get(random.nextInt(registers.size()));
        Supplier<String> change = () -> changes.isEmpty() ? null : changes.get(random.nextInt(changes.size()));
        BenchmarkApp.CpuTimes before = app.cpu();
        latency(auditor, "deadline dashboard, every register", 200, () -> "/api/v1/deadlines");
        latency(
                auditor,
                "deadline dashboard, one register",
                200,
                () -> "/api/v1/deadlines?registerId=" + register.get());
        latency(auditor, "deadline dashboard, AT_RISK", 200, () -> "/api/v1/deadlines?status=AT_RISK");
        latency(auditor, "deadline dashboard, OVERDUE", 200, () -> "/api/v1/deadlines?status=OVERDUE");
        latency(auditor, "current register (rows)", 200, () -> "/api/v1/registers/" + register.get() + "/rows");
        latency(auditor, "changes of a register", 200, () -> "/api/v1/registers/" + register.get() + "/changes");
        if (!changes.isEmpty()) {
            latency(auditor, "one change with its timeline", 200, () -> "/api/v1/changes/" + change.get());
        }
        latency(auditor, "list of registers", 20, () -> "/api/v1/registers");
        System.out.printf("queries cpu: %s%n", app.cpu().since(before));
    }

    private static void latency(Api api, String name, int samples, Supplier<String> path) {
        long first = System.nanoTime();
        for (int i = 0; i < Math.max(3, samples / 10); i++) {
            check(api.get(path.get()));
            if (i == 0 && System.nanoTime() - first > 1_000_000_000L) {
                samples = 10; // seconds per request: a few samples say enough
                break;
            }
        }
        List<Double> times = new ArrayList<>();
        long bytes = 0;
        int entries = 0;
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            Api.Response r = api.get(path.get());
            times.add((System.nanoTime() - t) / 1e6);
            check(r);
            bytes += r.body().length();
            if (r.body().startsWith("[")) {
                entries += r.json().size();
            }
        }
        System.out.printf(
                "query %s: p50 %.1f ms  p95 %.1f ms  (%d requests, %.0f entries and %.0f KiB per response)%n",
                name, pct(times, 50), pct(times, 95), samples, entries / (double) samples, bytes / 1024.0 / samples);
    }

    // ------------------------------------------------------------------------------------------ helpers

    static void check(Api.Response r) {
        if (r.status() >= 300) {
            throw new IllegalStateException(
                    r.toString().substring(0, Math.min(2000, r.toString().length())));
        }
    }

    static void waitForDemo(Api api) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (api.as("admin").get("/api/v1/registers").body().contains("smolensk-gzhi")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Demo accounts were not loaded");
    }

    static String loadAverage() {
        try {
            return String.join(
                    " ",
                    Arrays.copyOf(
                            java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                                    .trim()
                                    .split(" "),
                            3));
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static long totalMemoryMiB() {
        try {
            return Long.parseLong(java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/meminfo"))
                            .get(0)
                            .replaceAll("\\D", ""))
                    / 1024;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    static double pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

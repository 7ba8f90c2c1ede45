package org.touchpoints.register.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.app.Api;

/**
 * The benchmark command (see README, "Benchmark"): starts the standalone application as its own process on
 * its embedded PostgreSQL with the product's durable settings, drives change lifecycles over HTTP with K
 * concurrent clients, measures the raw durable commit rate of the same PostgreSQL with K JDBC threads, and
 * prints plain lines. Not part of the normal test run.
 */
class LifecycleBenchmark {
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    private static final String PROCESS =
            "Лицензирование предпринимательской деятельности по управлению многоквартирными домами на территории Смоленской области";

    @Test
    void run() throws Exception {
        Path dataDir = Files.createTempDirectory("register-bench-");
        Path log = dataDir.resolve("app.log");
        int port = 18000 + (int) (ProcessHandle.current().pid() % 1000);
        long startNanos = System.nanoTime();
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Ddisable-axoniq-console-message=true", "-jar", "target/register-app.jar",
                "--server.port=" + port, "--register.embedded-postgres.data-dir=" + dataDir,
                "--spring.profiles.active=demo", "--logging.level.root=WARN",
                "--logging.level.org.touchpoints.register.app.database=INFO")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Api api = Api.at(port);
            waitUntilUp(api, app);
            double startup = (System.nanoTime() - startNanos) / 1e9;
            int pgPort = postgresPort(log);
            System.out.printf("startup: %.1f s to healthy (demo data loading continues in the background)%n", startup);
            waitForDemo(api);
            System.out.printf("resident memory after start: %d MiB (JVM process; PostgreSQL runs in its own processes)%n",
                    rssMiB(app.pid()));

            for (int k : new int[] {1, 8, 32}) {
                List<String> registers = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    registers.add(register(api, "bench-" + k + "-" + i));
                }
                Result r = lifecycles(api, registers);
                double commits = rawCommits(pgPort, k);
                System.out.printf("K=%d lifecycles/s: %.1f  commands/s: %.1f  command latency p50: %.1f ms  p99: %.1f ms  "
                                + "projection lag p50: %.1f ms  p99: %.1f ms%n", k, r.lifecycles / (double) RUN.toSeconds(),
                        r.commands / (double) RUN.toSeconds(), pct(r.latencies, 50), pct(r.latencies, 99),
                        pct(r.lags, 50), pct(r.lags, 99));
                System.out.printf("K=%d raw durable single-row commits/s (plain JDBC): %.1f  ratio commands/commits: %.2f%n",
                        k, commits, r.commands / (double) RUN.toSeconds() / commits);
            }
            System.out.printf("resident memory at the end: %d MiB%n", rssMiB(app.pid()));
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    private record Result(long lifecycles, long commands, List<Double> latencies, List<Double> lags) {
    }

    private static Result lifecycles(Api root, List<String> registers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(registers.size());
        AtomicLong lifecycles = new AtomicLong();
        AtomicLong commands = new AtomicLong();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Double> lags = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + RUN.toNanos();
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
                    String change = timed(latencies, commands, () -> initiator.post("/api/v1/registers/" + register + "/changes",
                            Map.of("kind", "ADD", "reason", "NEW_TOUCHPOINT", "row", Map.of(
                                    "direction", "Предоставление государственных услуг", "process", PROCESS,
                                    "touchpoint", Map.of("name", "Точка " + touchpoint, "channel", "DIGITAL"), "needs", List.of(1)))))
                            .json().get("changeId").asString();
                    long acked = System.nanoTime();
                    while (!initiator.get("/api/v1/changes/" + change).body().contains("INITIATED")) {
                        Thread.onSpinWait();
                    }
                    lags.add((System.nanoTime() - acked) / 1e6);
                    timed(latencies, commands, () -> head.post("/api/v1/changes/" + change + "/division-approval", "{}"));
                    timed(latencies, commands, () -> deputy.post("/api/v1/changes/" + change + "/deputy-approval", "{}"));
                    lifecycles.incrementAndGet();
                    if (n % 10 == 0) {
                        timed(latencies, commands, () -> publisher.post("/api/v1/registers/" + register + "/publications",
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

    private static Api.Response timed(List<Double> latencies, AtomicLong commands, java.util.function.Supplier<Api.Response> call) {
        long t = System.nanoTime();
        Api.Response r = call.get();
        if (r.status() >= 300) {
            throw new IllegalStateException("Command refused: " + r);
        }
        latencies.add((System.nanoTime() - t) / 1e6);
        commands.incrementAndGet();
        return r;
    }

    private static double rawCommits(int pgPort, int threads) throws Exception {
        String url = "jdbc:postgresql://localhost:" + pgPort + "/postgres";
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

    private static String register(Api api, String id) {
        Api admin = api.as("admin");
        check(admin.post("/api/v1/registers", Map.of("id", id, "authority", "Бенчмарк", "timeZone", "Europe/Moscow",
                "template", "SIX_COLUMN", "publicationDeadlineWorkingDays", 10)));
        check(admin.post("/api/v1/registers/" + id + "/divisions", Map.of("id", "licensing", "name", "Лицензирование",
                "processes", List.of(PROCESS))));
        check(admin.post("/api/v1/registers/" + id + "/members", Map.of("username", "initiator", "role", "SPECIALIST", "division", "licensing")));
        check(admin.post("/api/v1/registers/" + id + "/members", Map.of("username", "division-head", "role", "HEAD", "division", "licensing")));
        check(admin.post("/api/v1/registers/" + id + "/members", Map.of("username", "deputy", "role", "DEPUTY")));
        check(admin.post("/api/v1/registers/" + id + "/members", Map.of("username", "publisher", "role", "PUBLISHER")));
        return id;
    }

    private static void check(Api.Response r) {
        if (r.status() >= 300) {
            throw new IllegalStateException(r.toString());
        }
    }

    private static void waitUntilUp(Api api, Process app) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (!app.isAlive()) {
                throw new IllegalStateException("The application exited with " + app.exitValue());
            }
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // connection refused while starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The application did not start in 60 s");
    }

    private static void waitForDemo(Api api) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (api.as("admin").get("/api/v1/registers").body().contains("smolensk-gzhi")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Demo accounts were not loaded");
    }

    private static int postgresPort(Path log) throws IOException {
        Matcher m = Pattern.compile("Embedded PostgreSQL started on port (\\d+)").matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("No PostgreSQL port in the log");
        }
        return Integer.parseInt(m.group(1));
    }

    private static long rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static double pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

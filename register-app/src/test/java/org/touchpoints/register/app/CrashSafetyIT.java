package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Crash safety of the packaged application, run as its own OS process on durable PostgreSQL settings: K clients
 * initiate changes with their own ids and approve them, and at a random moment the process is killed with
 * SIGKILL. Round 1 kills only the JVM, so its PostgreSQL lives on as an orphan holding the data directory (the
 * restart has to take it over); round 2 kills the JVM and every PostgreSQL process at once, as a machine crash
 * would (what it cannot simulate is the loss of the operating system's page cache: that is what fsync is for).
 * After each restart on the same data directory: every change the API acknowledged is in the event store exactly
 * once with every acknowledged approval, nothing in the store is duplicated or has gaps, every change in the store
 * is in the read models with the status its events give, the read models equal a rebuild from the events, and
 * each request that was in flight at the kill can be repeated with the same id and is then recorded exactly once.
 */
class CrashSafetyIT {
    private static final int CLIENTS = 8;
    private static final String REGISTER = "smolensk-gzhi";
    private static final Path JAR = Path.of("target/register-app.jar");
    private static final List<String> STEPS = List.of("INITIATED", "DIVISION_APPROVED", "APPROVED");

    /** What the API acknowledged (the furthest step per change) and which initiations were in flight at the kill. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final List<String> unexpected = new ArrayList<>();

    @Test
    void everyAcknowledgedChangeSurvivesKillMinus9OnceAndTheReadModelsEqualARebuild(@TempDir Path dataDir)
            throws Exception {
        assertThat(JAR).as("the packaged application (mvn package)").exists();
        App app = App.start(dataDir, 1);
        try {
            assertThat(app.log()).contains("PostgreSQL durability: fsync=on, synchronous_commit=on");

            long orphan = app.postmasterPid();
            load(app, 1, app::killJvm);
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                    .as("PostgreSQL outlives the killed JVM")
                    .contains(true);
            app = App.start(dataDir, 2);
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                    .as("the orphaned PostgreSQL was taken over")
                    .isFalse();
            verify(app);

            load(app, 2, app::crashMachine);
            app = App.start(dataDir, 3);
            verify(app);
        } finally {
            app.crashMachine();
        }
    }

    interface Kill {
        void now() throws Exception;
    }

    /** K clients initiate and approve until the process is killed at a random moment. */
    private void load(App app, int round, Kill kill) throws Exception {
        Api api = Api.at(app.port());
        for (String user : List.of("initiator", "division-head", "deputy")) {
            assertThat(api.as(user).get("/api/v1/registers").status()).isEqualTo(200); // signed in once, then cached
        }
        int before = acknowledged.size();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                for (int n = 0; ; n++) {
                    String id = "crash-" + round + "-" + client + "-" + n;
                    if (!step(
                                    id,
                                    "INITIATED",
                                    () -> api.as("initiator")
                                            .post("/api/v1/registers/" + REGISTER + "/changes", initiation(id)),
                                    201)
                            || !step(
                                    id,
                                    "DIVISION_APPROVED",
                                    () -> api.as("division-head")
                                            .post("/api/v1/changes/" + id + "/division-approval", "{}"),
                                    200)
                            || n % 2 == 0
                                    && !step(
                                            id,
                                            "APPROVED",
                                            () -> api.as("deputy")
                                                    .post("/api/v1/changes/" + id + "/deputy-approval", "{}"),
                                            200)) {
                        return null;
                    }
                }
            }));
        }
        long started = System.nanoTime();
        while (acknowledged.size() < before + CLIENTS && unexpected.isEmpty()) {
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("the load gets going")
                    .isLessThan(Duration.ofSeconds(60));
            Thread.sleep(20);
        }
        long killAfter = ThreadLocalRandom.current().nextLong(300, 2000);
        Thread.sleep(killAfter);
        app.recordKillMoment(killAfter);
        kill.now();
        for (Future<?> f : running) {
            f.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();
        assertThat(unexpected).as("answers before the kill").isEmpty();
        assertThat(acknowledged).as("the load got somewhere before the kill").isNotEmpty();
        Map<String, Long> steps = new HashMap<>();
        acknowledged.forEach((id, status) -> {
            for (String step : STEPS.subList(0, STEPS.indexOf(status) + 1)) {
                steps.merge(step, 1L, Long::sum);
            }
        });
        System.out.printf(
                "crash round %d: %d clients, killed %d ms into the load; acknowledged so far %s; "
                        + "initiations in flight %d%n",
                round, CLIENTS, killAfter, steps, inFlight.size());
    }

    /** One request: acknowledged, refused (recorded as unexpected), or cut off by the kill (false: stop this client). */
    private boolean step(
            String changeId, String status, java.util.function.Supplier<Api.Response> request, int expected) {
        if (status.equals("INITIATED")) {
            inFlight.add(changeId);
        }
        Api.Response r;
        try {
            r = request.get();
        } catch (IllegalStateException connectionLost) {
            return false;
        }
        if (r.status() != expected) {
            synchronized (unexpected) {
                unexpected.add(changeId + " " + status + ": " + r);
            }
            return false;
        }
        inFlight.remove(changeId);
        acknowledged.put(changeId, status);
        return true;
    }

    private void verify(App app) throws IOException {
        JdbcClient jdbc = app.jdbc();
        Api api = Api.at(app.port());
        Map<String, List<String>> eventsByChange = eventsByChange(jdbc);

        acknowledged.forEach((id, status) -> {
            List<String> events = eventsByChange.getOrDefault(id, List.of());
            assertThat(events).as("acknowledged %s of %s", status, id).contains("ChangeInitiated");
            if (STEPS.indexOf(status) >= 1) {
                assertThat(events).as("acknowledged %s of %s", status, id).contains("DivisionApproved");
            }
            if (STEPS.indexOf(status) >= 2) {
                assertThat(events).as("acknowledged %s of %s", status, id).contains("DeputyApproved");
            }
        });
        Map<String, String> changesInTheReadModel = new HashMap<>();
        jdbc.sql("select change_id, status from q_change where register_id = ?")
                .param(REGISTER)
                .query((rs, i) -> changesInTheReadModel.put(rs.getString(1), rs.getString(2)))
                .list();
        Map<String, Long> timelineLengths = new HashMap<>();
        jdbc.sql("select t.change_id, count(*) from q_change_timeline t join q_change c on c.change_id = t.change_id "
                        + "where c.register_id = ? group by t.change_id")
                .param(REGISTER)
                .query((rs, i) -> timelineLengths.put(rs.getString(1), rs.getLong(2)))
                .list();
        assertThat(changesInTheReadModel.keySet())
                .as("every change in the store is in the read model, and only those")
                .containsExactlyInAnyOrderElementsOf(eventsByChange.keySet());
        eventsByChange.forEach((id, events) -> {
            String status = events.contains("DeputyApproved")
                    ? "APPROVED"
                    : events.contains("DivisionApproved") ? "DIVISION_APPROVED" : "INITIATED";
            assertThat(changesInTheReadModel.get(id))
                    .as("status of %s in the read model", id)
                    .isEqualTo(status);
            assertThat(timelineLengths.get(id)).as("timeline of %s", id).isEqualTo(events.size());
        });
        ReadModels.assertARebuildChangesNothing(api.as("admin"), jdbc);

        for (String id : List.copyOf(inFlight)) {
            Api.Response repeated =
                    api.as("initiator").post("/api/v1/registers/" + REGISTER + "/changes", initiation(id));
            assertThat(repeated.status())
                    .as("%s repeated after the crash: %s", id, repeated)
                    .isEqualTo(201);
            inFlight.remove(id);
            acknowledged.putIfAbsent(id, "INITIATED");
        }
        eventsByChange(jdbc)
                .forEach((id, events) ->
                        assertThat(events).as("events of %s", id).doesNotHaveDuplicates());
    }

    /**
     * The register's events straight from the event store, per change: the sequence has no gaps or repeats, and
     * each change's events in order.
     */
    private static Map<String, List<String>> eventsByChange(JdbcClient jdbc) {
        Map<String, List<String>> byChange = new HashMap<>();
        List<Long> sequence = new ArrayList<>();
        jdbc.sql("select sequence_number, payload_type, payload from domain_event_entry where aggregate_identifier = ? "
                        + "order by sequence_number")
                .param(REGISTER)
                .query((rs, i) -> {
                    sequence.add(rs.getLong(1));
                    String type = rs.getString(2).substring(rs.getString(2).lastIndexOf('.') + 1);
                    JsonNode payload = Api.MAPPER.readTree(new String(rs.getBytes(3), StandardCharsets.UTF_8));
                    if (payload.has("changeId") && !type.equals("PublicationDeadlineMissed")) {
                        byChange.computeIfAbsent(payload.get("changeId").asString(), k -> new ArrayList<>())
                                .add(type);
                    }
                    return null;
                })
                .list();
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i))
                    .as("sequence number %d of the register", i)
                    .isEqualTo(i);
        }
        return byChange;
    }

    private static Map<String, Object> initiation(String changeId) {
        return Map.of(
                "changeId",
                changeId,
                "kind",
                "ADD",
                "reason",
                "NEW_TOUCHPOINT",
                "row",
                Map.of(
                        "direction",
                        "Предоставление государственных услуг",
                        "process",
                        ApplicationIT.LICENSING_PROCESS,
                        "touchpoint",
                        Map.of("name", "Точка " + changeId, "channel", "DIGITAL"),
                        "needs",
                        List.of(1, 2)));
    }

    /** The packaged application as a child process in demo mode, on its own data directory and port. */
    private record App(Process jvm, Path dataDir, Path logFile, int port) {
        private static final Pattern LISTENING = Pattern.compile("Tomcat started on port (\\d+)");
        private static final Pattern DEMO_DONE =
                Pattern.compile("Demo register smolensk-minpromtorg (loaded|already exists)");

        static App start(Path dataDir, int run) throws Exception {
            Path log = dataDir.resolve("app-" + run + ".log");
            Process jvm = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-Xmx512m",
                            "-Ddisable-axoniq-console-message=true",
                            "-jar",
                            JAR.toString(),
                            "--server.port=0",
                            "--spring.profiles.active=demo",
                            "--register.embedded-postgres.data-dir=" + dataDir,
                            "--logging.level.root=WARN",
                            "--logging.level.org.touchpoints.register.app.database=INFO",
                            "--logging.level.org.touchpoints.register.app.demo=INFO",
                            "--logging.level.org.springframework.boot.tomcat.TomcatWebServer=INFO")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            long started = System.nanoTime();
            App app = new App(jvm, dataDir, log, 0);
            try {
                while (true) {
                    assertThat(jvm.isAlive())
                            .as("the application is running; its log:%n%s", app.log())
                            .isTrue();
                    assertThat(Duration.ofNanos(System.nanoTime() - started))
                            .as("the application starts in time; its log:%n%s", app.log())
                            .isLessThan(Duration.ofSeconds(120));
                    Matcher listening = LISTENING.matcher(app.log());
                    // the demo loader runs after start-up: wait for its last register, or a snapshot of the read
                    // models would race with it (the rebuild then finds rows the snapshot did not have)
                    if (listening.find() && DEMO_DONE.matcher(app.log()).find()) {
                        App up = new App(jvm, dataDir, log, Integer.parseInt(listening.group(1)));
                        if (Api.at(up.port())
                                .as("admin")
                                .get("/api/v1/registers")
                                .body()
                                .contains(REGISTER)) {
                            System.out.printf(
                                    "crash test: start %d took %.1f s%n", run, (System.nanoTime() - started) / 1e9);
                            return up;
                        }
                    }
                    Thread.sleep(200);
                }
            } catch (AssertionError | InterruptedException e) {
                app.crashMachine();
                throw e;
            }
        }

        String log() throws IOException {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        }

        void recordKillMoment(long millis) throws IOException {
            Files.writeString(
                    logFile,
                    System.lineSeparator() + "*** killed after " + millis + " ms of load" + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        }

        long postmasterPid() throws IOException {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid"))
                    .get(0)
                    .strip());
        }

        int postgresPort() throws IOException {
            return Integer.parseInt(Files.readAllLines(dataDir.resolve("pg/postmaster.pid"))
                    .get(3)
                    .strip());
        }

        JdbcClient jdbc() throws IOException {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setURL("jdbc:postgresql://localhost:" + postgresPort() + "/postgres");
            source.setUser("postgres");
            return JdbcClient.create(source);
        }

        /** SIGKILL to the JVM alone. */
        void killJvm() throws Exception {
            jvm.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        /** SIGKILL to the JVM and to every PostgreSQL process at once. */
        void crashMachine() throws Exception {
            List<ProcessHandle> postgres = new ArrayList<>();
            if (Files.exists(dataDir.resolve("pg/postmaster.pid"))) {
                ProcessHandle.of(postmasterPid()).ifPresent(p -> {
                    postgres.add(p);
                    postgres.addAll(p.descendants().toList());
                });
            }
            jvm.destroyForcibly();
            postgres.forEach(ProcessHandle::destroyForcibly);
            jvm.waitFor(30, TimeUnit.SECONDS);
            for (ProcessHandle p : postgres) {
                p.onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }
}

package org.touchpoints.register.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.touchpoints.register.app.Api;

/**
 * The standalone application under test, as its own process ({@code target/register-app.jar}) on a new embedded
 * PostgreSQL with the product's durable settings, and what the benchmark reads about it: ports, resident
 * memory, and the CPU time used by the application's JVM and by PostgreSQL.
 */
final class BenchmarkApp implements AutoCloseable {
    /** Linux clock ticks per second of /proc/[pid]/stat. */
    private static final double TICKS = 100.0;

    final Api api;
    final int port;
    final int pgPort;
    final double startupSeconds;
    /** Seconds from the launch to the first 200 of {@code /actuator/health/readiness}. */
    double readySeconds;

    private final Process process;
    private final Path dataDir;
    private Path log;
    private final Map<Long, Long> threadTicks = new java.util.HashMap<>();
    private final Map<Long, String> threadNames = new java.util.HashMap<>();
    private final java.util.concurrent.ScheduledExecutorService sampler =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "thread-cpu-sampler");
                t.setDaemon(true);
                return t;
            });

    private BenchmarkApp(Process process, Api api, int port, int pgPort, Path dataDir, double startupSeconds) {
        this.process = process;
        this.api = api;
        this.port = port;
        this.pgPort = pgPort;
        this.dataDir = dataDir;
        this.startupSeconds = startupSeconds;
        sampler.scheduleWithFixedDelay(this::sampleThreads, 0, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** @param jvmArgs extra options of the application's JVM (e.g. a flight recording), may be empty */
    static BenchmarkApp start(List<String> jvmArgs) throws Exception {
        return start(jvmArgs, tempDirectory("register-bench-"));
    }

    /** The application on {@code dataDir}: a new one, or the data directory of an earlier run (a restart). */
    static BenchmarkApp start(List<String> jvmArgs, Path dataDir) throws Exception {
        return start(
                jvmArgs,
                dataDir,
                System.getProperty("bench.jar", "target/register-app.jar"),
                18000 + (int) (ProcessHandle.current().pid() % 1000));
    }

    /** {@code jar} (a build of the application) on {@code port}: two builds side by side. */
    static BenchmarkApp start(List<String> jvmArgs, Path dataDir, String jar, int port) throws Exception {
        Path log = dataDir.resolve("app-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>();
        command.add(java());
        command.add("-Ddisable-axoniq-console-message=true");
        command.addAll(jvmArgs);
        // -Dbench.jar: another build of the application (e.g. main's, for a before/after pair of runs)
        command.addAll(launch(jvmArgs, jar));
        command.addAll(List.of(
                "--server.port=" + port,
                "--register.embedded-postgres.data-dir=" + dataDir,
                "--spring.profiles.active=demo",
                "--logging.level.root=WARN",
                "--logging.level.org.touchpoints.register.app.database=INFO",
                "--logging.level.org.touchpoints.register.query.rebuild=INFO",
                // the embedded server's own log as files (quiet unless the same-work baseline switches its statement
                // log on)
                "--register.embedded-postgres.server-log=true",
                // every benchmark client comes from 127.0.0.1: the slow-body guard's per-address limit (16) is for
                // one person's browser, not for K = 32 clients on one address
                "--register.web.bodies.max-concurrent-per-address=256"));
        long startNanos = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            Api api = Api.at(port);
            waitUntilUp(api, process, "/actuator/health");
            double startup = (System.nanoTime() - startNanos) / 1e9;
            waitUntilUp(api, process, "/actuator/health/readiness");
            double ready = (System.nanoTime() - startNanos) / 1e9;
            System.out.println("application log: " + log);
            BenchmarkApp app = new BenchmarkApp(process, api, port, postgresPort(log), dataDir, startup);
            app.readySeconds = ready;
            app.log = log;
            return app;
        } catch (Exception | Error e) {
            process.destroy();
            throw e;
        }
    }

    /** Whether the application runs as the README launches it: from the extracted jar with a class data archive. */
    static final boolean CDS = !"false".equals(System.getProperty("bench.cds", "true"));
    /** The class data archive of each jar launched so far (a run may launch two builds side by side). */
    private static final Map<String, Path> ARCHIVES = new java.util.HashMap<>();

    /**
     * How the application's JVM is launched: {@code -jar target/register-app.jar}, or (by default) as the README
     * gives it for a fast start-up: the jar extracted ({@code java -Djarmode=tools -jar register-app.jar extract}) and
     * run with an application class data archive made by one training run (start, ready, a few requests, stop), so
     * the classes are not loaded and verified again on every start.
     */
    private static List<String> launch(List<String> jvmArgs, String builtJar) throws Exception {
        // JDK 17.0.15 crashes (SIGSEGV in KlassFactory::check_shared_class_file_load_hook) when a flight recording
        // starts on a JVM that maps an application class data archive: profiled runs go without the archive
        if (!CDS || jvmArgs.stream().anyMatch(a -> a.startsWith("-XX:StartFlightRecording"))) {
            return List.of("-jar", builtJar);
        }
        Path extracted = Path.of("target", ARCHIVES.isEmpty() ? "bench-cds" : "bench-cds-" + ARCHIVES.size());
        Path jar = extracted.resolve(Path.of(builtJar).getFileName());
        Path archive = ARCHIVES.get(builtJar);
        if (archive == null) {
            long start = System.nanoTime();
            deleteTree(extracted);
            run(List.of(java(), "-Djarmode=tools", "-jar", builtJar, "extract", "--destination", extracted.toString()));
            Path jsa = extracted.resolve("register-app.jsa").toAbsolutePath();
            Path trainingData = tempDirectory("register-bench-cds-");
            List<String> training = new ArrayList<>(List.of(java(), "-Ddisable-axoniq-console-message=true"));
            training.addAll(jvmArgs);
            training.addAll(List.of(
                    "-XX:ArchiveClassesAtExit=" + jsa,
                    "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off",
                    "-jar",
                    jar.toString(),
                    "--server.port=" + trainingPort(),
                    "--register.embedded-postgres.data-dir=" + trainingData,
                    "--spring.profiles.active=demo",
                    "--logging.level.root=WARN"));
            Process p = new ProcessBuilder(training)
                    .redirectErrorStream(true)
                    .redirectOutput(trainingData.resolve("training.log").toFile())
                    .start();
            try {
                Api api = Api.at(trainingPort());
                waitUntilUp(api, p, "/actuator/health/readiness");
                for (String path : List.of(
                        "/api/v1/registers",
                        "/api/v1/deadlines?page=1&size=10",
                        "/registers",
                        "/deadlines",
                        "/audit",
                        "/api/v1/registers/smolensk-gzhi/rows",
                        "/api/v1/registers/smolensk-gzhi/history?page=1")) {
                    api.as("auditor").get(path);
                }
            } finally {
                p.destroy(); // SIGTERM: the JVM writes the archive as it exits
                p.waitFor();
                deleteTree(trainingData);
            }
            if (!Files.exists(jsa)) {
                throw new IllegalStateException("The training run wrote no class data archive");
            }
            archive = jsa;
            ARCHIVES.put(builtJar, jsa);
            System.out.printf(
                    "startup: class data archive of %s made by a training run in %.1f s (%d MiB)%n",
                    builtJar, (System.nanoTime() - start) / 1e9, Files.size(jsa) >> 20);
        } else {
            jar = archive.getParent().resolve(Path.of(builtJar).getFileName());
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-jar", jar.toString());
    }

    /**
     * A new directory for an application's data under {@code bench.dataDir} (default {@code target/bench-data}): not
     * under /tmp, where a clean-up by another build on a shared machine removed a running benchmark's directories.
     */
    static Path tempDirectory(String prefix) throws IOException {
        Path base = Path.of(System.getProperty("bench.dataDir", "target/bench-data"))
                .toAbsolutePath();
        Files.createDirectories(base);
        return Files.createTempDirectory(base, prefix);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The training run's port: apart from the 18000s the applications under test use (one or two side by side). */
    private static int trainingPort() {
        return 19000 + (int) (ProcessHandle.current().pid() % 1000);
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + pgPort + "/postgres";
    }

    long pid() {
        return process.pid();
    }

    long rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /**
     * CPU seconds so far of the application's JVM (by thread), of PostgreSQL (by process: connections, checkpointer,
     * WAL writer…; connections that closed count with the postmaster's children), of this JVM, and of the machine.
     */
    CpuTimes cpu() {
        try {
            long postmaster =
                    Long.parseLong(Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid"))
                            .get(0)
                            .trim());
            Map<String, Double> pg = new TreeMap<>();
            String[] master = stat(postmaster);
            pg.put("postmaster", seconds(master, false));
            pg.put("closed connections", (Long.parseLong(master[13]) + Long.parseLong(master[14])) / TICKS);
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) procs::iterator) {
                    String name = p.getFileName().toString();
                    if (name.chars().allMatch(Character::isDigit) && parentOf(Long.parseLong(name)) == postmaster) {
                        pg.merge(postgresProcess(p), seconds(Long.parseLong(name), false), Double::sum);
                    }
                }
            }
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 7; i++) {
                if (i != 4 && i != 5) { // idle, iowait (steal, guest: not counted)
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return new CpuTimes(
                    System.nanoTime(),
                    seconds(process.pid(), false),
                    seconds(ProcessHandle.current().pid(), false),
                    busy / TICKS,
                    threads(),
                    pg);
        } catch (IOException | RuntimeException e) {
            return new CpuTimes(System.nanoTime(), 0, 0, 0, Map.of(), Map.of());
        }
    }

    /** "connections" for a backend ("postgres: postgres postgres 127.0.0.1(5432) idle"), else the process's title. */
    private static String postgresProcess(Path proc) {
        try {
            String title = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.ISO_8859_1)
                    .replace('\0', ' ')
                    .trim()
                    .replaceFirst("^postgres: ", "");
            // a connection that just closed has no title any more until the postmaster reaps it
            return title.contains("(")
                    ? "connections"
                    : title.isEmpty() ? "closed connections" : title.replaceAll("\\d+", "#");
        } catch (IOException | RuntimeException gone) {
            return "closed connections";
        }
    }

    /**
     * CPU seconds of the application's threads, by name with numbers left out ("http-nio-#-exec-#", "C# CompilerThre")
     * (Linux keeps 15 characters of a thread's name). Threads that ended count with their last sampled time.
     */
    private Map<String, Double> threads() {
        sampleThreads();
        Map<String, Double> byName = new TreeMap<>();
        synchronized (threadTicks) {
            threadTicks.forEach((tid, ticks) -> byName.merge(threadNames.get(tid), ticks / TICKS, Double::sum));
        }
        return byName;
    }

    private void sampleThreads() {
        try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    long tid = Long.parseLong(task.getFileName().toString());
                    String s = Files.readString(task.resolve("stat"));
                    String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                    String name =
                            s.substring(s.indexOf('(') + 1, s.lastIndexOf(')')).replaceAll("\\d+", "#");
                    synchronized (threadTicks) {
                        threadNames.put(tid, name);
                        threadTicks.put(tid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended
        }
    }

    /** Wall and CPU seconds between two readings. */
    record CpuTimes(
            long nanos,
            double app,
            double bench,
            double machine,
            Map<String, Double> appThreads,
            Map<String, Double> postgres) {
        String since(CpuTimes start) {
            double wall = (nanos - start.nanos) / 1e9;
            double app = this.app - start.app;
            double pg = sum(postgres) - sum(start.postgres);
            double bench = this.bench - start.bench;
            double rest = Math.max(0, machine - start.machine - app - pg - bench);
            return String.format(
                    "wall %.1f s; CPU s: application JVM %.1f (%s), PostgreSQL %.1f (%s), benchmark client %.1f, "
                            + "other processes on the machine %.1f (capacity %d cores × %.1f s)",
                    wall,
                    app,
                    breakdown(appThreads, start.appThreads, app),
                    pg,
                    breakdown(postgres, start.postgres, pg),
                    bench,
                    rest,
                    Runtime.getRuntime().availableProcessors(),
                    wall);
        }

        private static double sum(Map<String, Double> parts) {
            return parts.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** The parts that used at least 5 % of the total, largest first. */
        private static String breakdown(Map<String, Double> end, Map<String, Double> start, double total) {
            StringBuilder out = new StringBuilder();
            end.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - start.getOrDefault(e.getKey(), 0.0)))
                    .filter(e -> e.getValue() >= 0.05 * Math.max(total, 0.1))
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> out.append(
                            String.format("%s%s %.1f", out.isEmpty() ? "" : ", ", e.getKey(), e.getValue())));
            return out.toString();
        }
    }

    /** Stops the application and deletes its data (gigabytes after a replay) unless {@code -Dbench.keepData=true}. */
    @Override
    public void close() throws InterruptedException, IOException {
        sampler.shutdownNow();
        process.destroy();
        process.waitFor();
        if (!Boolean.getBoolean("bench.keepData") && Files.exists(dataDir)) { // a restart on it may have deleted it
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long parentOf(long pid) {
        try {
            return Long.parseLong(stat(pid)[1]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    private static double seconds(long pid, boolean withReapedChildren) {
        try {
            return seconds(stat(pid), withReapedChildren);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static double seconds(long tid, long pid) throws IOException {
        String s = Files.readString(Path.of("/proc/" + pid + "/task/" + tid + "/stat"));
        return seconds(s.substring(s.lastIndexOf(')') + 2).split(" "), false);
    }

    /** @param f the fields after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime */
    private static double seconds(String[] f, boolean withReapedChildren) {
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return ticks / TICKS;
    }

    private static String[] stat(long pid) throws IOException {
        String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return s.substring(s.lastIndexOf(')') + 2).split(" ");
    }

    /** The application's log (its standard output and error). */
    Path log() {
        return log;
    }

    /** The embedded PostgreSQL's own log files. */
    Path postgresLogs() {
        return dataDir.resolve("pg").resolve("log");
    }

    Path dataDir() {
        return dataDir;
    }

    /** Stops the application (SIGTERM, as a service manager does) and keeps its data directory. */
    void stop() throws InterruptedException {
        sampler.shutdownNow();
        process.destroy();
        process.waitFor();
    }

    private static void waitUntilUp(Api api, Process app, String path) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            if (!app.isAlive()) {
                throw new IllegalStateException("The application exited with " + app.exitValue());
            }
            try {
                if (api.get(path).status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // connection refused while starting
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("The application did not answer " + path + " in time");
    }

    private static int postgresPort(Path log) throws IOException {
        Matcher m = Pattern.compile("Embedded PostgreSQL started on port (\\d+)")
                .matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("No PostgreSQL port in the log");
        }
        return Integer.parseInt(m.group(1));
    }
}

package org.touchpoints.register.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.touchpoints.register.app.Api;

/**
 * The parts {@code lists} and {@code startup} of the benchmark (issue 16, items 4 and 5).
 * <ul>
 *   <li>{@code lists}: on the seeded 10,000 registers × 200 rows (the replay part's seed: events written directly
 *       through Axon's JDBC storage engine, then every projection rebuilt), p50/p95 of each API list and of each
 *       list page in the browser, first and deep pages, against the goals (API p95 &lt; 20 ms, pages p95 &lt; 100 ms).
 *       The time is the round trip of one request on localhost, measured by the client: the server's time plus the
 *       loopback transfer, so an upper bound of the server time.</li>
 *   <li>{@code startup}: a new application with the demo profile (the demo data loaded), stopped and started again
 *       on the same data directory: seconds to healthy and to ready (readiness is DOWN until the demo data is
 *       loaded), resident memory after the start, with the JVM's default settings (no options unless
 *       {@code bench.appJvmArgs} gives them).</li>
 * </ul>
 */
final class ListsBenchmark {
    private static final int SAMPLES = Integer.getInteger("bench.listSamples", 200);
    private static int measured;
    private static int met;

    private ListsBenchmark() {}

    static void lists(BenchmarkApp app, List<String> registers) throws Exception {
        Api auditor = app.api.as("auditor");
        Api member = app.api.as("initiator"); // a member of every seeded register: the scope filter at 10,000
        Random random = new Random(16);
        Supplier<String> register = () -> registers.get(random.nextInt(registers.size()));
        BenchmarkApp.CpuTimes before = app.cpu();
        System.out.println("lists: API goal p95 < 20 ms, pages goal p95 < 100 ms (client round trip on localhost)");
        int lastPage = Math.max(1, (registers.size() + 99) / 100);
        api(auditor, "registers, whole list (no page asked: the contract's default)", () -> "/api/v1/registers");
        api(member, "registers of a member of every register, whole list", () -> "/api/v1/registers");
        api(auditor, "registers, first page of 100", () -> "/api/v1/registers?page=1&size=100");
        api(
                auditor,
                "registers, last page of 100 (page " + lastPage + ")",
                () -> "/api/v1/registers?page=" + lastPage + "&size=100");
        api(
                member,
                "registers of a member of every register, last page of 100",
                () -> "/api/v1/registers?page=" + lastPage + "&size=100");
        api(auditor, "changes of a register (default page)", () -> "/api/v1/registers/" + register.get() + "/changes");
        api(
                auditor,
                "changes of a register, page 2 of 10 per page",
                () -> "/api/v1/registers/" + register.get() + "/changes?page=2&size=10");
        api(auditor, "deadlines, every register, first page of 100", () -> "/api/v1/deadlines?page=1&size=100");
        api(auditor, "deadlines, every register, page 100 of 100", () -> "/api/v1/deadlines?page=100&size=100");
        api(auditor, "deadlines, AT_RISK, first page of 100", () -> "/api/v1/deadlines?status=AT_RISK&page=1&size=100");
        api(auditor, "deadlines of a register", () -> "/api/v1/deadlines?registerId=" + register.get() + "&page=1");
        api(auditor, "history of a register (default page)", () -> "/api/v1/registers/" + register.get() + "/history");
        api(
                auditor,
                "history of a register, page 3 of 100 per page",
                () -> "/api/v1/registers/" + register.get() + "/history?page=3&size=100");
        if (auditor.get("/api/v1/registers/" + registers.get(0) + "/touchpoints")
                        .status()
                == 200) {
            api(auditor, "touchpoints of a register", () -> "/api/v1/registers/" + register.get() + "/touchpoints");
            api(
                    auditor,
                    "touchpoints of a register, page 2 of 50 per page",
                    () -> "/api/v1/registers/" + register.get() + "/touchpoints?page=2&size=50");
        } else {
            System.out.println("list API touchpoints of a register: not on this branch (no /touchpoints endpoint)");
        }
        page(auditor, "registers, first page", () -> "/registers");
        int lastUiPage = Math.max(1, (registers.size() + 49) / 50);
        page(auditor, "registers, last page (page " + lastUiPage + ")", () -> "/registers?page=" + lastUiPage);
        Api admin = app.api.as("admin");
        page(admin, "administration, registers (first page)", () -> "/admin");
        page(
                admin,
                "administration, registers, last page (page " + lastUiPage + ")",
                () -> "/admin?page=" + lastUiPage);
        page(admin, "administration, registers, a search", () -> "/admin?q=" + register.get());
        page(auditor, "changes of a register", () -> "/registers/" + register.get() + "/changes");
        page(auditor, "audit history of a register", () -> "/audit?registerId=" + register.get());
        page(auditor, "audit history of a register, page 3", () -> "/audit?registerId=" + register.get() + "&page=3");
        page(auditor, "deadlines of a register", () -> "/deadlines?registerId=" + register.get());
        page(auditor, "deadlines, every register (first page)", () -> "/deadlines");
        page(auditor, "deadlines, every register, AT_RISK", () -> "/deadlines?status=AT_RISK");
        page(auditor, "deadlines, every register, page 100", () -> "/deadlines?page=100");
        page(auditor, "touchpoints of a register", () -> "/registers/" + register.get() + "/touchpoints");
        page(app.api, "published registers, the citizens' list (first page)", () -> "/public");
        page(app.api, "published registers, the citizens' list, a search", () -> "/public?q=" + register.get());
        System.out.printf("lists: goals met by %d of %d figures%n", met, measured);
        System.out.printf("lists cpu: %s%n", app.cpu().since(before));
    }

    private static void api(Api api, String name, Supplier<String> path) {
        measure("list API", api, name, SAMPLES, path, 20);
    }

    private static void page(Api api, String name, Supplier<String> path) {
        measure("page", api, name, SAMPLES / 2, path, 100);
    }

    private static void measure(String kind, Api api, String name, int samples, Supplier<String> path, double goal) {
        long first = System.nanoTime();
        for (int i = 0; i < Math.max(3, samples / 10); i++) { // warm-up
            RegisterBenchmark.check(api.get(path.get()));
            if (i == 0 && System.nanoTime() - first > 1_000_000_000L) {
                samples = 10; // seconds per request: a few samples say enough
                break;
            }
        }
        List<Double> times = new ArrayList<>();
        long bytes = 0;
        String total = null;
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            Api.Response r = api.get(path.get());
            times.add((System.nanoTime() - t) / 1e6);
            RegisterBenchmark.check(r);
            bytes += r.body().length();
            total = r.header("X-Total-Count");
        }
        double p95 = RegisterBenchmark.pct(times, 95);
        measured++;
        if (p95 < goal) {
            met++;
        }
        System.out.printf(
                "%s %s: p50 %.1f ms  p95 %.1f ms  goal p95 < %.0f ms: %s  (%d requests, %.0f KiB per response%s)%n",
                kind,
                name,
                RegisterBenchmark.pct(times, 50),
                p95,
                goal,
                p95 < goal ? "met" : String.format("missed by %.1f ms", p95 - goal),
                samples,
                bytes / 1024.0 / samples,
                total == null ? "" : ", X-Total-Count " + total);
    }

    static void startup(List<String> jvmArgs) throws Exception {
        Path dataDir = BenchmarkApp.tempDirectory("register-bench-startup-");
        System.out.printf(
                "startup: application JVM options: %s; launched %s%n",
                jvmArgs.isEmpty()
                        ? "none (the JVM's defaults: G1, max heap 1/4 of the machine's memory)"
                        : String.join(" ", jvmArgs),
                BenchmarkApp.CDS
                        ? "from the extracted jar with a class data archive (README)"
                        : "with java -jar (-Dbench.cds=false)");
        try (BenchmarkApp fresh = BenchmarkApp.start(jvmArgs, dataDir)) {
            System.out.printf(
                    "startup, new data directory: %.1f s to healthy, %.1f s to ready (demo data loaded); %.1f CPU-s%n",
                    fresh.startupSeconds, fresh.readySeconds, fresh.cpu().app());
            demoLoaded(fresh.api, "new data directory");
            fresh.stop();
            try (BenchmarkApp again = BenchmarkApp.start(jvmArgs, dataDir)) {
                double cpu = again.cpu().app();
                System.out.printf(
                        "startup, existing data directory: %.1f s to healthy, %.1f s to ready (goal < 6 s: %s); "
                                + "the application's JVM used %.1f CPU-s until then, the machine's load average was %s%n",
                        again.startupSeconds,
                        again.readySeconds,
                        again.readySeconds < 6 ? "met" : String.format("missed by %.1f s", again.readySeconds - 6),
                        cpu,
                        RegisterBenchmark.loadAverage());
                demoLoaded(again.api, "existing data directory");
                long rss = again.rssMiB();
                System.out.printf(
                        "resident memory after start on the existing data directory: %d MiB (goal < 512 MiB: %s)%n",
                        rss, rss < 512 ? "met" : "missed by " + (rss - 512) + " MiB");
                Api.Response heap = again.api.as("admin").get("/actuator/metrics/jvm.memory.max?tag=area:heap");
                if (heap.status() == 200) {
                    System.out.printf(
                            "application JVM max heap: %d MiB%n",
                            heap.json().get("measurements").get(0).get("value").asLong() >> 20);
                }
            }
        }
    }

    /** Ready means the demo data is there: the registers list holds every demo register at once. */
    private static void demoLoaded(Api api, String when) {
        String body = api.as("admin").get("/api/v1/registers").body();
        boolean loaded = body.contains("smolensk-gzhi") && body.contains("smolensk-minpromtorg");
        System.out.printf("startup, %s: demo data complete when ready: %s%n", when, loaded ? "yes" : "NO");
    }
}

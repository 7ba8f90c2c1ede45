package org.touchpoints.register.app.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Two builds of the application at once ({@code -Dbench.parts=side-by-side -Dbench.jarB=other.jar}): this build's
 * {@code target/register-app.jar} (A) and another (B, e.g. main's), each on its own embedded PostgreSQL, K = 8
 * clients each, warmed up and measured over the same seconds, {@code bench.rounds} times. On a machine that other
 * work keeps busy, both suffer the same disturbance, so the ratio A/B of each round says more than two runs one after
 * the other.
 */
final class SideBySide {
    private SideBySide() {}

    static void run(List<String> jvmArgs, Duration warmUp, Duration run) throws Exception {
        String jarB = System.getProperty("bench.jarB");
        if (jarB == null) {
            throw new IllegalStateException("-Dbench.jarB=PATH names the other build");
        }
        int rounds = Integer.getInteger("bench.rounds", 3);
        // not the common pool: on 2 cores it runs one task at a time
        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        int port = 18000 + (int) (ProcessHandle.current().pid() % 1000);
        try (BenchmarkApp a = BenchmarkApp.start(
                        jvmArgs, Files.createTempDirectory("register-bench-a-"), "target/register-app.jar", port);
                BenchmarkApp b =
                        BenchmarkApp.start(jvmArgs, Files.createTempDirectory("register-bench-b-"), jarB, port + 1)) {
            RegisterBenchmark.waitForDemo(a.api);
            RegisterBenchmark.waitForDemo(b.api);
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                boolean measured = round > 0;
                Duration length = measured ? run : warmUp;
                List<String> ra = new ArrayList<>();
                List<String> rb = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    ra.add(RegisterBenchmark.register(a.api, "side-" + round + "-" + i));
                    rb.add(RegisterBenchmark.register(b.api, "side-" + round + "-" + i));
                }
                BenchmarkApp.CpuTimes ca = a.cpu();
                BenchmarkApp.CpuTimes cb = b.cpu();
                CompletableFuture<RegisterBenchmark.Result> fa =
                        CompletableFuture.supplyAsync(() -> lifecycles(a, ra, length), both);
                CompletableFuture<RegisterBenchmark.Result> fb =
                        CompletableFuture.supplyAsync(() -> lifecycles(b, rb, length), both);
                RegisterBenchmark.Result x = fa.get();
                RegisterBenchmark.Result y = fb.get();
                String cpuA = a.cpu().since(ca);
                String cpuB = b.cpu().since(cb);
                double la = x.lifecycles() / (double) length.toSeconds();
                double lb = y.lifecycles() / (double) length.toSeconds();
                System.out.printf(
                        "side by side %s, K=8 each, %d s: A (this build) lifecycles/s: %.1f  commands/s: %.1f  p50 %.1f ms  "
                                + "p99 %.1f ms | B (%s) lifecycles/s: %.1f  commands/s: %.1f  p50 %.1f ms  p99 %.1f ms | A/B: %.2f%n",
                        measured ? "round " + round : "warm-up",
                        length.toSeconds(),
                        la,
                        x.commands() / (double) length.toSeconds(),
                        RegisterBenchmark.pct(x.latencies(), 50),
                        RegisterBenchmark.pct(x.latencies(), 99),
                        jarB,
                        lb,
                        y.commands() / (double) length.toSeconds(),
                        RegisterBenchmark.pct(y.latencies(), 50),
                        RegisterBenchmark.pct(y.latencies(), 99),
                        la / lb);
                System.out.printf("  cpu A: %s%n  cpu B: %s%n", cpuA, cpuB);
                if (measured) {
                    ratios.add(la / lb);
                }
            }
            Collections.sort(ratios);
            System.out.printf(
                    "side by side: A/B lifecycles/s per round %s, median %.2f%n",
                    ratios, ratios.get(ratios.size() / 2));
        } finally {
            both.shutdownNow();
        }
    }

    private static RegisterBenchmark.Result lifecycles(BenchmarkApp app, List<String> registers, Duration length) {
        try {
            return RegisterBenchmark.lifecycles(app.api, registers, length);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

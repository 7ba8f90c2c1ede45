package org.touchpoints.register.app.bench.peer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

/**
 * The peer of issue 16, item 1: Flowable 7.2 in-process (no HTTP, no sign-in), standalone, history level
 * {@code audit}, async executor off, on an embedded PostgreSQL of its own with the product's durable settings (fsync
 * and synchronous_commit on). One lifecycle is the product's chain: start → division approval → deputy approval →
 * publish, each step a task query and a complete, K clients at once. Compiled and run only by the benchmark
 * profile (the normal test classpath has no Flowable); {@code RegisterBenchmark} calls {@link #run} reflectively.
 */
public final class FlowablePeer implements Function<Map<String, Object>, Map<String, Object>> {
    private static final String[] STEPS = {"divisionApproval", "deputyApproval", "publish"};

    /** @param args {@code clients} (K), {@code seconds} measured, {@code warmUpSeconds} */
    @Override
    public Map<String, Object> apply(Map<String, Object> args) {
        try {
            return run(
                    (Integer) args.get("clients"),
                    Duration.ofSeconds((Long) args.get("seconds")),
                    Duration.ofSeconds((Long) args.get("warmUpSeconds")));
        } catch (Exception e) {
            throw new IllegalStateException("The Flowable peer failed", e);
        }
    }

    static Map<String, Object> run(int clients, Duration run, Duration warmUp) throws Exception {
        Path dir = Files.createTempDirectory("register-bench-flowable-");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start()) {
            ProcessEngineConfiguration cfg = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
            cfg.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            cfg.setJdbcUsername("postgres");
            cfg.setJdbcPassword("");
            cfg.setJdbcDriver("org.postgresql.Driver");
            cfg.setJdbcMaxActiveConnections(clients * 2);
            cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            cfg.setAsyncExecutorActivate(false);
            cfg.setHistoryLevel(HistoryLevel.AUDIT);
            ProcessEngine engine = cfg.buildProcessEngine();
            try {
                engine.getRepositoryService()
                        .createDeployment()
                        .addClasspathResource("bench/change-approval.bpmn20.xml")
                        .deploy();
                lifecycles(engine, clients, warmUp);
                List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
                long[] counts = lifecycles(engine, clients, run, latencies);
                return Map.of("lifecycles", counts[0], "stateChanges", counts[1], "latencies", latencies);
            } finally {
                engine.close();
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void lifecycles(ProcessEngine engine, int clients, Duration run) throws Exception {
        lifecycles(engine, clients, run, java.util.Collections.synchronizedList(new ArrayList<>()));
    }

    /** @return lifecycles and state changes (a start or a complete) done in {@code run} */
    private static long[] lifecycles(ProcessEngine engine, int clients, Duration run, List<Double> latencies)
            throws Exception {
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        AtomicLong lifecycles = new AtomicLong();
        AtomicLong changes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + run.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            workers.add(pool.submit(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    String id = runtime.startProcessInstanceByKey("changeApproval", "change-" + client + "-" + n++)
                            .getId();
                    latencies.add((System.nanoTime() - t) / 1e6);
                    changes.incrementAndGet();
                    for (String step : STEPS) {
                        t = System.nanoTime();
                        Task task = tasks.createTaskQuery()
                                .processInstanceId(id)
                                .taskDefinitionKey(step)
                                .singleResult();
                        tasks.complete(task.getId());
                        latencies.add((System.nanoTime() - t) / 1e6);
                        changes.incrementAndGet();
                    }
                    lifecycles.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        return new long[] {lifecycles.get(), changes.get()};
    }
}

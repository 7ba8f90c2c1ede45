package org.touchpoints.register.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.touchpoints.register.platform.account.AccountStore;
import org.touchpoints.register.platform.security.SignInThrottle;

/**
 * The whole application (both sides, real HTTP) on a real embedded PostgreSQL in a fresh directory, with a
 * clock the tests move. Test classes share the context; each test works in registers of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApplicationIT.Clocks.class)
public abstract class ApplicationIT {
    public static final String LICENSING_PROCESS =
            "Лицензирование предпринимательской деятельности по управлению многоквартирными домами на территории Смоленской области";
    public static final String APPEALS_PROCESS = "Прием и рассмотрение обращений и запросов, поступающих в ГЖИ СО";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Path dataDir = createDataDir(); // one database per application context (subclasses may add settings)
        registry.add("register.embedded-postgres.data-dir", dataDir::toString);
        registry.add("register.embedded-postgres.durable", () -> "false");
        registry.add("register.scheduling.enabled", () -> "false");
        registry.add("management.defaults.metrics.export.enabled", () -> "true");
        registry.add("management.prometheus.metrics.export.enabled", () -> "true");
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock clock() {
            return new MutableClock(Instant.parse("2024-12-20T09:00:00Z"));
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected AccountStore accounts;

    @Autowired
    private SignInThrottle signInThrottle;

    protected Api api;

    @BeforeEach
    void accountsAndClock() {
        api = Api.at(port);
        clock.set(Instant.parse("2024-12-20T09:00:00Z"));
        signInThrottle.clear(); // wrong passwords of earlier tests do not throttle this one
        accounts.create("admin", "demo", "Администратор", "ADMIN");
        accounts.create("auditor", "demo", "Аудитор", "AUDITOR");
        for (String u : List.of("initiator", "division-head", "other-head", "other-initiator", "deputy", "publisher")) {
            accounts.create(u, "demo", u, null);
        }
    }

    /** A new register like the demo one: divisions licensing and appeals, the demo accounts in their roles. */
    protected String newRegister() {
        return newRegister(10, "Europe/Moscow");
    }

    protected String newRegister(Integer deadlineDays, String zone) {
        String id = "r-" + UUID.randomUUID().toString().substring(0, 8);
        Api admin = api.as("admin");
        ok(admin.post(
                "/api/v1/registers",
                Map.of(
                                "id",
                                id,
                                "authority",
                                "ГЖИ Смоленской области",
                                "timeZone",
                                zone,
                                "template",
                                "SIX_COLUMN",
                                "publicationDeadlineWorkingDays",
                                deadlineDays == null ? "" : deadlineDays)
                        .entrySet()
                        .stream()
                        .filter(e -> !"".equals(e.getValue()))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        ok(admin.post(
                "/api/v1/registers/" + id + "/divisions",
                Map.of("id", "licensing", "name", "Отдел лицензирования", "processes", List.of(LICENSING_PROCESS))));
        ok(admin.post(
                "/api/v1/registers/" + id + "/divisions",
                Map.of("id", "appeals", "name", "Отдел обращений", "processes", List.of(APPEALS_PROCESS))));
        ok(admin.post(
                "/api/v1/registers/" + id + "/members",
                Map.of("username", "initiator", "role", "SPECIALIST", "division", "licensing")));
        ok(admin.post(
                "/api/v1/registers/" + id + "/members",
                Map.of("username", "division-head", "role", "HEAD", "division", "licensing")));
        ok(admin.post(
                "/api/v1/registers/" + id + "/members",
                Map.of("username", "other-head", "role", "HEAD", "division", "appeals")));
        ok(admin.post(
                "/api/v1/registers/" + id + "/members",
                Map.of("username", "other-initiator", "role", "SPECIALIST", "division", "appeals")));
        ok(admin.post("/api/v1/registers/" + id + "/members", Map.of("username", "deputy", "role", "DEPUTY")));
        ok(admin.post("/api/v1/registers/" + id + "/members", Map.of("username", "publisher", "role", "PUBLISHER")));
        return id;
    }

    /** A new register with no divisions, members or rows (for imports): only the administrator may act in it. */
    protected String emptyRegister() {
        String id = "imp-" + UUID.randomUUID().toString().substring(0, 8);
        createEmptyRegister(id);
        return id;
    }

    /** Creates register {@code id} with no divisions, members or rows (as {@link #emptyRegister()}). */
    protected void createEmptyRegister(String id) {
        ok(api.as("admin")
                .post(
                        "/api/v1/registers",
                        Map.of(
                                "id",
                                id,
                                "authority",
                                "ГЖИ Смоленской области",
                                "timeZone",
                                "Europe/Moscow",
                                "template",
                                "SIX_COLUMN",
                                "publicationDeadlineWorkingDays",
                                10)));
    }

    protected static Map<String, Object> row(String process, String touchpoint, String channel, List<Integer> needs) {
        return Map.of(
                "direction",
                "Предоставление государственных услуг",
                "process",
                process,
                "touchpoint",
                Map.of("name", touchpoint, "channel", channel),
                "needs",
                needs);
    }

    protected static Map<String, Object> addRow(String touchpoint) {
        return Map.of(
                "kind",
                "ADD",
                "reason",
                "NEW_TOUCHPOINT",
                "row",
                row(LICENSING_PROCESS, touchpoint, "DIGITAL", List.of(1, 2)));
    }

    /** Initiates an ADD of {@code touchpoint} to the licensing process and returns the change id. */
    protected String initiate(String registerId, String touchpoint) {
        Api.Response r = api.as("initiator").post("/api/v1/registers/" + registerId + "/changes", addRow(touchpoint));
        ok(r);
        return r.json().get("changeId").asString();
    }

    protected String approvedChange(String registerId, String touchpoint) {
        String changeId = initiate(registerId, touchpoint);
        ok(api.as("division-head").post("/api/v1/changes/" + changeId + "/division-approval", "{}"));
        ok(api.as("deputy").post("/api/v1/changes/" + changeId + "/deputy-approval", "{}"));
        return changeId;
    }

    /** {@code clients} threads send {@code request} at the same moment; their answers, in no particular order. */
    protected static <T> List<T> race(int clients, Callable<T> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> f : results) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    protected static Api.Response ok(Api.Response r) {
        if (r.status() >= 300) {
            throw new AssertionError("Expected success, got " + r);
        }
        return r;
    }

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("register-it-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

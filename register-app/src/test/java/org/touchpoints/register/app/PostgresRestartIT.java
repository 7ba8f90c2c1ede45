package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.touchpoints.register.app.database.EmbeddedPostgresConfiguration;

/**
 * The embedded PostgreSQL stopped under the running service, then started again on the same data directory and
 * port. While it is down every request is answered 503 with {@code Retry-After} and a problem detail in Russian
 * within a bounded time (the pool's connection timeout): not 500, not 401 for an account that could not be looked
 * up, not a hang. Afterwards requests succeed again without restarting the service; nothing acknowledged before
 * is lost, nothing refused during the outage was recorded, and the read models equal a rebuild from the events.
 */
class PostgresRestartIT {
    private static final Duration BOUND = Duration.ofSeconds(15);

    @Test
    void requestsFailCleanlyWhileTheDatabaseIsDownAndSucceedAgainAfterwards(@TempDir Path dataDir) throws Exception {
        EmbeddedPostgres restarted = null;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RegisterApplication.class)
                .profiles("demo")
                .run(
                        "--register.embedded-postgres.data-dir=" + dataDir,
                        "--register.embedded-postgres.durable=false",
                        "--register.scheduling.enabled=false",
                        "--server.port=0")) {
            Api api = Api.at(((WebServerApplicationContext) app).getWebServer().getPort());
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            ok(api.as("initiator")
                    .post("/api/v1/registers/smolensk-gzhi/changes", change("before-outage", "Канал до остановки")));
            ok(api.as("division-head").post("/api/v1/changes/before-outage/division-approval", "{}"));
            ok(api.as("publisher").get("/api/v1/registers")); // signed in before the outage: only the command meets it
            long events = jdbc.sql("select count(*) from domain_event_entry")
                    .query(Long.class)
                    .single();

            EmbeddedPostgres postgres = app.getBean(EmbeddedPostgres.class);
            int port = postgres.getPort();
            postgres.close();

            Map<String, Supplier<Api.Response>> whileDown = new LinkedHashMap<>();
            whileDown.put(
                    "initiate a change",
                    () -> api.as("initiator")
                            .post(
                                    "/api/v1/registers/smolensk-gzhi/changes",
                                    change("during-outage", "Канал во время остановки")));
            whileDown.put(
                    "approve as the deputy",
                    () -> api.as("deputy").post("/api/v1/changes/before-outage/deputy-approval", "{}"));
            whileDown.put(
                    "publish (straight to the register)",
                    () -> api.as("publisher")
                            .post(
                                    "/api/v1/registers/smolensk-gzhi/publications",
                                    Map.of("url", "https://example.gov.ru/perechen")));
            whileDown.put("read a change", () -> api.as("initiator").get("/api/v1/changes/before-outage"));
            whileDown.put("list the registers", () -> api.as("division-head").get("/api/v1/registers"));
            whileDown.put("sign in for the first time", () -> api.as("auditor").get("/api/v1/registers"));
            ExecutorService pool = Executors.newFixedThreadPool(whileDown.size());
            try {
                Map<String, Future<Timed>> answers = new LinkedHashMap<>();
                whileDown.forEach((what, call) -> answers.put(what, pool.submit(() -> {
                    long started = System.nanoTime();
                    Api.Response r = call.get();
                    return new Timed(r, Duration.ofNanos(System.nanoTime() - started));
                })));
                for (Map.Entry<String, Future<Timed>> e : answers.entrySet()) {
                    Timed answer = e.getValue().get();
                    Api.Response r = answer.response();
                    assertThat(r.status())
                            .as("%s while the database is down: %s", e.getKey(), r)
                            .isEqualTo(503);
                    assertThat(r.contentType()).as(e.getKey()).startsWith("application/problem+json");
                    assertThat(r.json().get("detail").asString())
                            .as(e.getKey())
                            .contains("База данных временно недоступна");
                    assertThat(r.header("Retry-After")).as(e.getKey()).isEqualTo("5");
                    assertThat(answer.took())
                            .as("%s answered within a bounded time", e.getKey())
                            .isLessThan(BOUND);
                }
            } finally {
                pool.shutdownNow();
            }

            restarted = EmbeddedPostgresConfiguration.start(dataDir.resolve("pg"), false, port);

            long deadline = System.nanoTime() + BOUND.toNanos();
            while (api.as("admin").get("/api/v1/registers").status() != 200) {
                assertThat(System.nanoTime())
                        .as("the service recovers by itself")
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(jdbc.sql("select count(*) from domain_event_entry")
                            .query(Long.class)
                            .single())
                    .as("nothing recorded while the database was down")
                    .isEqualTo(events);
            assertThat(ok(api.as("initiator").get("/api/v1/changes/before-outage"))
                            .json()
                            .get("status")
                            .asString())
                    .as("nothing lost")
                    .isEqualTo("DIVISION_APPROVED");
            ok(api.as("initiator")
                    .post(
                            "/api/v1/registers/smolensk-gzhi/changes",
                            change("during-outage", "Канал во время остановки")));
            assertThat(ok(api.as("deputy").post("/api/v1/changes/before-outage/deputy-approval", "{}"))
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("APPROVED");
            assertThat(ok(api.as("auditor").get("/api/v1/changes/during-outage"))
                            .json()
                            .get("timeline"))
                    .hasSize(1);
            ReadModels.assertARebuildChangesNothing(api.as("admin"), jdbc);
        } finally {
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    private record Timed(Api.Response response, Duration took) {}

    private static Map<String, Object> change(String changeId, String touchpoint) {
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
                        Map.of("name", touchpoint, "channel", "DIGITAL"),
                        "needs",
                        List.of(1)));
    }

    private static Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r;
    }
}

package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.touchpoints.register.app.bench.EventSeeder;

/**
 * A rebuild stops nothing: over some 17,000 events (seeded beneath the application) it replays into fresh
 * tables while a client keeps proposing and approving changes, and every one of those commands succeeds within 2 s,
 * also during the switch. Afterwards the read models hold every change the client made, and equal those of a
 * rebuild with nothing else going on (which {@link ReplayIT} shows to equal the live ones). A context (and database)
 * of its own: its seeded registers would slow the other tests' rebuilds, and their poisoned events are not its subject.
 */
@org.springframework.test.context.TestPropertySource(properties = "register.test.context=rebuild-without-downtime")
class RebuildWithoutDowntimeIT extends ApplicationIT {
    private static final long LIMIT_MILLIS = 2_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /** One command the client sent while the rebuild ran. */
    record Sent(String what, int status, long millis, String stateBefore) {}

    @Test
    void commandsGoOnDuringARebuildAndTheRebuiltReadModelsEqualAQuietRebuild() throws Exception {
        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        EventSeeder.Seeded seeded =
                EventSeeder.seed(url.contains("?") ? url.substring(0, url.indexOf('?')) : url, 60, clock.instant());
        assertThat(seeded.events())
                .as("enough events for a rebuild of some seconds")
                .isGreaterThan(15_000);
        String register = newRegister();
        Api admin = api.as("admin");

        List<Sent> sent = new CopyOnWriteArrayList<>();
        List<String> changes = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger n = new AtomicInteger();
        Api client = Api.at(port);
        Thread load = new Thread(
                () -> {
                    while (!stop.get()) {
                        String state =
                                admin.get("/api/v1/admin/projections/rebuild").status() == 200
                                        ? admin.get("/api/v1/admin/projections/rebuild")
                                                .json()
                                                .get("state")
                                                .asString()
                                        : "NONE";
                        long start = System.nanoTime();
                        Api.Response proposed = client.as("initiator")
                                .post(
                                        "/api/v1/registers/" + register + "/changes",
                                        addRow("Канал " + n.incrementAndGet()));
                        sent.add(
                                new Sent("propose", proposed.status(), (System.nanoTime() - start) / 1_000_000, state));
                        if (proposed.status() != 201) {
                            continue;
                        }
                        String change = proposed.json().get("changeId").asString();
                        changes.add(change);
                        start = System.nanoTime();
                        Api.Response approved = client.as("division-head")
                                .post("/api/v1/changes/" + change + "/division-approval", "{}");
                        sent.add(
                                new Sent("approve", approved.status(), (System.nanoTime() - start) / 1_000_000, state));
                        try {
                            Thread.sleep(
                                    50); // a busy office, not a flood: the replay must catch up with the head to switch
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "client-during-rebuild");
        load.start();
        Api.Response rebuilt;
        try {
            rebuilt = ReadModels.rebuild(admin);
        } finally {
            stop.set(true);
            load.join(30_000);
        }
        assertThat(rebuilt.json().get("events").asLong()).isGreaterThan(seeded.events());
        assertThat(rebuilt.json().get("events").asLong())
                .isEqualTo(rebuilt.json().get("total").asLong());
        assertThat(sent.stream()
                        .filter(s -> s.stateBefore().equals("REPLAYING"))
                        .count())
                .as("commands sent while the rebuild replayed")
                .isGreaterThan(10);
        assertThat(sent)
                .as("every command during the rebuild succeeded within %d ms", LIMIT_MILLIS)
                .allSatisfy(s -> {
                    assertThat(s.status()).as(s.toString()).isIn(200, 201);
                    assertThat(s.millis()).as(s.toString()).isLessThan(LIMIT_MILLIS);
                });

        // every change the client made is in the switched-in read models, in the state its commands gave it
        for (String change : changes) {
            assertThat(ok(api.as("initiator").get("/api/v1/changes/" + change))
                            .json()
                            .get("status")
                            .asString())
                    .as(change)
                    .isIn("INITIATED", "DIVISION_APPROVED");
        }
        assertThat(jdbc.sql("select count(*) from q_change where register_id = ?")
                        .param(register)
                        .query(Long.class)
                        .single())
                .isEqualTo(changes.size());

        Map<String, List<Map<String, Object>>> afterTheSwitch = ReadModels.snapshot(jdbc);
        ReadModels.rebuild(admin);
        Map<String, List<Map<String, Object>>> quiet = ReadModels.snapshot(jdbc);
        for (String table : ReadModels.TABLES.keySet()) {
            assertThat(afterTheSwitch.get(table))
                    .as("%s after a rebuild under load", table)
                    .containsExactlyElementsOf(quiet.get(table));
        }
    }
}

package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every read model's rows, in an order that does not depend on generated keys, for comparing with a rebuild. */
public final class ReadModels {
    public static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("q_register", "select * from q_register order by register_id"),
            Map.entry("q_register_version", "select * from q_register_version order by register_id"),
            Map.entry("q_division", "select * from q_division order by register_id, division_id"),
            Map.entry(
                    "q_division_process",
                    "select * from q_division_process order by register_id, process_key, division_id"),
            Map.entry("q_group_number", "select * from q_group_number order by register_id, group_key"),
            Map.entry("q_member", "select * from q_member order by register_id, username, role, division_id"),
            Map.entry(
                    "q_row",
                    "select register_id, row_id, content, rank() over (partition by register_id order by entry_no) from q_row order by register_id, entry_no"),
            Map.entry("q_change", "select * from q_change order by change_id"),
            Map.entry("q_register_proposal", "select * from q_register_proposal order by change_id"),
            Map.entry(
                    "q_change_timeline",
                    "select change_id, event, at, by_user, on_behalf_of, comment from q_change_timeline order by change_id, seq"),
            Map.entry("q_publication", "select * from q_publication order by register_id, version"),
            Map.entry("q_history", "select * from q_history order by register_id, sequence"),
            Map.entry("q_annual_review", "select * from q_annual_review order by register_id, division_id, year"),
            Map.entry("q_delegation", "select * from q_delegation order by register_id, delegation_id"),
            Map.entry("q_approval_act", "select * from q_approval_act order by register_id, act_id"));

    private ReadModels() {}

    /** Rebuilds every read model from the event store (as the administrator, over HTTP): nothing may change. */
    static void assertARebuildChangesNothing(Api admin, JdbcClient jdbc) {
        Map<String, List<Map<String, Object>>> live = snapshot(jdbc);
        Api.Response rebuilt = ReadModels.rebuild(admin);
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        Map<String, List<Map<String, Object>>> replayed = snapshot(jdbc);
        for (String table : TABLES.keySet()) {
            assertThat(replayed.get(table))
                    .as("%s rebuilt from the events", table)
                    .containsExactlyElementsOf(live.get(table));
        }
    }

    /**
     * Rebuilds the read models as the administrator over HTTP and waits for the switch: POST (202; after a rebuild
     * that runs already, as another test's), then GET until it is over. Returns the final GET, asserted DONE.
     */
    public static Api.Response rebuild(Api admin) {
        Api.Response started = admin.post("/api/v1/admin/projections/rebuild", "{}");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (started.status() == 409 && System.nanoTime() < deadline) {
            awaitOver(admin, "/api/v1/admin/projections/rebuild", deadline);
            started = admin.post("/api/v1/admin/projections/rebuild", "{}");
        }
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("state").asString()).isIn("REPLAYING", "SWITCHING", "DONE");
        Api.Response over = awaitOver(
                admin,
                "/api/v1/admin/projections/rebuild/" + started.json().get("id").asString(),
                deadline);
        assertThat(over.json().get("state").asString()).as(over.toString()).isEqualTo("DONE");
        return over;
    }

    /** Waits until no rebuild runs (one a test started and did not follow would write its audit entry later). */
    public static void awaitIdle(Api admin) {
        if (admin.get("/api/v1/admin/projections/rebuild").status() == 200) {
            awaitOver(
                    admin,
                    "/api/v1/admin/projections/rebuild",
                    System.nanoTime() + Duration.ofMinutes(5).toNanos());
        }
    }

    private static Api.Response awaitOver(Api admin, String path, long deadline) {
        while (true) {
            Api.Response status = admin.get(path);
            assertThat(status.status()).as(status.toString()).isEqualTo(200);
            String state = status.json().get("state").asString();
            if (state.equals("DONE") || state.equals("FAILED")) {
                return status;
            }
            assertThat(System.nanoTime()).as("rebuild over in time: %s", status).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static Map<String, List<Map<String, Object>>> snapshot(JdbcClient jdbc) {
        Map<String, List<Map<String, Object>>> snapshot = new HashMap<>();
        TABLES.forEach((table, sql) -> snapshot.put(
                table,
                jdbc.sql(sql).query().listOfRows().stream()
                        .map(row -> {
                            Map<String, Object> copy = new LinkedHashMap<>();
                            row.forEach((k, v) -> copy.put(k, v == null ? null : v.toString()));
                            return copy;
                        })
                        .toList()));
        return snapshot;
    }
}

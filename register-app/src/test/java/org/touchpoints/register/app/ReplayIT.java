package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Dropping the read models and rebuilding them from the event store gives the live ones back, row by row. */
class ReplayIT extends ApplicationIT {
    /** Every read model, with an order that does not depend on generated keys. */
    private static final Map<String, String> TABLES = Map.of(
            "q_register", "select * from q_register order by register_id",
            "q_division", "select * from q_division order by register_id, division_id",
            "q_member", "select * from q_member order by register_id, username, role, division_id",
            "q_row", "select register_id, row_id, content, rank() over (partition by register_id order by entry_no) from q_row order by register_id, entry_no",
            "q_change", "select * from q_change order by change_id",
            "q_change_timeline", "select change_id, event, at, by_user, comment from q_change_timeline order by change_id, seq",
            "q_publication", "select * from q_publication order by register_id, version",
            "q_history", "select * from q_history order by register_id, sequence",
            "q_annual_review", "select * from q_annual_review order by register_id, division_id, year");

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRebuiltReadModelEqualsTheLiveOne() throws Exception {
        String register = newRegister();
        // 64 imported rows: the rebuild sends runs of inserts this long as multi-row inserts
        ok(api.as("admin").postMultipart("/api/v1/registers/" + register + "/import", "gzhi.csv",
                java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/main/resources/demo/smolensk-gzhi-2024.csv"))));
        approvedChange(register, "Сайт");
        String phone = approvedChange(register, "Телефон");
        ok(api.as("publisher").post("/api/v1/registers/" + register + "/publications", Map.of("url", "https://example.gov.ru/v1")));
        clock.advance(Duration.ofDays(1));
        String remove = ok(api.as("initiator").post("/api/v1/registers/" + register + "/changes",
                Map.of("kind", "REMOVE", "rowId", phone, "reason", "TOUCHPOINT_EXCLUDED"))).json().get("changeId").asString();
        ok(api.as("division-head").post("/api/v1/changes/" + remove + "/division-approval", "{}"));
        String rejected = initiate(register, "Чат-бот");
        ok(api.as("division-head").post("/api/v1/changes/" + rejected + "/rejection", Map.of("reason", "Не нужен")));
        ok(api.as("division-head").post("/api/v1/registers/" + register + "/annual-reviews", Map.of("division", "licensing", "year", 2024)));

        Map<String, List<Map<String, Object>>> live = snapshot();
        assertThat(live.get("q_change")).isNotEmpty();

        Api.Response rebuilt = api.as("admin").post("/api/v1/admin/projections/rebuild", "{}");
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(rebuilt.json().get("events").asLong()).isPositive();

        Map<String, List<Map<String, Object>>> replayed = snapshot();
        for (String table : TABLES.keySet()) {
            assertThat(replayed.get(table)).as(table).containsExactlyElementsOf(live.get(table));
        }
        assertThat(api.as("initiator").post("/api/v1/admin/projections/rebuild", "{}").status()).isEqualTo(403);
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> snapshot = new java.util.HashMap<>();
        TABLES.forEach((table, sql) -> snapshot.put(table, jdbc.sql(sql).query().listOfRows().stream()
                .map(row -> {
                    Map<String, Object> copy = new java.util.LinkedHashMap<>();
                    row.forEach((k, v) -> copy.put(k, v == null ? null : v.toString()));
                    return copy;
                }).toList()));
        return snapshot;
    }
}

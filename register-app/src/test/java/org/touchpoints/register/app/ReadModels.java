package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every read model as rows, in an order that does not depend on generated keys: to compare live and rebuilt ones. */
final class ReadModels {
    static final Map<String, String> TABLES = Map.of(
            "q_register", "select * from q_register order by register_id",
            "q_division", "select * from q_division order by register_id, division_id",
            "q_member", "select * from q_member order by register_id, username, role, division_id",
            "q_row", "select register_id, row_id, content, rank() over (partition by register_id order by entry_no) from q_row order by register_id, entry_no",
            "q_change", "select * from q_change order by change_id",
            "q_change_timeline", "select change_id, event, at, by_user, comment from q_change_timeline order by change_id, seq",
            "q_publication", "select * from q_publication order by register_id, version",
            "q_history", "select * from q_history order by register_id, sequence",
            "q_annual_review", "select * from q_annual_review order by register_id, division_id, year");

    private ReadModels() {
    }

    /** Rebuilds every read model from the event store (as the administrator, over HTTP): nothing may change. */
    static void assertARebuildChangesNothing(Api admin, JdbcClient jdbc) {
        Map<String, List<Map<String, Object>>> live = snapshot(jdbc);
        Api.Response rebuilt = admin.post("/api/v1/admin/projections/rebuild", "{}");
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        Map<String, List<Map<String, Object>>> replayed = snapshot(jdbc);
        for (String table : TABLES.keySet()) {
            assertThat(replayed.get(table)).as("%s rebuilt from the events", table).containsExactlyElementsOf(live.get(table));
        }
    }

    static Map<String, List<Map<String, Object>>> snapshot(JdbcClient jdbc) {
        Map<String, List<Map<String, Object>>> snapshot = new HashMap<>();
        TABLES.forEach((table, sql) -> snapshot.put(table, jdbc.sql(sql).query().listOfRows().stream()
                .map(row -> {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    row.forEach((k, v) -> copy.put(k, v == null ? null : v.toString()));
                    return copy;
                }).toList()));
        return snapshot;
    }
}

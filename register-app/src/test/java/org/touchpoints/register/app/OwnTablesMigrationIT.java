package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A deployment upgraded to the tables each group owns keeps what its groups knew: the migrations copy, from the read
 * models, the proposals of the changes in flight (register projection), when they were initiated and agreed (metrics),
 * and the registers, members and unpublished changes the reminders need, with the initiators the reminders group had
 * recorded itself.
 */
class OwnTablesMigrationIT {

    @Test
    void theGroupsOwnTablesStartWithWhatTheReadModelsHeld() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());
            // every migration before the own tables (V9_20 on), then the read models as they stood
            org.flywaydb.core.api.MigrationVersion ownTables =
                    org.flywaydb.core.api.MigrationVersion.fromVersion("9.20");
            org.flywaydb.core.api.MigrationVersion before = java.util.Arrays.stream(
                            flyway(postgres).load().info().all())
                    .map(org.flywaydb.core.api.MigrationInfo::getVersion)
                    .filter(java.util.Objects::nonNull)
                    .filter(v -> v.isNewerThan("0") && !v.isAtLeast("9.20"))
                    .max(Comparable::compareTo)
                    .orElseThrow();
            assertThat(ownTables.isNewerThan(before.getVersion())).isTrue();
            flyway(postgres).target(before).load().migrate();
            db.update("""
                    insert into q_register(register_id, authority, time_zone, deadline_days, template, region, created_at)
                    values ('r1', 'ГЖИ', 'Europe/Moscow', 10, 'SIX_COLUMN', 'RU-SVE', '2024-12-01T09:00:00Z')""");
            db.update(
                    "insert into q_member(register_id, username, role, division_id) values ('r1', 'head', 'HEAD', 'lic')");
            db.update("insert into q_member(register_id, username, role) values ('r1', 'deputy', 'DEPUTY')");
            change(db, "in-flight", "DIVISION_APPROVED", null);
            db.update("""
                    insert into q_change_timeline(change_id, event, at, by_user)
                    values ('in-flight', 'DivisionApproved', '2024-12-20T10:00:00Z', 'head')""");
            change(db, "approved", "APPROVED", "2025-01-14");
            change(db, "published", "PUBLISHED", "2025-01-14");
            db.update("insert into reminder_change_initiator values ('published', 'r1', 'initiator')");
            db.update("insert into reminder_change_initiator values ('unseen', 'r1', 'someone')");

            flyway(postgres).load().migrate();

            assertThat(db.queryForList("select change_id, kind, row_id, division from q_register_proposal"))
                    .as("only the change in flight awaits its approval")
                    .containsExactly(Map.of(
                            "change_id", "in-flight", "kind", "ADD", "row_id", "row-in-flight", "division", "lic"));
            assertThat(db.queryForList("""
                            select change_id, initiated_at = '2024-12-20T09:00:00Z' as initiated,
                                   division_approved_at = '2024-12-20T10:00:00Z' as agreed
                            from metrics_approval_step"""))
                    .containsExactly(Map.of("change_id", "in-flight", "initiated", true, "agreed", true));
            assertThat(db.queryForList("select register_id, time_zone, region, deadline_days from reminder_register"))
                    .containsExactly(Map.of(
                            "register_id",
                            "r1",
                            "time_zone",
                            "Europe/Moscow",
                            "region",
                            "RU-SVE",
                            "deadline_days",
                            10));
            assertThat(db.queryForList("select username, role, division_id from reminder_member order by username"))
                    .containsExactly(
                            Map.of("username", "deputy", "role", "DEPUTY", "division_id", ""),
                            Map.of("username", "head", "role", "HEAD", "division_id", "lic"));
            assertThat(db.queryForList("""
                            select change_id, initiated_by, division, due_date::text as due from reminder_change
                            order by change_id"""))
                    .as("the unpublished changes, and the one only the reminders group had seen")
                    .containsExactly(
                            row("approved", "initiator", "lic", "2025-01-14"),
                            row("in-flight", "initiator", "lic", null),
                            row("unseen", "someone", null, null));
            assertThat(db.queryForList("select table_name from information_schema.tables where table_name = "
                            + "'reminder_change_initiator'"))
                    .as("taken over by reminder_change")
                    .isEmpty();
        }
    }

    private static void change(JdbcTemplate db, String id, String status, String due) {
        db.update(
                """
                        insert into q_change(change_id, register_id, kind, status, reason, division, row_id, after_row,
                                             initiated_by, initiated_at, approved_at, approved_on, due_date)
                        values (?, 'r1', 'ADD', ?, 'NEW_TOUCHPOINT', 'lic', ?, '{"process": "p"}', 'initiator',
                                '2024-12-20T09:00:00Z', ?, ?, ?)""",
                id,
                status,
                "row-" + id,
                due == null ? null : java.sql.Timestamp.valueOf("2024-12-20 12:00:00"),
                due == null ? null : java.sql.Date.valueOf("2024-12-20"),
                due == null ? null : java.sql.Date.valueOf(due));
    }

    private static Map<String, Object> row(String changeId, String initiatedBy, String division, String due) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("change_id", changeId);
        row.put("initiated_by", initiatedBy);
        row.put("division", division);
        row.put("due", due);
        return row;
    }

    @SuppressWarnings("unchecked")
    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(EmbeddedPostgres postgres) {
        Map<String, Object> flyway = (Map<String, Object>)
                ((Map<String, Object>) Deployment.yaml("register-app/src/main/resources/application.yml")
                                .get("spring"))
                        .get("flyway");
        return Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .locations(((String) flyway.get("locations")).split(","))
                .outOfOrder(Boolean.TRUE.equals(flyway.get("out-of-order")))
                .ignoreMigrationPatterns(((String) flyway.get("ignore-migration-patterns")).split(","));
    }
}

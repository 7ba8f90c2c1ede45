package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In scale-out mode the command and the query service migrate one PostgreSQL, each with its own Flyway locations
 * (their application.yml): whichever starts first, both come up, and both start again, with every table made once.
 */
class SharedDatabaseMigrationsIT {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "register-command-service,register-query-service",
                "register-query-service,register-command-service"
            })
    void bothServicesMigrateTheSharedDatabaseInEitherOrderAndStartAgain(String order) throws Exception {
        List<String> services = List.of(order.split(","));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            for (int start = 0; start < 2; start++) {
                for (String service : services) {
                    flyway(service, database).migrate();
                }
            }
            for (String service : services) {
                flyway(service, database).validate();
            }
            List<String> tables = new JdbcTemplate(database)
                    .queryForList(
                            "select table_name from information_schema.tables where table_schema = 'public'",
                            String.class);
            assertThat(tables)
                    .contains(
                            "account",
                            "change_lookup",
                            "domain_event_entry",
                            "token_entry",
                            "q_register",
                            "q_change",
                            "reminder_outbox",
                            "processor_node");
            List<String> versions = new JdbcTemplate(database)
                    .queryForList("select version from flyway_schema_history where success", String.class);
            assertThat(versions).doesNotHaveDuplicates().contains("1.1", "1.2", "1.3", "1.4", "1.5", "1.6");
        }
    }

    @SuppressWarnings("unchecked")
    private static Flyway flyway(String service, DataSource database) {
        Map<String, Object> flyway = (Map<String, Object>)
                ((Map<String, Object>) Deployment.yaml(service + "/src/main/resources/application.yml")
                                .get("spring"))
                        .get("flyway");
        return Flyway.configure()
                .dataSource(database)
                .locations(((String) flyway.get("locations")).split(","))
                .outOfOrder(Boolean.TRUE.equals(flyway.get("out-of-order")))
                .ignoreMigrationPatterns(((String) flyway.get("ignore-migration-patterns")).split(","))
                .load();
    }
}

package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.touchpoints.register.api.register.CreateRegisterCommand;
import org.touchpoints.register.api.row.Template;

/**
 * The standalone launcher on a PostgreSQL named by {@code spring.datasource.url} (no embedded one): the events go to
 * that database through Axon's JDBC event store, and tokens too (see AxonAfterSpringBoot).
 */
@SpringBootTest
class ExternalDatabaseIT {
    static final EmbeddedPostgres EXTERNAL = start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EXTERNAL.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("register.scheduling.enabled", () -> "false");
    }

    @AfterAll
    static void stop() throws IOException {
        EXTERNAL.close();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway commands;

    @Test
    void eventsAndTokensGoToTheConfiguredDatabase() throws Exception {
        assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        commands.sendAndWait(new CreateRegisterCommand(
                "r-external",
                "ГЖИ",
                "Europe/Moscow",
                10,
                Template.SIX_COLUMN,
                null,
                "admin",
                Instant.parse("2024-12-20T09:00:00Z")));
        try (var connection = EXTERNAL.getPostgresDatabase().getConnection();
                var rows = connection
                        .createStatement()
                        .executeQuery(
                                "select count(*) from domain_event_entry where aggregate_identifier = 'r-external'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

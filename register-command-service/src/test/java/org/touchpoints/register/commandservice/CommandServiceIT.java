package org.touchpoints.register.commandservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.touchpoints.register.command.lookup.ChangeLookup;
import org.touchpoints.register.platform.calendar.ProductionCalendar;

/**
 * The command service's context in its scale-out configuration (the {@code axonserver} profile) on a real
 * PostgreSQL, with Axon Server configured at a closed port (it is not available here): Axon Server is the event
 * store and the command and query bus, Axon's JDBC event storage is not created, the change lookup stays
 * subscribing, Flyway applies the platform's and the command side's migrations only, the HTTP API and the first
 * administrator work, Axon's meters reach the Prometheus endpoint, and a command that cannot reach Axon Server is
 * refused promptly with a problem detail.
 */
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandServiceIT {
    static final EmbeddedPostgres POSTGRES = start();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("AXON_AXONSERVER_SERVERS", () -> "localhost:" + closedPort());
        registry.add("REGISTER_ADMIN_PASSWORD", () -> "first-admin");
        registry.add("management.defaults.metrics.export.enabled", () -> "true");
        registry.add("management.prometheus.metrics.export.enabled", () -> "true");
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void axonServerIsTheEventStoreAndRoutesCommandsAndQueries() {
        assertThat(context.getEnvironment().getActiveProfiles()).contains("axonserver");
        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBeansOfType(EventStorageEngine.class))
                .as("no JDBC event storage")
                .isEmpty();
        assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
    }

    @Test
    void theChangeLookupIsWrittenInTheCommandsOwnTransactionAndNoProjectionRunsHere() {
        assertThat(processing.eventProcessor(ChangeLookup.GROUP)).get().isInstanceOf(SubscribingEventProcessor.class);
        assertThat(processing.eventProcessors()).containsOnlyKeys(ChangeLookup.GROUP);
    }

    @Test
    void flywayAppliesThePlatformsAndTheCommandSidesMigrationsOnly() {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class)
                .list();
        assertThat(tables)
                .contains("account", "change_lookup")
                .doesNotContain("q_register", "token_entry", "processor_node");
        assertThat(tables)
                .as("the calendar data this side counts due dates with")
                .contains("calendar_file", "calendar_federal_only_mark");
    }

    @Autowired
    ProductionCalendar calendar;

    /** A year the query side took as an upload is in the table both read: the due dates counted here use it. */
    @Test
    void aCalendarYearUploadedOnTheQuerySideCountsHereToo() {
        java.time.LocalDate madeOn = java.time.LocalDate.of(2026, 12, 28);
        assertThat(calendar.publicationDue(madeOn, 10, null).unknown()).isEqualTo("нет календаря на 2027 год");
        jdbc.sql("""
                        insert into calendar_file(region, year, json, fingerprint, loaded_at)
                        values ('', 2027, ?, 'test', now())""").param("""
                        {"year":2027,"source":"Проект постановления на 2027 год (для проверки)",
                         "nonWorkingDays":["2027-01-01","2027-01-04","2027-01-05","2027-01-06","2027-01-07",
                                           "2027-01-08","2027-02-23","2027-03-08","2027-05-03","2027-05-10",
                                           "2027-06-14","2027-11-04"],"workingWeekendDays":[]}""").update();
        // from 28.12.2026: 29, 30, (31 off) 2027: (01, 04–08 off) 11, 12, 13, 14, 15, 18, 19, 20.01
        assertThat(calendar.publicationDue(madeOn, 10, null).dueDate()).isEqualTo(java.time.LocalDate.of(2027, 1, 20));
    }

    @Test
    void theApiAnswersWithTheFirstAdministrator() throws Exception {
        HttpResponse<String> accounts =
                send(request("/api/v1/accounts", "admin:first-admin").GET());
        assertThat(accounts.statusCode()).isEqualTo(200);
        assertThat(accounts.body()).contains("\"username\":\"admin\"");
        assertThat(send(request("/api/v1/accounts", "admin:wrong").GET()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void withoutAxonServerACommandIsRefusedPromptlyWithAProblemDetail() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = send(
                request("/api/v1/registers", "admin:first-admin")
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"id\":\"r-offline\",\"authority\":\"ГЖИ\","
                                                + "\"timeZone\":\"Europe/Moscow\",\"template\":\"SIX_COLUMN\",\"publicationDeadlineWorkingDays\":10}")));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("временно недоступен", "данные не изменены");
    }

    @Test
    void withoutAxonServerTheReplicaIsAliveButNotReady() throws Exception {
        HttpResponse<String> readiness =
                send(request("/actuator/health/readiness", null).GET());
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
        HttpResponse<String> liveness =
                send(request("/actuator/health/liveness", null).GET());
        assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
        assertThat(context.getBean(org.touchpoints.register.platform.axon.AxonServerReadiness.class)
                        .health(true)
                        .getStatus())
                .hasToString("DOWN");
    }

    @Test
    void axonsMetersGoToTheRegistryPrometheusScrapes() throws Exception {
        PrometheusMeterRegistry prometheus = context.getBean(PrometheusMeterRegistry.class);
        assertThat(context.getBean(GlobalMetricRegistry.class).getRegistry()).isSameAs(prometheus);
        assertThat(context.getBeansOfType(MeterRegistry.class).values()).containsExactly(prometheus);
        assertThat(context.getBeansOfType(MetricsConfigurerModule.class)).hasSize(1);
        assertThat(send(request("/actuator/prometheus", null).GET()).body()).contains("http_server_requests_seconds");
    }

    private HttpRequest.Builder request(String path, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

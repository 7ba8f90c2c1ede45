package org.touchpoints.register.queryservice;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.springboot.EventProcessorProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.touchpoints.register.query.config.ProcessorFairShare;
import org.touchpoints.register.query.rebuild.ProjectionRebuild;

/**
 * The query service's context in its scale-out configuration (the {@code axonserver} profile) on a real
 * PostgreSQL, with Axon Server configured at a closed port (it is not available here): Axon Server is the event
 * store and the buses, Axon's JDBC event storage is not created, the projections, metrics and reminders are pooled
 * streaming processors of four segments whose tokens live in PostgreSQL, each replica claims only its fair share of
 * them, Flyway applies the platform's and the query side's migrations only, the read API answers, and a rebuild
 * resets the projections processor unless another replica still processes part of the stream.
 */
@SpringBootTest(classes = QueryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryServiceIT {
    static final EmbeddedPostgres POSTGRES = start();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final List<String> STREAMING = List.of("projections", "history", "metrics", "reminders");

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("AXON_AXONSERVER_SERVERS", () -> "localhost:" + closedPort());
        registry.add("REGISTER_ADMIN_PASSWORD", () -> "first-admin");
        registry.add("register.scheduling.enabled", () -> "false");
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
    EventProcessorProperties processorProperties;

    @Autowired
    ProcessorFairShare fairShare;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @AfterEach
    void onlyThisReplica() {
        jdbc.sql("delete from processor_node where node_id like 'other-%'").update();
        fairShare.resume();
        fairShare.beat();
    }

    @Test
    void axonServerIsTheEventStoreAndRoutesCommandsAndQueries() {
        assertThat(context.getEnvironment().getActiveProfiles()).contains("axonserver");
        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBeansOfType(EventStorageEngine.class))
                .as("no JDBC event storage")
                .isEmpty();
        assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        assertThat(context.getBeansOfType(ProjectionRebuild.class)).hasSize(1);
    }

    @Test
    void theQuerySidesProcessorsArePooledStreamingProcessorsOfFourSegments() {
        assertThat(processing.eventProcessors()).containsOnlyKeys(STREAMING);
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        for (String name : STREAMING) {
            EventProcessor processor = processing.eventProcessor(name).orElseThrow();
            assertThat(processor).as(name).isInstanceOf(PooledStreamingEventProcessor.class);
            assertThat(processor.isRunning())
                    .as(name + " runs, waiting for Axon Server")
                    .isTrue();
            EventProcessorProperties.ProcessorSettings settings =
                    processorProperties.getProcessors().get(name);
            assertThat(settings.getMode()).isEqualTo(EventProcessorProperties.Mode.POOLED);
            assertThat(settings.getInitialSegmentCount()).isEqualTo(4);
            assertThat(((PooledStreamingEventProcessor) processor).maxCapacity())
                    .as(name + ": alone, this replica may take every segment")
                    .isEqualTo(4);
            assertThat(jdbc.sql("select count(*) from token_entry where processor_name = ?")
                            .param(name)
                            .query(Integer.class)
                            .single())
                    .as(name + ": its segments in PostgreSQL")
                    .isEqualTo(4);
        }
    }

    @Test
    void theTokensAResetWritesReadBackFromTheTokenStore() {
        TokenStore tokens = context.getBean(TokenStore.class);
        tokens.initializeTokenSegments("reset-probe", 1);
        try {
            org.axonframework.eventhandling.TrackingToken reset =
                    org.axonframework.eventhandling.ReplayToken.createReplayToken(
                            new org.axonframework.eventhandling.GlobalSequenceTrackingToken(90),
                            new org.axonframework.eventhandling.GlobalSequenceTrackingToken(-1));
            // every kind of token either mode's processors write: Axon Server's, the JDBC store's (gap-aware), a
            // replay, a merge; each stored, its claim given up, and claimed back as another node would
            for (org.axonframework.eventhandling.TrackingToken token : List.of(
                    reset,
                    new org.axonframework.eventhandling.GlobalSequenceTrackingToken(12),
                    org.axonframework.eventhandling.GapAwareTrackingToken.newInstance(40, java.util.Set.of(37L, 38L)),
                    new org.axonframework.eventhandling.MergedTrackingToken(
                            new org.axonframework.eventhandling.GlobalSequenceTrackingToken(3),
                            new org.axonframework.eventhandling.GlobalSequenceTrackingToken(7)),
                    org.axonframework.eventhandling.ReplayToken.createReplayToken(
                            org.axonframework.eventhandling.GapAwareTrackingToken.newInstance(90, java.util.Set.of()),
                            null))) {
                tokens.storeToken(token, "reset-probe", 0);
                tokens.releaseClaim("reset-probe", 0);
                assertThat(tokens.fetchToken("reset-probe", 0))
                        .as(token.toString())
                        .isEqualTo(token);
            }
        } finally {
            tokens.releaseClaim("reset-probe", 0);
            jdbc.sql("delete from token_entry where processor_name = 'reset-probe'")
                    .update();
        }
    }

    @Test
    void replicasStartingTogetherOnAnEmptyDatabaseShareOneTokenStoreIdentifier() throws Exception {
        org.axonframework.common.jdbc.ConnectionProvider connections =
                () -> context.getBean(javax.sql.DataSource.class).getConnection();
        org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema schema =
                context.getBean(org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema.class);
        String before =
                context.getBean(TokenStore.class).retrieveStorageIdentifier().orElseThrow();
        try {
            for (int round = 0; round < 5; round++) {
                jdbc.sql("delete from token_entry where processor_name = '__config'")
                        .update();
                int replicas = 8;
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(replicas);
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(replicas);
                List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
                for (int i = 0; i < replicas; i++) {
                    TokenStore replica = org.touchpoints.register.platform.axon.AxonInfrastructure.sharedTokenStore(
                            connections, schema);
                    ids.add(pool.submit(() -> {
                        together.await();
                        return replica.retrieveStorageIdentifier().orElseThrow();
                    }));
                }
                java.util.Set<String> distinct = new java.util.HashSet<>();
                for (var id : ids) {
                    distinct.add(id.get(30, java.util.concurrent.TimeUnit.SECONDS));
                }
                pool.shutdown();
                assertThat(distinct)
                        .as("round %d: one identifier for every replica", round)
                        .hasSize(1);
            }
        } finally {
            jdbc.sql("delete from token_entry where processor_name = '__config'")
                    .update();
            jdbc.sql(
                            "insert into token_entry(processor_name, segment, token, token_type, time_stamp) values ('__config', 0, ?, ?, ?)")
                    .params(
                            context.getBean(TokenStore.class) instanceof JdbcTokenStore store
                                    ? store.serializer()
                                            .serialize(
                                                    new org.axonframework.eventhandling.tokenstore.ConfigToken(
                                                            java.util.Map.of("id", before)),
                                                    byte[].class)
                                            .getData()
                                    : null,
                            org.axonframework.eventhandling.tokenstore.ConfigToken.class.getName(),
                            DateTimeUtils.formatInstant(Instant.now()))
                    .update();
        }
    }

    @Test
    void eachLiveReplicaClaimsItsFairShareOfTheSegments() {
        PooledStreamingEventProcessor projections = processing
                .eventProcessor("projections", PooledStreamingEventProcessor.class)
                .orElseThrow();
        jdbc.sql("insert into processor_node(node_id, seen_at) values ('other-1', now())")
                .update();
        fairShare.beat();
        assertThat(fairShare.liveNodes()).isEqualTo(2);
        assertThat(projections.maxCapacity()).isEqualTo(2);

        jdbc.sql("insert into processor_node(node_id, seen_at) values ('other-2', now())")
                .update();
        fairShare.beat();
        assertThat(projections.maxCapacity())
                .as("4 = 2 + 1 + 1: this replica sorts first and takes the remainder")
                .isEqualTo(2);

        jdbc.sql("update processor_node set seen_at = now() - interval '1 minute' where node_id like 'other-%'")
                .update();
        fairShare.beat();
        assertThat(fairShare.liveNodes()).as("silent replicas are left out").isEqualTo(1);
        assertThat(projections.maxCapacity()).isEqualTo(4);

        for (int segment = 0; segment < 8; segment++) {
            jdbc.sql("insert into token_entry(processor_name, segment) values ('split-processor', ?)")
                    .param(segment)
                    .update();
        }
        jdbc.sql("insert into processor_node(node_id, seen_at) values ('other-3', now())")
                .update();
        fairShare.beat();
        assertThat(fairShare.getMaxSegments("split-processor"))
                .as("the segments in the token store count")
                .isEqualTo(4);
        jdbc.sql("delete from token_entry where processor_name = 'split-processor'")
                .update();
    }

    @Test
    void aReplicaThatStandsDownWithdrawsItsHeartbeatAndClaimsNothingThenTakesItsShareAgain() {
        PooledStreamingEventProcessor projections = processing
                .eventProcessor("projections", PooledStreamingEventProcessor.class)
                .orElseThrow();
        jdbc.sql("insert into processor_node(node_id, seen_at) values ('other-1', now())")
                .update();
        fairShare.beat();
        assertThat(projections.maxCapacity()).isEqualTo(2);

        fairShare.standDown(); // what a stalled processor makes it do (ProcessorFairShare.beat)
        fairShare.beat();
        assertThat(fairShare.standingDown()).isTrue();
        assertThat(projections.maxCapacity())
                .as("claims nothing: its segments go to the others")
                .isZero();
        assertThat(jdbc.sql("select count(*) from processor_node where node_id not like 'other-%'")
                        .query(Integer.class)
                        .single())
                .as("no heartbeat: the others count it out")
                .isZero();
        assertThat(fairShare.liveNodes()).isEqualTo(1);

        fairShare.resume();
        fairShare.beat();
        assertThat(fairShare.standingDown()).isFalse();
        assertThat(fairShare.liveNodes()).isEqualTo(2);
        assertThat(projections.maxCapacity()).isEqualTo(2);
    }

    @Test
    void flywayAppliesThePlatformsAndTheQuerySidesMigrationsOnly() {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class)
                .list();
        assertThat(tables)
                .contains("account", "token_entry", "q_register", "q_change", "processor_node")
                .doesNotContain("change_lookup", "domain_event_entry");
    }

    @Test
    void theReadApiAnswersFromTheProjectionDatabase() throws Exception {
        HttpResponse<String> registers =
                send(request("/api/v1/registers", "admin:first-admin").GET());
        assertThat(registers.statusCode()).isEqualTo(200);
        assertThat(registers.body()).startsWith("[");
        assertThat(send(request(
                                        "/api/v1/calendar/due-date?madeAt=2024-12-27T09:00:00Z&workingDays=10&zone=Europe/Moscow",
                                        null)
                                .GET())
                        .body())
                .contains("\"dueDate\":\"2025-01-21\"");
    }

    @Test
    void aRebuildStartsInTheBackgroundAndTheLiveReadModelsServeMeanwhile() throws Exception {
        insertRegister("r-before-rebuild");
        HttpResponse<String> response = rebuild();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.body()).contains("\"state\":\"REPLAYING\"", "\"id\":");
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/api/v1/admin/projections/rebuild/"));
        assertThat(registers())
                .as("the live read models serve until the switch")
                .contains("r-before-rebuild");
        assertThat(processing.eventProcessor("projections").orElseThrow().isRunning())
                .isTrue();
        HttpResponse<String> progress = send(request("/api/v1/admin/projections/rebuild", "admin:first-admin")
                .GET());
        assertThat(progress.statusCode()).isEqualTo(200);
        assertThat(progress.body()).contains("\"events\":", "\"total\":");
    }

    @Test
    void aRebuildIsRefusedWhileAnotherReplicaProcessesASegmentAndNothingIsReset() throws Exception {
        insertRegister("r-kept");
        jdbc.sql(
                        "update token_entry set owner = 'other-replica', time_stamp = ? where processor_name = 'projections' and segment = 0")
                .param(DateTimeUtils.formatInstant(Instant.now()))
                .update();
        try {
            HttpResponse<String> response = rebuild();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("другие экземпляры");
            assertThat(registers()).contains("r-kept");
            assertThat(processing.eventProcessor("projections").orElseThrow().isRunning())
                    .isTrue();
        } finally {
            jdbc.sql("update token_entry set owner = null where owner = 'other-replica'")
                    .update();
        }
    }

    private HttpResponse<String> rebuild() throws Exception {
        return send(request("/api/v1/admin/projections/rebuild", "admin:first-admin")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private void insertRegister(String id) {
        jdbc.sql(
                        "insert into q_register(register_id, authority, time_zone, template, created_at) values (?, 'ГЖИ', 'Europe/Moscow', 'SIX_COLUMN', now())")
                .param(id)
                .update();
    }

    private List<String> registers() {
        return jdbc.sql("select register_id from q_register")
                .query(String.class)
                .list();
    }

    @Test
    void signInSessionsLiveInPostgreSqlSoEveryReplicaKnowsThem() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> form = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(form.body());
        assertThat(token.find()).isTrue();
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> signedIn = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=first-admin&_csrf="
                                + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'admin'")
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    @Test
    void axonsMetersGoToTheRegistryPrometheusScrapes() {
        assertThat(context.getBean(GlobalMetricRegistry.class).getRegistry())
                .isSameAs(context.getBean(PrometheusMeterRegistry.class));
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

package org.touchpoints.register.platform.axon;

import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.touchpoints.register.api.rule.RuleViolatedException;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon wiring shared by both sides: snake_case table names for the JDBC event and token stores (created by
 * Flyway), the aggregate cache, and the translation of a broken rule into a command failure whose details
 * carry the {@link org.touchpoints.register.api.rule.RuleViolation} across any command bus.
 * <p>
 * The JDBC event store is the standalone mode's ({@code axon.axonserver.enabled=false}); with the
 * {@code axonserver} profile Axon Server is the event store and Axon's JDBC storage engine is not created (it
 * backs off when an {@code EventStore} bean exists, {@link AxonAfterSpringBoot} orders that), while the token store
 * stays in PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
public class AxonInfrastructure {

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Axon's JDBC storage engine as its auto-configuration builds it, with a larger fetch: a stream (a rebuild's
     * replay) reads {@code register.event-store.fetch-size} events a query instead of Axon's 100, and an aggregate's
     * events are read as many at a time. The fetch is a window of the global index ({@code global_index > last and
     * <= last + fetch size}): an event not yet committed in it is a gap the token remembers (Axon's gap detection is
     * unchanged), and a gap wider than the window is stepped over by Axon's extended gap check.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema,
            @Value("${register.event-store.fetch-size:1000}") int fetchSize) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(fetchSize)
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * The token store with a serializer of its own that reads back what it writes: a processor reset writes a
     * replay token whose {@code context} is typed {@code Object}, which the general Jackson 3 serializer's default
     * type validator refuses to resolve (on a real Axon Server the processors then retried their claims forever with
     * empty read models). Only Axon's token classes and plain values are resolved. Replicas may start together on an
     * empty database ({@link SharedJdbcTokenStore}).
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, TokenSchema schema) {
        return sharedTokenStore(connections, schema);
    }

    public static TokenStore sharedTokenStore(ConnectionProvider connections, TokenSchema schema) {
        return new SharedJdbcTokenStore(
                JdbcTokenStore.builder().connectionProvider(connections).serializer(tokenSerializer()), schema);
    }

    static Serializer tokenSerializer() {
        BasicPolymorphicTypeValidator tokenTypes = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.eventhandling.")
                .allowIfSubType(String.class)
                .allowIfSubType(Long.class)
                .allowIfSubType(Integer.class)
                .build();
        return Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(mapper -> mapper.polymorphicTypeValidator(tokenTypes))
                .build();
    }

    /**
     * Axon's units of work run in Spring transactions, so a command's events and every read model written by
     * the subscribing processors commit together or not at all. Declared explicitly: left to auto-configuration,
     * Axon may settle for its no-op transaction manager when its configuration is evaluated before Spring's.
     */
    @Bean
    static TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    /**
     * The command gateway retries what the service can cure itself (a stale cached aggregate's concurrency conflict,
     * a routing failure) a few times before the client sees it: {@link ConflictRetryScheduler}.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetryScheduler(Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "command-retry");
                    thread.setDaemon(true);
                    return thread;
                })))
                .build();
    }

    /**
     * The register aggregate's commands routed by {@link CachedCommandTargetResolver} ({@code @Aggregate}), and to its
     * changes through Axon's property lookup with the answers remembered ({@link CachedPropertyAccessStrategy}).
     */
    @Bean
    CommandTargetResolver registerTargetResolver() {
        CachedPropertyAccessStrategy.register();
        return new CachedCommandTargetResolver();
    }

    /**
     * Registers stay in memory between commands (a register is a few hundred rows): the most recently used
     * {@code register.aggregate-cache.recent} strongly, the rest until the garbage collector takes them.
     */
    @Bean
    Cache registerCache(@Value("${register.aggregate-cache.recent:128}") int recent) {
        return new RecentAggregatesCache(recent);
    }

    /**
     * A read model that cannot take an event fails the command that produced it (subscribing processors run in
     * the command's transaction), so the store and the read models never disagree silently. A {@link ConfigurerModule}
     * bean, which Axon applies before it builds any processor (an {@code @Autowired} method may run after another
     * thread had them built); static, so that creating it needs no instance of this configuration (which waits for the
     * command bus, which waits for Axon's configuration, which waits for the modules).
     */
    @Bean
    static ConfigurerModule propagateProjectionFailures() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    @Autowired
    void translateRuleViolations(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (RuleViolatedException e) {
                throw new CommandExecutionException(e.getMessage(), null, e.violation());
            }
        });
    }
}

package org.touchpoints.register.query.deadletter;

import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.touchpoints.register.platform.audit.AdminAudit;
import org.touchpoints.register.query.config.Projections;
import org.touchpoints.register.query.metrics.ApprovalLeadTimes;
import org.touchpoints.register.query.reminder.ReminderPolicy;

/**
 * A sequenced dead-letter queue (Axon's {@link JdbcSequencedDeadLetterQueue}, table {@code dead_letter_entry}) for every
 * query-side processing group. An event a group cannot handle is parked with its cause, and so is every later event
 * of the same register (the sequence: Axon's default, the aggregate), so that register's read models wait, in order,
 * while other registers and other groups go on; the command that produced the event still succeeds, since the event
 * is the record. The processors stay subscribing (read-your-writes): Axon's dead-lettering invoker serves any kind of
 * processor. The command side's own index ({@code change-lookup}) is not dead-lettered: its failure still refuses
 * the command, as a change that cannot be addressed must not be recorded. An administrator can set a parked event
 * aside ({@link DeadLetters#setAside}); each group then skips it ({@link SetAsideEvents}). In standalone mode each
 * queue knows the registers it holds ({@link KnownSequencesQueue}), so an event of a register that is not parked —
 * nearly every event — is handled without asking the table.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

    /** The processing groups whose failures are parked instead of refusing the command. */
    public static final List<String> GROUPS =
            List.of(Projections.GROUP, Projections.HISTORY, ApprovalLeadTimes.GROUP, ReminderPolicy.GROUP);

    @Bean
    static DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean
    static EventSavepoints eventSavepoints(DataSource dataSource) {
        return new EventSavepoints(dataSource);
    }

    @Bean
    static KnownDeadLetterSequences knownDeadLetterSequences(JdbcClient jdbc) {
        return new KnownDeadLetterSequences(jdbc);
    }

    /**
     * A configurer module, not an {@code @Autowired} method on the processing configurer: Axon applies modules while it
     * builds its configuration, whatever order Spring creates the beans in (an autowired method ran too late, after
     * the processors were built without their queues, once the meter registry pulled Axon's configuration forward).
     */
    @Bean
    ConfigurerModule deadLetterQueues(
            DeadLetterSchema schema,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSavepoints savepoints,
            SetAsideLetters setAside,
            KnownDeadLetterSequences known,
            Environment environment) {
        return configurer -> configurer.eventProcessing(processing -> register(
                processing, schema, connectionProvider, transactionManager, savepoints, setAside, known, environment));
    }

    private static void register(
            EventProcessingConfigurer processing,
            DeadLetterSchema schema,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSavepoints savepoints,
            SetAsideLetters setAside,
            KnownDeadLetterSequences known,
            Environment environment) {
        EnqueuePolicy<EventMessage<?>> parkAfterUndoing = parkAfterUndoing(savepoints);
        for (String group : GROUPS) {
            boolean subscribing = subscribing(environment, group);
            processing
                    .registerDeadLetterQueue(group, c -> {
                        JdbcSequencedDeadLetterQueue<EventMessage<?>> queue = queue(
                                group,
                                schema,
                                connectionProvider,
                                transactionManager,
                                c.eventSerializer(),
                                c.serializer());
                        // standalone: this JVM alone handles the group, and knows which registers it parked
                        return subscribing ? known.decorate(group, queue) : queue;
                    })
                    .registerDeadLetterPolicy(group, c -> parkAfterUndoing)
                    .registerHandlerInterceptor(group, c -> new SetAsideEvents(group, setAside))
                    .registerHandlerInterceptor(group, c -> savepoints);
        }
    }

    /** Whether the group's processor is subscribing (standalone mode; scale-out query replicas stream, pooled). */
    private static boolean subscribing(Environment environment, String group) {
        return Binder.get(environment)
                .bind("axon.eventhandling.processors." + group + ".mode", String.class)
                .map("subscribing"::equalsIgnoreCase)
                .orElse(false);
    }

    /** The dead-letter queue of a processing group (a rebuild parks into a queue of its own, {@code rebuild-…}). */
    public static JdbcSequencedDeadLetterQueue<EventMessage<?>> queue(
            String group,
            DeadLetterSchema schema,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            Serializer eventSerializer,
            Serializer genericSerializer) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(schema)
                .eventSerializer(eventSerializer)
                .genericSerializer(genericSerializer)
                .maxSequences(100_000)
                .maxSequenceSize(100_000)
                .build();
    }

    /** Parks a failed event with its cause, after rolling back what its handlers wrote (its savepoint). */
    public static EnqueuePolicy<EventMessage<?>> parkAfterUndoing(EventSavepoints savepoints) {
        return (letter, cause) -> {
            savepoints.undoCurrentEvent();
            log.warn(
                    "Event {} ({}) parked in the dead-letter queue: {}",
                    letter.message().getIdentifier(),
                    letter.message().getPayloadType().getSimpleName(),
                    AdminAudit.oneLine(String.valueOf(cause)));
            // the failure itself, not a ThrowableCause: the letter wraps what it is given, and a wrapped ThrowableCause
            // would show as the cause's class instead of the failure's (cause_message is text: nothing to truncate)
            return Decisions.enqueue(cause);
        };
    }
}

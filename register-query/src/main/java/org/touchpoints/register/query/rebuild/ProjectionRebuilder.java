package org.touchpoints.register.query.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.touchpoints.register.platform.audit.AdminAudit;
import org.touchpoints.register.query.config.Projections;
import org.touchpoints.register.query.config.ReadModelJdbc;
import org.touchpoints.register.query.deadletter.SetAsideLetters;

/**
 * Rebuilds every read model of the rebuilt groups ({@link Projections#REBUILT}) from the event store: resets them (their
 * {@code @ResetHandler}s) and replays all events through the same handlers, in one transaction that holds
 * new events back meanwhile (an exclusive lock on the event table: reads go on, commands wait), so the rebuilt
 * read models are exactly those of the events, with nothing missed or applied twice. Standalone mode (the JDBC
 * event store); with Axon Server, {@link ProjectionReset} replays through the streaming processor instead.
 *
 * <p>Fast enough for millions of events: the events are read with one cursor (not in Axon's pages of a hundred)
 * and deserialized by a thread of their own ({@link EventReader}), and the handlers' writes go to PostgreSQL in
 * batches sent while the handlers go on ({@link ReadModelJdbc#batched}).
 *
 * <p>A rebuild never stops at an event a read model cannot take. Events an administrator set aside are skipped by
 * their group ({@link SetAsideLetters}). When the fast replay fails anyway, its work is rolled back (to a savepoint)
 * and the replay runs again event by event, each group's handling of each event in a savepoint of its own: an event
 * a group cannot take is parked in that group's dead-letter queue with its cause, and the later events of the same
 * register behind it (as live processing parks them); the other registers and groups are rebuilt in full. The result
 * says how many letters were parked.
 */
@Service
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class ProjectionRebuilder {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    private static final int FETCH_SIZE = 1_000;
    private static final int BATCH = 500;

    /**
     * @param events          the events replayed
     * @param millis          how long it took
     * @param parked          letters parked in the dead-letter queues: events a read model could not take, and the
     *                        events of the same registers behind them
     * @param setAsideSkipped events skipped by a group because an administrator set them aside
     */
    public record Result(long events, long millis, long parked, long setAsideSkipped) {
    }

    /** A handler bean of a rebuilt group. */
    private record GroupHandler(String group, AnnotationEventHandlerAdapter adapter) {
    }

    private final ApplicationContext context;
    private final Configuration axon;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ReadModelJdbc readModels;
    private final EventProcessingConfiguration processing;
    private final SetAsideLetters setAside;

    public ProjectionRebuilder(ApplicationContext context, Configuration axon, DataSource dataSource, JdbcClient jdbc,
                               ReadModelJdbc readModels, EventProcessingConfiguration processing,
                               SetAsideLetters setAside) {
        this.context = context;
        this.axon = axon;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.readModels = readModels;
        this.processing = processing;
        this.setAside = setAside;
    }

    @Transactional
    public Result rebuild() {
        long start = System.nanoTime();
        jdbc.sql("lock table domain_event_entry in exclusive mode").update();
        // The handlers look rows up by key in tables that start empty and grow to millions of rows within this
        // transaction: plans made (and cached) while a table is small would scan it whole on every event after.
        jdbc.sql("set local enable_seqscan = off").update();
        List<GroupHandler> handlers = new ArrayList<>();
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            ProcessingGroup group = AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean), ProcessingGroup.class);
            if (group != null && Projections.REBUILT.contains(group.value())) {
                handlers.add(new GroupHandler(group.value(), new AnnotationEventHandlerAdapter(bean)));
            }
        }
        Map<String, Set<String>> skipped = setAside.eventsByGroup();
        // the rebuilt read models take every event they can: what was parked for these groups is applied now, or
        // parked again below
        for (String group : Projections.REBUILT) {
            processing.deadLetterQueue(group).ifPresent(queue -> queue.clear());
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Replay replay;
        try {
            Savepoint beforeReplay = connection.setSavepoint();
            try {
                replay = readModels.batched(() -> replay(handlers, skipped, null));
                connection.releaseSavepoint(beforeReplay);
            } catch (RuntimeException fast) {
                log.warn("A read model could not take an event ({}); replaying event by event, parking what cannot be "
                        + "taken", AdminAudit.oneLine(String.valueOf(fast)));
                connection.rollback(beforeReplay);
                replay = replay(handlers, skipped, new Parking(connection));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Rebuild failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        jdbc.sql("analyze").update(); // statistics of the rebuilt tables, for the queries that follow
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("Rebuilt read models from {} events in {} ms; {} letters parked, {} set-aside events skipped",
                replay.events, millis, replay.parked, replay.skipped);
        return new Result(replay.events, millis, replay.parked, replay.skipped);
    }

    /** What one replay did. */
    private static final class Replay {
        long events;
        long parked;
        long skipped;
    }

    /**
     * Resets the read models and replays every event through the handlers of its groups, skipping those set aside;
     * {@code parking} null: fast, the first failure fails the replay; otherwise failures are parked.
     */
    private Replay replay(List<GroupHandler> handlers, Map<String, Set<String>> skipped, Parking parking) {
        for (GroupHandler h : handlers) {
            h.adapter().prepareReset();
        }
        jdbc.sql("alter sequence q_row_entry_seq restart").update();
        Map<String, List<AnnotationEventHandlerAdapter>> byGroup = new HashMap<>();
        for (GroupHandler h : handlers) {
            byGroup.computeIfAbsent(h.group(), g -> new ArrayList<>()).add(h.adapter());
        }
        Replay replay = new Replay();
        try (EventReader events = new EventReader()) {
            for (List<EventMessage<?>> batch = events.next(); !batch.isEmpty(); batch = events.next()) {
                for (EventMessage<?> event : batch) {
                    for (String group : Projections.REBUILT) {
                        if (skipped.getOrDefault(group, Set.of()).contains(event.getIdentifier())) {
                            replay.skipped++;
                            continue;
                        }
                        List<AnnotationEventHandlerAdapter> able = new ArrayList<>(2);
                        for (AnnotationEventHandlerAdapter h : byGroup.getOrDefault(group, List.of())) {
                            if (h.canHandle(event)) {
                                able.add(h);
                            }
                        }
                        if (able.isEmpty()) {
                            continue;
                        }
                        if (parking == null) {
                            handle(able, event);
                        } else if (parking.handleOrPark(group, able, event)) {
                            replay.parked++;
                        }
                    }
                    replay.events++;
                }
            }
        }
        return replay;
    }

    private static void handle(List<AnnotationEventHandlerAdapter> handlers, EventMessage<?> event) {
        for (AnnotationEventHandlerAdapter h : handlers) {
            try {
                h.handle(event);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Replay failed at event " + event.getIdentifier() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The careful replay: each group's handling of an event in a savepoint; an event a group cannot take goes to
     * the group's dead-letter queue with its cause, and so do the later events of its sequence (the register).
     */
    private final class Parking {
        private final Connection connection;
        private final Map<String, Set<Object>> parkedSequences = new HashMap<>();

        Parking(Connection connection) {
            this.connection = connection;
        }

        /** @return whether the event was parked */
        boolean handleOrPark(String group, List<AnnotationEventHandlerAdapter> handlers, EventMessage<?> event) {
            Object sequence = sequenceOf(group, event);
            Set<Object> parked = parkedSequences.computeIfAbsent(group, g -> new HashSet<>());
            SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(group)
                    .orElseThrow(() -> new IllegalStateException("No dead-letter queue for " + group));
            if (parked.contains(sequence)) {
                queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event));
                return true;
            }
            try {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    handle(handlers, event);
                    connection.releaseSavepoint(savepoint);
                    return false;
                } catch (RuntimeException e) {
                    connection.rollback(savepoint);
                    Throwable cause = e instanceof IllegalStateException && e.getCause() != null ? e.getCause() : e;
                    log.warn("Rebuild: event {} ({}) parked for {}: {}", event.getIdentifier(),
                            event.getPayloadType().getSimpleName(), group, AdminAudit.oneLine(String.valueOf(cause)));
                    Instant now = GenericDeadLetter.clock.instant();
                    queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event, ThrowableCause.truncated(cause), now,
                            now, MetaData.emptyInstance()));
                    parked.add(sequence);
                    return true;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Rebuild failed at event " + event.getIdentifier() + ": " + e.getMessage(), e);
            }
        }

        /** The group's sequence of the event (by default its register), as live processing parks it. */
        private Object sequenceOf(String group, EventMessage<?> event) {
            Object sequence = processing.sequencingPolicy(group).getSequenceIdentifierFor(event);
            return sequence != null ? sequence : event.getIdentifier();
        }
    }

    /**
     * Every stored event in order, read and deserialized (and upcast, as Axon's storage engine does) by a thread
     * of its own on a connection of its own, while the handlers work on the events before. The rebuild's lock
     * lets no event in or out meanwhile, so this connection sees exactly the events the rebuild's transaction
     * sees.
     */
    private final class EventReader implements AutoCloseable {
        private static final List<EventMessage<?>> END = List.of();
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
        private final Thread thread = new Thread(this::read, "rebuild-event-reader");
        private volatile boolean closed;
        private long waitingNanos;

        EventReader() {
            thread.setDaemon(true);
            thread.start();
        }

        /** The next events in order; empty at the end. */
        @SuppressWarnings("unchecked")
        List<EventMessage<?>> next() {
            try {
                long start = System.nanoTime();
                Object next = queue.take();
                waitingNanos += System.nanoTime() - start;
                if (next instanceof RuntimeException e) {
                    throw new IllegalStateException("Reading the event store failed: " + e.getMessage(), e);
                }
                return (List<EventMessage<?>>) next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the event store", e);
            }
        }

        private void read() {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                try (PreparedStatement statement = connection.prepareStatement("""
                        select global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                               payload_type, payload_revision, payload, meta_data
                        from domain_event_entry order by global_index""")) {
                    statement.setFetchSize(FETCH_SIZE);
                    ResultSet rows = statement.executeQuery();
                    List<TrackedEventData<?>> data = new ArrayList<>(BATCH);
                    boolean more = true;
                    while (more && !closed) {
                        more = rows.next();
                        if (more) {
                            data.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(rows.getLong(1)),
                                    new GenericDomainEventEntry<>(rows.getString(2), rows.getString(3), rows.getLong(4),
                                            rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                                            rows.getBytes(9), rows.getBytes(10))));
                        }
                        if (data.size() == BATCH || !more && !data.isEmpty()) {
                            List<EventMessage<?>> events = new ArrayList<>(data.size());
                            EventUtils.upcastAndDeserializeTrackedEvents(data.stream(), axon.eventSerializer(),
                                    axon.upcasterChain()).forEach(event -> {
                                event.getPayload(); // deserialized here, not in the handlers' thread
                                events.add(event);
                            });
                            put(events);
                            data = new ArrayList<>(BATCH);
                        }
                    }
                } finally {
                    connection.rollback();
                }
                put(END);
            } catch (SQLException | RuntimeException e) {
                put(e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e));
            }
        }

        private void put(Object item) {
            try {
                while (!closed && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    // the handlers are busy: wait, unless the rebuild is over
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            log.info("Handlers waited {} ms for the event reader", waitingNanos / 1_000_000);
            closed = true;
            queue.clear();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

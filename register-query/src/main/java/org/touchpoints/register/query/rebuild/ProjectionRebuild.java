package org.touchpoints.register.query.rebuild;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.touchpoints.register.platform.audit.AdminAudit;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.query.config.Projections;
import org.touchpoints.register.query.config.ReadModelJdbc;
import org.touchpoints.register.query.deadletter.DeadLetterConfiguration;
import org.touchpoints.register.query.deadletter.EventSavepoints;
import org.touchpoints.register.query.deadletter.SetAsideLetters;

/**
 * Rebuilds the read models of the rebuilt groups ({@link Projections#REBUILT}) without stopping the service, in
 * both modes (the JDBC event store and Axon Server): one Axon {@link PooledStreamingEventProcessor} per group,
 * {@code rebuild-<group>}, with that group's handler beans, replays the event stream from its start into fresh
 * tables beside the live ones ({@link RebuildTables}: its transactions set {@code search_path} to them). Commands and
 * reads go on meanwhile; the live tables serve until the switch. When the rebuild has caught up it is switched in:
 * <ol>
 *   <li>live processors that stream (scale-out) are shut down on this replica: the read side pauses, it still
 *       reads; subscribing ones (standalone) are held by a lock on the event table instead: commands wait for the
 *       length of the switch only;</li>
 *   <li>in one transaction: the live tables are locked, the rebuild finishes the last events, the fresh tables
 *       take the live ones' place, the groups' dead letters become those the rebuild parked, and streaming live
 *       processors get the rebuild's position as their token;</li>
 *   <li>the live processors start again from there.</li>
 * </ol>
 * An event a read model cannot take is parked, in the rebuild's own queue, with its cause and the later events of its
 * register behind it; the rebuild completes and says how many; at the switch those letters replace the group's.
 * Events an administrator set aside are skipped. Anything else that fails leaves the live tables as they were.
 * Each rebuild is one entry in the admin audit, written when it ends (who asked, and what came of it).
 * The replay writes without a savepoint per event until an event fails; the batch is then undone and replayed
 * with them, so the failed event's writes can be undone alone. Its batches commit asynchronously into unlogged
 * tables without secondary indexes; those are made logged and indexed once the replay has caught up
 * ({@link RebuildTables#complete}).
 */
@Service
public class ProjectionRebuild {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final String PREFIX = "rebuild-";
    /** How long the switch waits for one lock before letting go of all and trying again (commands wait meanwhile). */
    private static final String LOCK_TIMEOUT = "500ms";

    public enum State {
        REPLAYING,
        SWITCHING,
        DONE,
        FAILED
    }

    /**
     * A rebuild as the administrator sees it.
     *
     * @param events          events replayed (the rebuild's position in the event stream)
     * @param total           events in the stream (its head now)
     * @param parked          letters the rebuild parked: events a read model could not take, and those behind them
     * @param setAsideSkipped events skipped because an administrator set them aside
     */
    public record Status(
            String id,
            State state,
            long events,
            long total,
            long parked,
            long setAsideSkipped,
            long millis,
            Instant startedAt,
            Instant finishedAt,
            String startedBy,
            String error) {}

    private final ApplicationContext context;
    private final Configuration axon;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionManager axonTransactions;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ConnectionProvider connections;
    private final DeadLetterSchema deadLetterSchema;
    private final SetAsideLetters setAside;
    private final AdminAudit audit;
    private final Clock clock;
    private final RebuildTables tables;
    private final ReadModelJdbc readModels;
    private final int batchSize;
    private volatile Run current;

    public ProjectionRebuild(
            ApplicationContext context,
            Configuration axon,
            EventProcessingConfiguration processing,
            TokenStore tokenStore,
            TransactionManager axonTransactions,
            PlatformTransactionManager transactions,
            JdbcClient jdbc,
            DataSource dataSource,
            ConnectionProvider connections,
            DeadLetterSchema deadLetterSchema,
            SetAsideLetters setAside,
            AdminAudit audit,
            Clock clock,
            ReadModelJdbc readModels,
            @Value("${register.rebuild.batch-size:1000}") int batchSize) {
        this.context = context;
        this.axon = axon;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.axonTransactions = axonTransactions;
        this.transactions = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.connections = connections;
        this.deadLetterSchema = deadLetterSchema;
        this.setAside = setAside;
        this.audit = audit;
        this.clock = clock;
        this.tables = new RebuildTables(jdbc);
        this.readModels = readModels;
        this.batchSize = batchSize;
    }

    /** Starts a rebuild in the background; refused (409) while one runs or another replica processes a group. */
    public synchronized Status start(String by) {
        refuseWhileOtherReplicasProcess();
        Run running = current;
        if (running != null && !running.finished()) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "Перестроение представлений уже идёт (обработано "
                            + running.status().events() + " из "
                            + running.status().total()
                            + " событий); дождитесь его окончания");
        }
        Run run = new Run(UUID.randomUUID().toString(), by, clock.instant());
        current = run;
        Thread thread = new Thread(run::execute, "projection-rebuild");
        thread.setDaemon(true);
        thread.start();
        return run.status();
    }

    /** The latest rebuild (empty: none since this replica started). */
    public java.util.Optional<Status> latest() {
        Run run = current;
        return run == null ? java.util.Optional.empty() : java.util.Optional.of(run.status());
    }

    /**
     * Scale-out: refused while another replica holds a segment of a rebuilt group (claimed, not by this one); segments
     * nobody holds (a replica just stopped) are no reason, this replica claims them.
     */
    private void refuseWhileOtherReplicasProcess() {
        for (String group : Projections.REBUILT) {
            EventProcessor live = processing.eventProcessor(group).orElse(null);
            if (live instanceof StreamingEventProcessor) {
                // the token store's owner is this JVM's name (JdbcTokenStore's default node id)
                long claimedByOthers = jdbc.sql("""
                                select count(*) from token_entry
                                where processor_name = ? and owner is not null and owner <> ?""")
                        .params(group, ManagementFactory.getRuntimeMXBean().getName())
                        .query(Long.class)
                        .single();
                if (claimedByOthers > 0) {
                    throw new ApiException(
                            HttpStatus.CONFLICT,
                            "Представления сейчас обрабатывают другие экземпляры "
                                    + "сервиса запросов. Оставьте один экземпляр (или приостановите обработчики «"
                                    + String.join("», «", Projections.REBUILT) + "» на остальных) и повторите запрос");
                }
            }
        }
    }

    private List<StreamingEventProcessor> liveStreaming() {
        List<StreamingEventProcessor> streaming = new ArrayList<>();
        for (String group : Projections.REBUILT) {
            processing
                    .eventProcessor(group)
                    .filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast)
                    .ifPresent(streaming::add);
        }
        return streaming;
    }

    private long head() {
        TrackingToken head = axon.eventStore().createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    /** One rebuild: its processors, progress and outcome. */
    private final class Run {
        final String id;
        final String by;
        final Instant startedAt;
        final long started = System.nanoTime();
        final Map<String, PooledStreamingEventProcessor> processors = new LinkedHashMap<>();
        final List<ScheduledExecutorService> executors = new ArrayList<>();
        final AtomicLong setAsideSkipped = new AtomicLong();
        final AtomicLong rollbacks = new AtomicLong();
        /** Savepoints per event: from the first failure on. */
        volatile boolean careful;

        volatile State state = State.REPLAYING;
        volatile long events;
        volatile long total;
        volatile long parked;
        volatile long millis;
        volatile Instant finishedAt;
        volatile String error;

        Run(String id, String by, Instant startedAt) {
            this.id = id;
            this.by = by;
            this.startedAt = startedAt;
        }

        boolean finished() {
            return state == State.DONE || state == State.FAILED;
        }

        /** As the rebuild's thread last measured it (a request never waits for the event store). */
        Status status() {
            return new Status(
                    id,
                    state,
                    events,
                    total,
                    parked,
                    setAsideSkipped.get(),
                    finished() ? millis : (System.nanoTime() - started) / 1_000_000,
                    startedAt,
                    finishedAt,
                    by,
                    error);
        }

        void progress() {
            try {
                total = head();
            } catch (RuntimeException e) {
                // the event store does not answer just now: keep the last figure
            }
            long position = Long.MAX_VALUE;
            for (PooledStreamingEventProcessor processor : processors.values()) {
                position = Math.min(position, position(processor));
            }
            if (position != Long.MAX_VALUE) {
                events = Math.max(events, Math.min(position, total));
            }
        }

        void execute() {
            List<StreamingEventProcessor> live = liveStreaming();
            boolean liveStopped = false;
            State outcome = State.FAILED;
            try {
                clearLeftovers();
                tables.create();
                Map<String, Set<String>> skipped = setAside.eventsByGroup();
                for (String group : Projections.REBUILT) {
                    PooledStreamingEventProcessor processor = processor(group, skipped.getOrDefault(group, Set.of()));
                    processors.put(group, processor);
                    processor.start();
                }
                log.info("Rebuild {}: replaying {} events into fresh tables", id, head());
                awaitCaughtUp();
                long caughtUp = System.nanoTime();
                tables.complete();
                tables.analyze();
                log.info(
                        "Rebuild {}: caught up at {} events in {} ms; fresh tables logged, indexed and analyzed in {} ms",
                        id,
                        events,
                        (caughtUp - started) / 1_000_000,
                        (System.nanoTime() - caughtUp) / 1_000_000);
                awaitCaughtUp(); // what came meanwhile (the processors waited for the tables)
                state = State.SWITCHING;
                for (StreamingEventProcessor processor : live) {
                    processor.shutDown();
                }
                liveStopped = !live.isEmpty();
                switchOver(!live.isEmpty());
                outcome = State.DONE;
                log.info(
                        "Rebuild {}: switched in after {} events, {} letters parked, {} set-aside events skipped",
                        id,
                        events,
                        parked,
                        setAsideSkipped.get());
                audit.record(
                        by,
                        AdminAudit.REBUILD,
                        "все представления",
                        "перестроение " + id + " завершено: событий: "
                                + events + ", отложено: " + parked + ", пропущено исключённых: " + setAsideSkipped.get()
                                + ", "
                                + (System.nanoTime() - started) / 1_000_000 + " мс");
            } catch (RuntimeException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.error("Rebuild {} failed; the read models are as they were", id, e);
                error = "Перестроение представлений не выполнено (" + AdminAudit.oneLine(String.valueOf(e.getMessage()))
                        + "); представления остались прежними, повторите позже";
                audit.record(
                        by,
                        AdminAudit.REBUILD,
                        "все представления",
                        "перестроение " + id + " не выполнено: " + AdminAudit.oneLine(String.valueOf(e.getMessage())));
            } finally {
                stopProcessors();
                if (outcome == State.FAILED) {
                    try {
                        clearLeftovers();
                    } catch (RuntimeException e) {
                        log.warn("Rebuild {}: could not drop its tables: {}", id, e.toString());
                    }
                }
                if (liveStopped || outcome == State.FAILED) {
                    live.stream().filter(p -> !p.isRunning()).forEach(StreamingEventProcessor::start);
                }
                millis = (System.nanoTime() - started) / 1_000_000;
                finishedAt = clock.instant();
                state = outcome; // last: a rebuild asked for after this finds nothing of this one still at work
            }
        }

        /** What an interrupted or failed rebuild left: its tables, tokens and letters. */
        private void clearLeftovers() {
            tables.drop();
            for (String group : Projections.REBUILT) {
                jdbc.sql("delete from token_entry where processor_name = ?")
                        .param(PREFIX + group)
                        .update();
                jdbc.sql("delete from dead_letter_entry where processing_group = ?")
                        .param(PREFIX + group)
                        .update();
            }
        }

        private PooledStreamingEventProcessor processor(String group, Set<String> skipped) {
            List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
            for (Object bean :
                    context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
                Class<?> type = AopUtils.getTargetClass(bean);
                ProcessingGroup annotation = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
                if (annotation != null && annotation.value().equals(group)) {
                    handlers.add(new AnnotationEventHandlerAdapter(
                            bean, axon.parameterResolverFactory(), axon.handlerDefinition(type)));
                }
            }
            EventSavepoints savepoints = new EventSavepoints(dataSource, () -> careful);
            EnqueuePolicy<EventMessage<?>> park = DeadLetterConfiguration.parkAfterUndoing(savepoints);
            EnqueuePolicy<EventMessage<?>> parkCarefully = (letter, cause) -> {
                if (!careful) {
                    careful = true;
                    throw new IllegalStateException(
                            "Rebuild " + id + ": event " + letter.message().getIdentifier()
                                    + " failed; its batch is replayed with a savepoint per event",
                            cause);
                }
                return park.decide(letter, cause);
            };
            DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
                    .eventHandlers(handlers)
                    .queue(DeadLetterConfiguration.queue(
                            PREFIX + group,
                            deadLetterSchema,
                            connections,
                            axonTransactions,
                            axon.eventSerializer(),
                            axon.serializer()))
                    .enqueuePolicy(parkCarefully)
                    .transactionManager(axonTransactions)
                    .sequencingPolicy(processing.sequencingPolicy(group))
                    .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                    .enableSequenceIdentifierCache()
                    .build();
            ScheduledExecutorService coordinator =
                    Executors.newSingleThreadScheduledExecutor(daemon(PREFIX + group + "-coordinator"));
            ScheduledExecutorService worker =
                    Executors.newSingleThreadScheduledExecutor(daemon(PREFIX + group + "-worker"));
            executors.add(coordinator);
            executors.add(worker);
            @SuppressWarnings("unchecked")
            StreamableMessageSource<TrackedEventMessage<?>> events =
                    (StreamableMessageSource<TrackedEventMessage<?>>) (StreamableMessageSource<?>) axon.eventStore();
            PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                    .name(PREFIX + group)
                    .eventHandlerInvoker(invoker)
                    .messageSource(events)
                    .tokenStore(tokenStore)
                    .transactionManager(inFreshTables())
                    .coordinatorExecutor(coordinator)
                    .workerExecutor(worker)
                    .initialSegmentCount(1)
                    .batchSize(batchSize)
                    // how long the coordinator waits when the stream says it has nothing now (the JDBC store's stream
                    // says so at a gap in the global index): 5 s by default, which stalls a replay at every such gap
                    .tokenClaimInterval(100)
                    .initialToken(StreamableMessageSource::createTailToken)
                    .build();
            MessageHandlerInterceptor<EventMessage<?>> skipSetAside = (unitOfWork, chain) -> {
                if (skipped.contains(unitOfWork.getMessage().getIdentifier())) {
                    setAsideSkipped.incrementAndGet();
                    return null;
                }
                return chain.proceed();
            };
            processor.registerHandlerInterceptor(skipSetAside);
            processor.registerHandlerInterceptor(savepoints);
            return processor;
        }

        /**
         * The rebuild's transactions: the handlers' unqualified tables are the fresh ones, and (until an event fails)
         * their writes go in JDBC batches, sent before each read and before the commit ({@link ReadModelJdbc}).
         */
        private TransactionManager inFreshTables() {
            return () -> {
                Transaction transaction = axonTransactions.startTransaction();
                // its batches commit without waiting for the disk: a crash loses the fresh tables anyway (they are
                // unlogged until the switch, and the next rebuild drops them); the switch itself commits durably
                jdbc.sql("select set_config('search_path', ?, true), set_config('synchronous_commit', 'off', true)")
                        .param(RebuildTables.SEARCH_PATH)
                        .query((rs, i) -> 1)
                        .list();
                boolean batched = !careful;
                if (batched) {
                    readModels.deferWrites();
                }
                return new Transaction() {
                    private boolean over;

                    @Override
                    public void commit() {
                        try {
                            if (batched) {
                                readModels.sendDeferred();
                            }
                        } catch (RuntimeException e) {
                            careful = true; // which event failed is known only when each is written at once
                            readModels.stopDeferring();
                            rollback();
                            throw e;
                        } finally {
                            readModels.stopDeferring();
                        }
                        over = true;
                        transaction.commit();
                    }

                    @Override
                    public void rollback() {
                        readModels.stopDeferring();
                        if (!over) {
                            over = true;
                            rollbacks.incrementAndGet();
                            transaction.rollback();
                        }
                    }
                };
            };
        }

        private void awaitCaughtUp() throws InterruptedException {
            long errorSince = 0;
            long lastEvents = -1;
            long movedAt = System.nanoTime();
            long kickedAt = movedAt;
            while (true) {
                Thread.sleep(200);
                progress();
                if (events != lastEvents) {
                    lastEvents = events;
                    movedAt = System.nanoTime();
                    kickedAt = movedAt;
                } else if (System.nanoTime() - kickedAt > 10_000_000_000L && events < total) {
                    // Seen under steady load on the JDBC store: the processors' stream stops delivering although
                    // events lie ahead (the embedded store's consumer moving from its own stream to the shared one).
                    // Opening the stream again from the tokens gets it going.
                    log.warn(
                            "Rebuild {}: no event replayed for 10 s at {} of {}; reopening the event stream",
                            id,
                            events,
                            total);
                    kickedAt = System.nanoTime();
                    for (PooledStreamingEventProcessor processor : processors.values()) {
                        processor.shutDown();
                        processor.start();
                    }
                }
                if (System.nanoTime() - movedAt > 120_000_000_000L) {
                    throw new IllegalStateException(
                            "no event replayed for two minutes (is the event store reachable?)");
                }
                boolean caughtUp = true;
                for (PooledStreamingEventProcessor processor : processors.values()) {
                    Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                    for (EventTrackerStatus segment : status.values()) {
                        if (segment.isErrorState()) {
                            errorSince = errorSince == 0 ? System.nanoTime() : errorSince;
                            if (System.nanoTime() - errorSince > 15_000_000_000L || rollbacks.get() > 3) {
                                Throwable cause = segment.getError();
                                throw new IllegalStateException(
                                        cause == null ? "replay failed" : cause.getMessage(), cause);
                            }
                        } else {
                            errorSince = 0;
                        }
                    }
                    // near the head is enough: under steady load Axon's "caught up" flag may never come on (there is
                    // always a next event when the coordinator looks), and the switch finishes the last events anyway
                    caughtUp &= !status.isEmpty() && head() - position(processor) <= 100;
                }
                if (caughtUp) {
                    return;
                }
            }
        }

        /**
         * The switch, in one transaction (tried again while a lock is not to be had within {@value #LOCK_TIMEOUT}):
         * no new event meanwhile (standalone: the event table locked; scale-out: the live processors are stopped),
         * the rebuild finishes the events before, and its tables, letters and position become the live ones.
         */
        private void switchOver(boolean streamingLive) throws InterruptedException {
            for (int attempt = 1; ; attempt++) {
                try {
                    transactions.executeWithoutResult(tx -> switchInTransaction(streamingLive));
                    return;
                } catch (DataAccessException e) {
                    if (!lockNotHad(e) || attempt >= 40) {
                        throw e;
                    }
                    log.info(
                            "Rebuild {}: switch attempt {} found a lock taken ({}); trying again",
                            id,
                            attempt,
                            AdminAudit.oneLine(String.valueOf(e.getMessage())));
                    for (PooledStreamingEventProcessor processor : processors.values()) {
                        if (!processor.isRunning()) {
                            processor.start();
                        }
                    }
                    Thread.sleep(100L * Math.min(attempt, 10));
                }
            }
        }

        private void switchInTransaction(boolean streamingLive) {
            jdbc.sql("set local lock_timeout = '" + LOCK_TIMEOUT + "'").update();
            long target = -1;
            if (!streamingLive) {
                // appends wait from here; a command's read-model writes come after its append, so none holds a lock
                // on the live tables that this transaction waits for
                jdbc.sql("lock table domain_event_entry in exclusive mode").update();
                target = jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry")
                        .query(Long.class)
                        .single();
            }
            jdbc.sql("lock table "
                            + String.join(
                                    ", ",
                                    Projections.REBUILT_TABLES.stream()
                                            .map(t -> "public." + t)
                                            .toList())
                            + " in access exclusive mode")
                    .update();
            // commands wait meanwhile: if the last events take longer than a second, let go and try again
            long deadline = System.nanoTime() + 1_000_000_000L;
            for (PooledStreamingEventProcessor processor : processors.values()) {
                while (position(processor) < target) {
                    if (System.nanoTime() > deadline) {
                        throw new CannotAcquireLockException(
                                "the rebuild did not finish the last events within a second");
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }
            }
            progress();
            processors.values().forEach(PooledStreamingEventProcessor::shutDown);
            Map<String, TrackingToken> positions = new HashMap<>();
            if (streamingLive) {
                for (String group : Projections.REBUILT) {
                    positions.put(group, tokenStore.fetchToken(PREFIX + group, 0));
                }
            }
            tables.swap();
            long letters = 0;
            for (String group : Projections.REBUILT) {
                letters += jdbc.sql("select count(*) from dead_letter_entry where processing_group = ?")
                        .param(PREFIX + group)
                        .query(Long.class)
                        .single();
                jdbc.sql("delete from dead_letter_entry where processing_group = ?")
                        .param(group)
                        .update();
                jdbc.sql("update dead_letter_entry set processing_group = ? where processing_group = ?")
                        .params(group, PREFIX + group)
                        .update();
                if (streamingLive) {
                    for (int segment : tokenStore.fetchSegments(group)) {
                        tokenStore.storeToken(positions.get(group), group, segment);
                        tokenStore.releaseClaim(group, segment);
                    }
                }
                jdbc.sql("delete from token_entry where processor_name = ?")
                        .param(PREFIX + group)
                        .update();
            }
            context.publishEvent(new org.touchpoints.register.query.deadletter.DeadLettersReplaced());
            parked = letters;
        }

        private void stopProcessors() {
            for (PooledStreamingEventProcessor processor : processors.values()) {
                try {
                    processor.shutDown();
                } catch (RuntimeException e) {
                    log.warn(
                            "Rebuild {}: processor {} did not shut down cleanly: {}",
                            id,
                            processor.getName(),
                            e.toString());
                }
            }
            executors.forEach(ScheduledExecutorService::shutdownNow);
        }
    }

    /** A lock not had within the lock timeout, or a deadlock this transaction lost: worth another try. */
    private static boolean lockNotHad(DataAccessException e) {
        if (e instanceof PessimisticLockingFailureException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static long position(StreamingEventProcessor processor) {
        long position = Long.MAX_VALUE;
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        for (EventTrackerStatus segment : status.values()) {
            position = Math.min(position, segment.getCurrentPosition().orElse(0));
        }
        return status.isEmpty() ? 0 : position;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

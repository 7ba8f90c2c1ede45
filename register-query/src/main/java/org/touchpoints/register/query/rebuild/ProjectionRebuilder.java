package org.touchpoints.register.query.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.touchpoints.register.query.config.Projections;

/**
 * Rebuilds every read model of the rebuilt groups ({@link Projections#REBUILT}) from the event store: resets them (their
 * {@code @ResetHandler}s) and replays all events through the same handlers, in one transaction that holds
 * new events back meanwhile (an exclusive lock on the event table: reads go on, commands wait), so the rebuilt
 * read models are exactly those of the events, with nothing missed or applied twice. Standalone mode (the JDBC
 * event store); with Axon Server, {@link ProjectionReset} replays through the streaming processor instead.
 */
@Service
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class ProjectionRebuilder {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

    public record Result(long events, long millis) {
    }

    private final ApplicationContext context;
    private final EventStorageEngine storage;
    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;

    public ProjectionRebuilder(ApplicationContext context, EventStorageEngine storage, JdbcClient jdbc,
                               EventProcessingConfiguration processing) {
        this.context = context;
        this.storage = storage;
        this.jdbc = jdbc;
        this.processing = processing;
    }

    @Transactional
    public Result rebuild() {
        long start = System.nanoTime();
        jdbc.sql("lock table domain_event_entry in exclusive mode").update();
        List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            ProcessingGroup group = org.springframework.core.annotation.AnnotationUtils.findAnnotation(
                    org.springframework.aop.support.AopUtils.getTargetClass(bean), ProcessingGroup.class);
            if (group != null && Projections.REBUILT.contains(group.value())) {
                handlers.add(new AnnotationEventHandlerAdapter(bean));
            }
        }
        for (AnnotationEventHandlerAdapter h : handlers) {
            h.prepareReset();
        }
        jdbc.sql("alter sequence q_row_entry_seq restart").update();
        long count = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            var it = events.iterator();
            while (it.hasNext()) {
                EventMessage<?> event = it.next();
                for (AnnotationEventHandlerAdapter h : handlers) {
                    if (h.canHandle(event)) {
                        try {
                            h.handle(event);
                        } catch (Exception e) {
                            throw new IllegalStateException("Replay failed at event " + event.getIdentifier(), e);
                        }
                    }
                }
                count++;
            }
        }
        // the rebuilt read models hold every event: events parked for these groups are applied, not to be retried
        for (String group : Projections.REBUILT) {
            processing.deadLetterQueue(group).ifPresent(queue -> queue.clear());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("Rebuilt read models from {} events in {} ms", count, millis);
        return new Result(count, millis);
    }
}

package org.touchpoints.register.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every event processor's progress, sampled every {@link #SAMPLE}: the gauges of the processors by processor and
 * segment, and which processors of this replica are stalled ({@link ProgressTracker}).
 * <ul>
 *   <li>{@code register_processor_lag_seconds{processor,segment}}: how long the oldest event the segment has not
 *       read has been in the stream, 0 at the head (idle);</li>
 *   <li>{@code register_processor_lag_events{processor,segment}}: events of the stream not read yet;</li>
 *   <li>{@code register_processor_stalled{processor,segment}}: 1 when the segment stayed in error state without
 *       progress for {@link ProgressTracker#STALL}.</li>
 * </ul>
 * A streaming processor has a row per segment this replica has claimed (none when the others have them all); a
 * subscribing processor (standalone mode, the command side's change lookup) handles every event in the
 * transaction of its command, so it has one row, segment 0, lag 0. The scale-out query side's fair share stops
 * the heartbeat of a replica whose processors stall, so that the others take over its segments.
 */
@Component
public class ProcessorProgress {
    static final Duration SAMPLE = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(ProcessorProgress.class);

    private final EventProcessingConfiguration processing;
    private final ObjectProvider<EventStore> eventStore;
    private final ObjectProvider<AxonServerConnectionManager> axonServer;
    private final ProgressTracker tracker = new ProgressTracker();
    private final MultiGauge lagSeconds;
    private final MultiGauge lagEvents;
    private final MultiGauge stalledGauge;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "processor-progress");
        t.setDaemon(true);
        return t;
    });
    private volatile Map<String, List<ProgressTracker.Segment>> segments = Map.of();

    public ProcessorProgress(
            EventProcessingConfiguration processing,
            ObjectProvider<EventStore> eventStore,
            ObjectProvider<AxonServerConnectionManager> axonServer,
            MeterRegistry registry) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.axonServer = axonServer;
        this.lagSeconds = MultiGauge.builder("register.processor.lag.seconds")
                .description("Age of the oldest event the segment has not handled yet (0 at the head of the stream)")
                .register(registry);
        this.lagEvents = MultiGauge.builder("register.processor.lag.events")
                .description("Events of the stream the segment has not read yet")
                .register(registry);
        this.stalledGauge = MultiGauge.builder("register.processor.stalled")
                .description("1 when the segment made no progress for 15 s (stuck or in error)")
                .register(registry);
    }

    @PostConstruct
    void start() {
        timer.scheduleWithFixedDelay(this::sampleQuietly, 0, SAMPLE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            log.warn("Sampling the event processors' progress failed", e);
        }
    }

    /** Samples every processor now and updates the gauges. */
    public synchronized void sample() {
        Instant now = Instant.now();
        Map<String, EventProcessor> processors = processing.eventProcessors();
        if (processors.values().stream().anyMatch(StreamingEventProcessor.class::isInstance)) {
            head(now);
        }
        Map<String, List<ProgressTracker.Segment>> sampled = new HashMap<>();
        Set<String> keys = new HashSet<>();
        processors.forEach((name, processor) -> {
            List<ProgressTracker.Segment> rows = new ArrayList<>();
            if (processor instanceof StreamingEventProcessor streaming) {
                for (EventTrackerStatus status : streaming.processingStatus().values()) {
                    int segment = status.getSegment().getSegmentId();
                    long position = status.getCurrentPosition().orElse(-1);
                    rows.add(tracker.observe(name, segment, position, status.isCaughtUp(), status.isErrorState(), now));
                    keys.add(name + "/" + segment);
                }
            } else {
                rows.add(new ProgressTracker.Segment(name, 0, 0, 0, false, false));
            }
            sampled.put(name, List.copyOf(rows));
        });
        tracker.keepOnly(keys);
        segments = Map.copyOf(sampled);
        List<ProgressTracker.Segment> all =
                sampled.values().stream().flatMap(List::stream).toList();
        lagSeconds.register(
                all.stream()
                        .map(s -> MultiGauge.Row.of(tags(s), s.lagSeconds()))
                        .toList(),
                true);
        lagEvents.register(
                all.stream().map(s -> MultiGauge.Row.of(tags(s), s.lagEvents())).toList(), true);
        stalledGauge.register(
                all.stream()
                        .map(s -> MultiGauge.Row.of(tags(s), s.stalled() ? 1 : 0))
                        .toList(),
                true);
    }

    private void head(Instant now) {
        EventStore store = eventStore.getIfAvailable();
        if (store == null) {
            return;
        }
        try {
            TrackingToken head = store.createHeadToken();
            tracker.head(now, head == null ? -1 : head.position().orElse(-1));
        } catch (RuntimeException e) { // Axon Server unreachable: the last head known stands
            log.debug("Head of the event stream unknown", e);
        }
    }

    private static Tags tags(ProgressTracker.Segment s) {
        return Tags.of("processor", s.processor(), "segment", Integer.toString(s.segment()));
    }

    /** Whether this replica is connected to Axon Server now (false in standalone mode, which has none). */
    public boolean connectedToAxonServer() {
        AxonServerConnectionManager connections = axonServer.getIfAvailable();
        try {
            return connections != null && connections.isConnected(connections.getDefaultContext());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The processors with a segment stalled on this replica, at the last sample. */
    public Set<String> stalledProcessors() {
        Set<String> stalled = new HashSet<>();
        segments.forEach((name, rows) -> {
            if (rows.stream().anyMatch(ProgressTracker.Segment::stalled)) {
                stalled.add(name);
            }
        });
        return stalled;
    }

    /** How many segments of the processor this replica processes, at the last sample. */
    public int claimedSegments(String processor) {
        List<ProgressTracker.Segment> rows = segments.get(processor);
        return rows == null ? 0 : rows.size();
    }

    /** The figures of every segment at the last sample, by processor. */
    public Map<String, List<ProgressTracker.Segment>> segments() {
        return segments;
    }
}

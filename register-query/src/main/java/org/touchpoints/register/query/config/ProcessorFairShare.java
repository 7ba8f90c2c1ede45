package org.touchpoints.register.query.config;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.touchpoints.register.platform.axon.ProcessorProgress;
import org.touchpoints.register.platform.axon.ProgressTracker;

/**
 * Scale-out mode: each query replica claims at most its fair share of every pooled processor's segments:
 * with S segments and n live replicas, the first S mod n replicas (in the order of their node ids) take ⌈S/n⌉ and
 * the others ⌊S/n⌋, so the shares add up to S for any replica count (⌈S/n⌉ for everyone left 3 replicas on 4
 * segments at 2/2/0). Axon's pooled streaming processor claims every free segment and releases those
 * above this maximum, so without it the first replica to start would keep the whole stream to itself. Replicas
 * announce themselves with a heartbeat in {@code processor_node} (database time); one that stops announcing is
 * left out after {@link #ALIVE}, and the others then take over its segments once its claims expire. Applied to
 * every pooled processor by {@link PooledProcessors}.
 * <p>
 * The heartbeat speaks for the processors, not only for the JVM: a replica whose processors are <b>stalled</b> —
 * a segment that made no progress for {@link ProgressTracker#STALL} (a stuck handler thread, a segment in error
 * state; {@link ProcessorProgress}), or, while connected to Axon Server, fewer segments than its share while some
 * lie unclaimed for as long (its processor backing off after an outage) — <b>stands down</b> for
 * {@link #STAND_DOWN}: it withdraws its heartbeat and claims nothing, so its segments go to the other replicas
 * (released, or taken over when the claims of a stuck thread expire). It stands down only while another replica is
 * alive, so a fault every replica shares (an event no replica can take) never leaves the stream without a
 * processor; then it comes back and takes its share again.
 */
@Component
@ConditionalOnProperty(name = "register.processors.fair-share", havingValue = "true")
public class ProcessorFairShare implements MaxSegmentProvider {
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration ALIVE = Duration.ofSeconds(15);
    static final Duration STAND_DOWN = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ProcessorFairShare.class);

    private final String node = UUID.randomUUID().toString();
    private final JdbcClient jdbc;
    private final EventProcessorProperties processors;
    private final ObjectProvider<ProcessorProgress> progress;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "processor-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile int liveNodes = 1;
    /** This replica's place among the live ones, ordered by node id (0 = first). */
    private volatile int rank = 0;

    private volatile Map<String, Integer> segments = Map.of();
    /** Until when this replica stands down (claims nothing, no heartbeat); null when it does not. */
    private volatile Instant standingDownUntil;

    private final Map<String, Instant> starvingSince = new HashMap<>();

    public ProcessorFairShare(
            JdbcClient jdbc, EventProcessorProperties processors, ObjectProvider<ProcessorProgress> progress) {
        this.jdbc = jdbc;
        this.processors = processors;
        this.progress = progress;
    }

    @PostConstruct
    void start() {
        beat();
        timer.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        try {
            jdbc.sql("delete from processor_node where node_id = ?").param(node).update();
        } catch (RuntimeException e) {
            log.debug("Could not remove the heartbeat of {}", node, e);
        }
    }

    /**
     * Records this replica's heartbeat (unless its processors are stalled: then it stands down), then counts the live
     * replicas and each processor's segments.
     */
    public synchronized void beat() {
        try {
            Map<String, Integer> counts = new HashMap<>();
            Map<String, Integer> unowned = new HashMap<>();
            jdbc.sql(
                            "select processor_name, count(*), count(*) filter (where owner is null) from token_entry group by processor_name")
                    .query(rs -> {
                        counts.put(rs.getString(1), rs.getInt(2));
                        unowned.put(rs.getString(1), rs.getInt(3));
                    });
            Instant now = Instant.now();
            if (standingDownUntil != null && now.isAfter(standingDownUntil)) {
                standingDownUntil = null;
                starvingSince.clear();
                log.info("Processor heartbeat {} resumes: taking a share of the segments again", node);
            }
            Set<String> stalled = standingDownUntil == null ? stalled(counts, unowned, now) : Set.of();
            if (!stalled.isEmpty() && othersAlive() > 0) {
                jdbc.sql("delete from processor_node where node_id = ?")
                        .param(node)
                        .update();
                if (othersAlive() > 0) { // asked again without this one: two replicas never stand down together
                    standingDownUntil = now.plus(STAND_DOWN);
                    log.warn(
                            "Processors {} of {} stalled: releasing their segments to the other replicas for {} s",
                            stalled,
                            node,
                            STAND_DOWN.toSeconds());
                }
            }
            if (standingDownUntil == null) {
                jdbc.sql("""
                                insert into processor_node(node_id, seen_at) values (?, now())
                                on conflict (node_id) do update set seen_at = now()""").param(node).update();
            } else {
                jdbc.sql("delete from processor_node where node_id = ?")
                        .param(node)
                        .update();
            }
            jdbc.sql("delete from processor_node where seen_at < now() - interval '1 day'")
                    .update();
            Integer live = jdbc.sql(
                            "select count(*) from processor_node where seen_at > now() - make_interval(secs => ?)")
                    .param(ALIVE.toSeconds())
                    .query(Integer.class)
                    .single();
            Integer before = jdbc.sql(
                            "select count(*) from processor_node where seen_at > now() - make_interval(secs => ?) and node_id < ?")
                    .params(ALIVE.toSeconds(), node)
                    .query(Integer.class)
                    .single();
            liveNodes = Math.max(1, live);
            rank = Math.min(before, liveNodes - 1);
            segments = Map.copyOf(counts);
        } catch (RuntimeException e) {
            log.warn("Processor heartbeat failed; keeping the last known share", e);
        }
    }

    /** The processors stalled on this replica: a segment without progress, or a share left unclaimed (connected). */
    private Set<String> stalled(Map<String, Integer> counts, Map<String, Integer> unowned, Instant now) {
        Set<String> stalled = new TreeSet<>();
        ProcessorProgress sampled = progress.getIfAvailable();
        if (sampled == null) {
            return stalled;
        }
        stalled.addAll(sampled.stalledProcessors());
        Set<String> starving = sampled.connectedToAxonServer()
                ? starving(counts, unowned, sampled.segments().keySet(), sampled::claimedSegments, liveNodes, rank)
                : Set.of();
        starvingSince.keySet().retainAll(starving);
        for (String name : starving) {
            if (Duration.between(starvingSince.computeIfAbsent(name, n -> now), now)
                            .compareTo(ProgressTracker.STALL)
                    > 0) {
                stalled.add(name);
            }
        }
        return stalled;
    }

    /**
     * The processors of this replica ({@code ours}) that starve now, from the token store's segments and unclaimed
     * segments per name; other names there (the store's own {@code __config} row) are no processor of ours.
     */
    static Set<String> starving(
            Map<String, Integer> segments,
            Map<String, Integer> unowned,
            Set<String> ours,
            java.util.function.ToIntFunction<String> claimed,
            int live,
            int rank) {
        Set<String> starving = new TreeSet<>();
        segments.forEach((name, count) -> {
            if (ours.contains(name)
                    && starving(claimed.applyAsInt(name), share(count, live, rank), unowned.getOrDefault(name, 0))) {
                starving.add(name);
            }
        });
        return starving;
    }

    /** A replica starves when it has fewer segments than its share while some lie unclaimed. */
    static boolean starving(int claimed, int share, int unowned) {
        return claimed < share && unowned > 0;
    }

    private int othersAlive() {
        return jdbc.sql(
                        "select count(*) from processor_node where seen_at > now() - make_interval(secs => ?) and node_id <> ?")
                .params(ALIVE.toSeconds(), node)
                .query(Integer.class)
                .single();
    }

    /** Stands down now for {@link #STAND_DOWN} (as a stall would make it), whatever the processors say. */
    public synchronized void standDown() {
        standingDownUntil = Instant.now().plus(STAND_DOWN);
        jdbc.sql("delete from processor_node where node_id = ?").param(node).update();
    }

    /** Ends a stand-down at the next heartbeat. */
    public synchronized void resume() {
        if (standingDownUntil != null) {
            standingDownUntil = Instant.now().minusMillis(1);
        }
    }

    /** Whether this replica stands down now (claims no segment, sends no heartbeat). */
    public boolean standingDown() {
        return standingDownUntil != null;
    }

    @Override
    public int getMaxSegments(String processor) {
        if (standingDownUntil != null) {
            return 0;
        }
        Integer count = segments.get(processor);
        if (count == null) {
            EventProcessorProperties.ProcessorSettings settings =
                    processors.getProcessors().get(processor);
            count = settings == null ? null : settings.getInitialSegmentCount();
        }
        if (count == null || count <= 0) {
            return Short.MAX_VALUE;
        }
        return share(count, liveNodes, rank);
    }

    /** The segments the replica of the given rank (0-based) may claim, of {@code segments}, among {@code live} replicas. */
    static int share(int segments, int live, int rank) {
        return segments / live + (rank < segments % live ? 1 : 0);
    }

    /** How many query replicas this one currently counts as alive, itself included. */
    public int liveNodes() {
        return liveNodes;
    }
}

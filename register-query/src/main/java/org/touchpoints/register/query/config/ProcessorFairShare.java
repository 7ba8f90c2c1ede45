package org.touchpoints.register.query.config;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scale-out mode: each query replica claims at most its fair share of every pooled processor's segments:
 * with S segments and n live replicas, the first S mod n replicas (in the order of their node ids) take ⌈S/n⌉ and
 * the others ⌊S/n⌋, so the shares add up to S for any replica count (⌈S/n⌉ for everyone left 3 replicas on 4
 * segments at 2/2/0). Axon's pooled streaming processor claims every free segment and releases those
 * above this maximum, so without it the first replica to start would keep the whole stream to itself. Replicas
 * announce themselves with a heartbeat in {@code processor_node} (database time); one that stops announcing is
 * left out after {@link #ALIVE}, and the others then take over its segments once its claims expire. Applied to
 * every pooled processor by {@link PooledProcessors}.
 */
@Component
@ConditionalOnProperty(name = "register.processors.fair-share", havingValue = "true")
public class ProcessorFairShare implements MaxSegmentProvider {
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration ALIVE = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(ProcessorFairShare.class);

    private final String node = UUID.randomUUID().toString();
    private final JdbcClient jdbc;
    private final EventProcessorProperties processors;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "processor-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile int liveNodes = 1;
    /** This replica's place among the live ones, ordered by node id (0 = first). */
    private volatile int rank = 0;
    private volatile Map<String, Integer> segments = Map.of();

    public ProcessorFairShare(JdbcClient jdbc, EventProcessorProperties processors) {
        this.jdbc = jdbc;
        this.processors = processors;
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

    /** Records this replica's heartbeat, then counts the live replicas and each processor's segments. */
    public void beat() {
        try {
            jdbc.sql("""
                            insert into processor_node(node_id, seen_at) values (?, now())
                            on conflict (node_id) do update set seen_at = now()""")
                    .param(node).update();
            jdbc.sql("delete from processor_node where seen_at < now() - interval '1 day'").update();
            Integer live = jdbc.sql("select count(*) from processor_node where seen_at > now() - make_interval(secs => ?)")
                    .param(ALIVE.toSeconds()).query(Integer.class).single();
            Integer before = jdbc.sql("select count(*) from processor_node where seen_at > now() - make_interval(secs => ?) and node_id < ?")
                    .params(ALIVE.toSeconds(), node).query(Integer.class).single();
            Map<String, Integer> counts = new HashMap<>();
            jdbc.sql("select processor_name, count(*) from token_entry group by processor_name")
                    .query(rs -> {
                        counts.put(rs.getString(1), rs.getInt(2));
                    });
            liveNodes = Math.max(1, live);
            rank = Math.min(before, liveNodes - 1);
            segments = Map.copyOf(counts);
        } catch (RuntimeException e) {
            log.warn("Processor heartbeat failed; keeping the last known share", e);
        }
    }

    @Override
    public int getMaxSegments(String processor) {
        Integer count = segments.get(processor);
        if (count == null) {
            EventProcessorProperties.ProcessorSettings settings = processors.getProcessors().get(processor);
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

package org.touchpoints.register.platform.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the samples of {@link ProcessorProgress} say about each segment a replica processes, by plain arithmetic on
 * stream positions (no Axon, no Spring, so the rules are tested on their own):
 * <ul>
 *   <li><b>lag in events</b>: how many events of the stream the segment has not read yet (head − position); 0 at
 *       the head, so an idle processor reports 0, not the latency of the last busy minute;</li>
 *   <li><b>lag in seconds</b>: how long the oldest unread event has been in the stream, to the precision of the
 *       sampling: the time since the head first passed the segment's position (0 at the head);</li>
 *   <li><b>stalled</b>: for longer than {@link #STALL} the segment stayed in error state without moving forward
 *       (retrying an event, or its connection, forever). A segment that does not move without an error is not
 *       counted: Axon's pooled processor moves a position only when it handles an event, so standing still behind
 *       the head cannot be told from having nothing to handle (found on a real Axon Server: the metrics processor).</li>
 * </ul>
 */
public final class ProgressTracker {
    /** A segment that made no progress for this long is stalled (the liveness window of the processor heartbeat). */
    public static final Duration STALL = Duration.ofSeconds(15);

    static final Duration HISTORY = Duration.ofMinutes(10);

    private record Head(Instant at, long position) {}

    private record Seen(long position, Instant progressAt) {}

    /** One segment's figures after a sample. */
    public record Segment(
            String processor, int segment, long lagEvents, double lagSeconds, boolean error, boolean stalled) {}

    private final Deque<Head> heads = new ArrayDeque<>();
    private final Map<String, Seen> seen = new HashMap<>();

    /** The position of the last event in the stream at {@code at} (−1 for an empty stream). */
    public synchronized void head(Instant at, long position) {
        Head last = heads.peekLast();
        if (last == null || position > last.position()) {
            heads.addLast(new Head(at, position));
        }
        while (heads.size() > 1
                && heads.peekFirst().at().isBefore(at.minus(HISTORY))
                && heads.stream().skip(1).findFirst().orElseThrow().at().isBefore(at.minus(HISTORY))) {
            heads.removeFirst();
        }
    }

    /** The last head position known, −1 before any. */
    public synchronized long head() {
        Head last = heads.peekLast();
        return last == null ? -1 : last.position();
    }

    /**
     * One segment seen at {@code now} at stream {@code position} (the last event it read; −1 for none), in error
     * state or not.
     */
    public synchronized Segment observe(String processor, int segment, long position, boolean error, Instant now) {
        return observe(processor, segment, position, false, error, now);
    }

    /**
     * As {@link #observe(String, int, long, boolean, Instant)}, for a segment that has {@code caughtUp} with the
     * stream once: Axon's pooled processor moves a segment's position only when it handles an event, so a processor
     * that has no handler for most events (metrics) stands still behind the head while it has nothing to do. A
     * caught-up segment whose position did not move since the last sample is therefore idle: lag 0.
     */
    public synchronized Segment observe(
            String processor, int segment, long position, boolean caughtUp, boolean error, Instant now) {
        String key = processor + "/" + segment;
        Seen before = seen.get(key);
        boolean idle = caughtUp && !error && before != null && position == before.position();
        long lagEvents = idle ? 0 : Math.max(0, head() - position);
        boolean progress = before == null || position > before.position() || !error;
        Instant progressAt = progress ? now : before.progressAt();
        seen.put(key, new Seen(position, progressAt));
        boolean stalled = Duration.between(progressAt, now).compareTo(STALL) > 0;
        return new Segment(processor, segment, lagEvents, idle ? 0 : lagSeconds(position, now), error, stalled);
    }

    /** Forgets the segments not in {@code current} ("processor/segment"): released, or claimed elsewhere. */
    public synchronized void keepOnly(Set<String> current) {
        seen.keySet().retainAll(current);
    }

    private double lagSeconds(long position, Instant now) {
        if (position >= head()) {
            return 0;
        }
        for (Head h : heads) { // oldest first: the first sample whose head is past the position
            if (h.position() > position) {
                return Math.max(0, Duration.between(h.at(), now).toMillis() / 1000.0);
            }
        }
        return 0;
    }
}

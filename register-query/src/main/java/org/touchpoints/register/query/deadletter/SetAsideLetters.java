package org.touchpoints.register.query.deadletter;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.touchpoints.register.platform.web.ApiException;

/**
 * The dead letters an administrator set aside ({@code dead_letter_set_aside}): kept with who, when and why, and
 * skipped by their processing group from then on, live and in every rebuild. The events themselves stay in the
 * event store, as every event does; only the read models of that group go without them.
 */
@Repository
public class SetAsideLetters {
    /** How long a replica trusts its copy of the set-aside events before reading them again (another may add one). */
    private static final Duration FRESH = Duration.ofSeconds(30);

    /** One letter set aside, as parked, with the administrator's decision. */
    public record SetAside(
            String id,
            String processingGroup,
            String sequence,
            String eventId,
            String payloadType,
            String aggregateId,
            Long eventSequenceNumber,
            Instant eventTime,
            String causeType,
            String causeMessage,
            Instant enqueuedAt,
            String reason,
            String by,
            Instant at) {}

    private final JdbcClient jdbc;
    private volatile Map<String, Set<String>> cached;
    private volatile long cachedAtNanos;

    public SetAsideLetters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the letter; a letter (or its event, in its group) set aside already is refused with 409. */
    void addOnce(SetAside letter) {
        try {
            add(letter);
        } catch (DuplicateKeyException e) {
            throw new ApiException(HttpStatus.CONFLICT, "Событие уже исключено из обработки");
        }
    }

    private void add(SetAside letter) {
        jdbc.sql("""
                        insert into dead_letter_set_aside(dead_letter_id, processing_group, sequence_identifier,
                            event_identifier, payload_type, aggregate_identifier, sequence_number, event_time, cause_type,
                            cause_message, enqueued_at, reason, set_aside_by, set_aside_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        letter.id(),
                        letter.processingGroup(),
                        letter.sequence(),
                        letter.eventId(),
                        letter.payloadType(),
                        letter.aggregateId(),
                        letter.eventSequenceNumber(),
                        ts(letter.eventTime()),
                        letter.causeType(),
                        letter.causeMessage(),
                        ts(letter.enqueuedAt()),
                        letter.reason(),
                        letter.by(),
                        ts(letter.at()))
                .update();
        cached = null;
    }

    /** Every letter set aside, by group, register and event order; {@code null} filters select everything. */
    public List<SetAside> list(String processingGroup, String sequence) {
        return jdbc.sql("""
                        select dead_letter_id, processing_group, sequence_identifier, event_identifier, payload_type,
                               aggregate_identifier, sequence_number, event_time, cause_type, cause_message, enqueued_at,
                               reason, set_aside_by, set_aside_at
                        from dead_letter_set_aside
                        where (cast(? as varchar) is null or processing_group = ?)
                          and (cast(? as varchar) is null or sequence_identifier = ?)
                        order by processing_group, sequence_identifier, sequence_number, set_aside_at""")
                .params(processingGroup, processingGroup, sequence, sequence)
                .query((rs, i) -> new SetAside(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        (Long) rs.getObject(7),
                        instant(rs.getTimestamp(8)),
                        rs.getString(9),
                        rs.getString(10),
                        instant(rs.getTimestamp(11)),
                        rs.getString(12),
                        rs.getString(13),
                        instant(rs.getTimestamp(14))))
                .list();
    }

    boolean contains(String deadLetterId) {
        return jdbc.sql("select count(*) from dead_letter_set_aside where dead_letter_id = ?")
                        .param(deadLetterId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The identifiers of the events set aside for each processing group, read now (for a rebuild). */
    public Map<String, Set<String>> eventsByGroup() {
        Map<String, Set<String>> byGroup = new HashMap<>();
        jdbc.sql("select processing_group, event_identifier from dead_letter_set_aside")
                .query(rs -> {
                    byGroup.computeIfAbsent(rs.getString(1), g -> new HashSet<>())
                            .add(rs.getString(2));
                });
        return byGroup;
    }

    /** Whether {@code group} skips the event: from a copy at most {@link #FRESH} old (checked for every live event). */
    boolean isSetAside(String group, String eventId) {
        Map<String, Set<String>> events = cached;
        long now = System.nanoTime();
        if (events == null || now - cachedAtNanos > FRESH.toNanos()) {
            events = eventsByGroup();
            cached = events;
            cachedAtNanos = now;
        }
        Set<String> ids = events.get(group);
        return ids != null && ids.contains(eventId);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}

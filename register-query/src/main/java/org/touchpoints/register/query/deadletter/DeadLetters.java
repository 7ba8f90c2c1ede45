package org.touchpoints.register.query.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The parked events of the query side, and their retry through the same handlers. */
@Service
public class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** One parked event. {@code sequence} is the register whose later events wait behind it. */
    public record Letter(String processingGroup, String sequence, long index, String eventType, String eventId,
                         Long eventSequenceNumber, Instant eventTime, String causeType, String causeMessage,
                         Instant enqueuedAt, Instant lastTouched) {
    }

    /** What a retry did: sequences tried, sequences cleared, and what is still parked. */
    public record RetryResult(int sequencesRetried, int sequencesCleared, List<Letter> remaining) {
    }

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;

    public DeadLetters(JdbcClient jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    /** Every parked event, by group, register and position in the register's queue. */
    public List<Letter> list(String processingGroup, String sequence) {
        StringBuilder sql = new StringBuilder("""
                select processing_group, sequence_identifier, sequence_index, payload_type, event_identifier,
                       sequence_number, time_stamp, cause_type, cause_message, enqueued_at, last_touched
                from dead_letter_entry where 1 = 1""");
        List<Object> params = new ArrayList<>();
        if (processingGroup != null) {
            sql.append(" and processing_group = ?");
            params.add(processingGroup);
        }
        if (sequence != null) {
            sql.append(" and sequence_identifier = ?");
            params.add(sequence);
        }
        sql.append(" order by processing_group, sequence_identifier, sequence_index");
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new Letter(rs.getString(1), rs.getString(2),
                rs.getLong(3), simpleName(rs.getString(4)), rs.getString(5), (Long) rs.getObject(6), instant(rs.getString(7)),
                rs.getString(8), rs.getString(9), instant(rs.getString(10)), instant(rs.getString(11)))).list();
    }

    /**
     * Handles the parked events again, each register's in order, through the same handlers as live events; a
     * sequence whose event fails again stays parked (with the new cause) and the others go on.
     */
    public RetryResult retry(String processingGroup, String sequence) {
        int retried = 0;
        int cleared = 0;
        for (String group : DeadLetterConfiguration.GROUPS) {
            if (processingGroup != null && !processingGroup.equals(group)) {
                continue;
            }
            SequencedDeadLetterProcessor<?> processor = processing.sequencedDeadLetterProcessor(group).orElse(null);
            if (processor == null) {
                continue;
            }
            List<String> sequences = jdbc.sql("""
                            select distinct sequence_identifier from dead_letter_entry where processing_group = ?
                            order by sequence_identifier""")
                    .param(group).query(String.class).list();
            for (String s : sequences) {
                if (sequence != null && !sequence.equals(s)) {
                    continue;
                }
                retried++;
                boolean ok;
                try {
                    ok = processor.process(letter -> letter instanceof JdbcDeadLetter<?> j && s.equals(j.getSequenceIdentifier()));
                } catch (RuntimeException e) {
                    log.warn("Retry of parked events of {} in {} failed", s, group, e);
                    ok = false;
                }
                if (ok) {
                    cleared++;
                }
            }
        }
        return new RetryResult(retried, cleared, list(processingGroup, sequence));
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }

    private static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }
}

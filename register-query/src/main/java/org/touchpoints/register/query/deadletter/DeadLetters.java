package org.touchpoints.register.query.deadletter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.platform.audit.AdminAudit;
import org.touchpoints.register.platform.web.ApiException;

/**
 * The parked events of the query side: listed with their cause, retried through the same handlers, or set aside by
 * an administrator so that the register's later events flow again. Every retry and set-aside is in the admin audit.
 */
@Service
public class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    static final int MAX_REASON_LENGTH = 2_000;

    /** Parked: waiting in Axon's queue. Set aside: left out by an administrator, kept with the reason. */
    public static final String PARKED = "PARKED";

    public static final String SET_ASIDE = "SET_ASIDE";

    /**
     * One parked or set-aside event. {@code sequence} is the register whose later events wait behind a parked one;
     * {@code causeType}/{@code causeMessage} say why the group could not take it (null for an event that only waits
     * behind another); the {@code setAside…} fields say who set it aside, when and why.
     */
    public record Letter(
            String id,
            String status,
            String processingGroup,
            String sequence,
            Long index,
            String eventType,
            String eventId,
            Long eventSequenceNumber,
            Instant eventTime,
            String causeType,
            String causeMessage,
            Instant enqueuedAt,
            Instant lastTouched,
            String setAsideReason,
            String setAsideBy,
            Instant setAsideAt) {}

    /** What a retry did: sequences tried, sequences cleared, and what is still parked. */
    public record RetryResult(int sequencesRetried, int sequencesCleared, List<Letter> remaining) {}

    /** The letter set aside, and the retry of the events that waited behind it. */
    public record SetAsideResult(Letter setAside, RetryResult retry) {}

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final SetAsideLetters setAside;
    private final AdminAudit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public DeadLetters(
            JdbcClient jdbc,
            EventProcessingConfiguration processing,
            SetAsideLetters setAside,
            AdminAudit audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.setAside = setAside;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Every parked event (by group, register and position in the register's queue), then every event set aside;
     * {@code status} ({@link #PARKED}, {@link #SET_ASIDE}) selects one of the two.
     */
    public List<Letter> list(String processingGroup, String sequence, String status) {
        List<Letter> letters = new ArrayList<>();
        if (status == null || PARKED.equals(status)) {
            letters.addAll(parked(processingGroup, sequence, null));
        }
        if (status == null || SET_ASIDE.equals(status)) {
            for (SetAsideLetters.SetAside s : setAside.list(processingGroup, sequence)) {
                letters.add(new Letter(
                        s.id(),
                        SET_ASIDE,
                        s.processingGroup(),
                        s.sequence(),
                        null,
                        simpleName(s.payloadType()),
                        s.eventId(),
                        s.eventSequenceNumber(),
                        s.eventTime(),
                        s.causeType(),
                        s.causeMessage(),
                        s.enqueuedAt(),
                        null,
                        s.reason(),
                        s.by(),
                        s.at()));
            }
        }
        return letters;
    }

    private List<Letter> parked(String processingGroup, String sequence, String id) {
        return jdbc.sql("""
                        select dead_letter_id, processing_group, sequence_identifier, sequence_index, payload_type,
                               event_identifier, sequence_number, time_stamp, cause_type, cause_message, enqueued_at,
                               last_touched
                        from dead_letter_entry
                        where (cast(? as varchar) is null or processing_group = ?)
                          and (cast(? as varchar) is null or sequence_identifier = ?)
                          and (cast(? as varchar) is null or dead_letter_id = ?)
                        order by processing_group, sequence_identifier, sequence_index""")
                .params(processingGroup, processingGroup, sequence, sequence, id, id)
                .query((rs, i) -> new Letter(
                        rs.getString(1),
                        PARKED,
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        simpleName(rs.getString(5)),
                        rs.getString(6),
                        (Long) rs.getObject(7),
                        instant(rs.getString(8)),
                        rs.getString(9),
                        rs.getString(10),
                        instant(rs.getString(11)),
                        instant(rs.getString(12)),
                        null,
                        null,
                        null))
                .list();
    }

    /**
     * Handles the parked events again, each register's in order, through the same handlers as live events; a
     * sequence whose event fails again stays parked (with the new cause) and the others go on. Recorded in the
     * admin audit under {@code actor}.
     */
    public RetryResult retry(String processingGroup, String sequence, String actor) {
        RetryResult result = retry(processingGroup, sequence);
        audit.record(
                actor,
                AdminAudit.DEAD_LETTERS_RETRIED,
                (processingGroup == null ? "все группы" : "группа " + processingGroup)
                        + (sequence == null ? "" : ", перечень " + sequence),
                "повторено очередей: " + result.sequencesRetried() + ", разобрано: " + result.sequencesCleared()
                        + ", осталось событий: " + result.remaining().size());
        return result;
    }

    private RetryResult retry(String processingGroup, String sequence) {
        int retried = 0;
        int cleared = 0;
        for (String group : DeadLetterConfiguration.GROUPS) {
            if (processingGroup != null && !processingGroup.equals(group)) {
                continue;
            }
            SequencedDeadLetterProcessor<?> processor =
                    processing.sequencedDeadLetterProcessor(group).orElse(null);
            if (processor == null) {
                continue;
            }
            List<String> sequences =
                    jdbc.sql("""
                            select distinct sequence_identifier from dead_letter_entry where processing_group = ?
                            order by sequence_identifier""").param(group).query(String.class).list();
            for (String s : sequences) {
                if (sequence != null && !sequence.equals(s)) {
                    continue;
                }
                retried++;
                boolean ok;
                try {
                    ok = processor.process(
                            letter -> letter instanceof JdbcDeadLetter<?> j && s.equals(j.getSequenceIdentifier()));
                } catch (RuntimeException e) {
                    log.warn("Retry of parked events of {} in {} failed", AdminAudit.oneLine(s), group, e);
                    ok = false;
                }
                if (ok) {
                    cleared++;
                }
            }
        }
        return new RetryResult(retried, cleared, parked(processingGroup, sequence, null));
    }

    /**
     * Sets the parked event {@code id} aside: it leaves the queue of its group, is kept (with {@code reason}, the
     * administrator and the time) in {@code dead_letter_set_aside} and the admin audit, and its group skips it from
     * now on, rebuilds included. Then the events that waited behind it are handled, in order, as a retry would; one
     * that fails again stays parked with its own cause. Only the first event of a register's queue — the one that
     * failed — can be set aside: the others only wait, and leaving them out would lose good events.
     */
    public SetAsideResult setAside(String id, String reason, String actor) {
        String why = reason == null ? null : reason.strip();
        if (Text.isBlank(why) || why.length() > MAX_REASON_LENGTH || Text.hasControlCharacters(why)) {
            throw ApiException.badRequest(
                    "reason",
                    "Укажите причину, по которой событие исключается из обработки (до " + MAX_REASON_LENGTH
                            + " символов)");
        }
        Letter letter = transactions.execute(status -> {
            Letter parked = parked(null, null, id).stream().findFirst().orElse(null);
            if (parked == null) {
                if (setAside.contains(id)) {
                    throw new ApiException(HttpStatus.CONFLICT, "Событие уже исключено из обработки");
                }
                throw ApiException.notFound("Отложенного события с идентификатором «" + id + "» нет");
            }
            Long first = jdbc.sql("""
                            select min(sequence_index) from dead_letter_entry
                            where processing_group = ? and sequence_identifier = ?""")
                    .params(parked.processingGroup(), parked.sequence())
                    .query(Long.class)
                    .single();
            if (!parked.index().equals(first)) {
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        "Событие не принято потому, что ждёт в очереди за другим "
                                + "событием того же перечня; исключить можно только первое событие очереди — то, которое "
                                + "представление не смогло принять");
            }
            String payloadType = column("payload_type", id);
            String aggregateId = column("aggregate_identifier", id);
            evict(parked);
            Instant now = clock.instant();
            setAside.addOnce(new SetAsideLetters.SetAside(
                    parked.id(),
                    parked.processingGroup(),
                    parked.sequence(),
                    parked.eventId(),
                    payloadType,
                    aggregateId,
                    parked.eventSequenceNumber(),
                    parked.eventTime(),
                    parked.causeType(),
                    parked.causeMessage(),
                    parked.enqueuedAt(),
                    why,
                    actor,
                    now));
            audit.record(
                    actor,
                    AdminAudit.DEAD_LETTER_SET_ASIDE,
                    "событие " + parked.eventId() + " (" + parked.eventType() + ", перечень " + parked.sequence()
                            + ", группа " + parked.processingGroup() + ")",
                    "причина: " + why
                            + (parked.causeType() == null
                                    ? ""
                                    : "; ошибка: " + parked.causeType() + ": " + parked.causeMessage()));
            log.info(
                    "Dead letter {} (event {}, {}) set aside by {}: {}",
                    parked.id(),
                    parked.eventId(),
                    AdminAudit.oneLine(parked.sequence()),
                    AdminAudit.oneLine(actor),
                    AdminAudit.oneLine(why));
            return list(parked.processingGroup(), parked.sequence(), SET_ASIDE).stream()
                    .filter(l -> l.id().equals(id))
                    .findFirst()
                    .orElseThrow();
        });
        return new SetAsideResult(letter, retry(letter.processingGroup(), letter.sequence()));
    }

    /** Removes the letter from Axon's queue through the queue itself. */
    private void evict(Letter parked) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing
                .deadLetterQueue(parked.processingGroup())
                .orElseThrow(() -> new IllegalStateException("No dead-letter queue for " + parked.processingGroup()));
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(parked.sequence())) {
            if (letter instanceof JdbcDeadLetter<?> j && j.getIdentifier().equals(parked.id())) {
                queue.evict(letter);
                return;
            }
        }
        // another administrator (or a retry) took it meanwhile
        throw new ApiException(
                HttpStatus.CONFLICT, "Событие уже исключено из обработки или обработано; обновите список");
    }

    private String column(String column, String id) {
        return jdbc.sql("select " + column + " from dead_letter_entry where dead_letter_id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }

    private static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }
}

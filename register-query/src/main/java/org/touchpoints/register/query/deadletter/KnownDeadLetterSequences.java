package org.touchpoints.register.query.deadletter;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@link KnownSequencesQueue}s of this JVM (standalone mode: one per dead-lettered group), and what makes them read
 * the table again when the rebuild's switch replaced the groups' letters ({@link DeadLettersReplaced}).
 */
public class KnownDeadLetterSequences {
    private final JdbcClient jdbc;
    private final List<KnownSequencesQueue> queues = new CopyOnWriteArrayList<>();

    public KnownDeadLetterSequences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The group's queue, answering for the sequences it cannot hold without asking the database. */
    KnownSequencesQueue decorate(String group, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        KnownSequencesQueue known = new KnownSequencesQueue(group, queue, this::sequencesInTable);
        queues.add(known);
        return known;
    }

    /** In the publisher's transaction, so the letters it moved are known before it commits. */
    @EventListener
    void reload(DeadLettersReplaced replaced) {
        queues.forEach(KnownSequencesQueue::reload);
    }

    private Collection<String> sequencesInTable(String group) {
        return jdbc.sql("select distinct sequence_identifier from dead_letter_entry where processing_group = ?")
                .param(group)
                .query(String.class)
                .list();
    }
}

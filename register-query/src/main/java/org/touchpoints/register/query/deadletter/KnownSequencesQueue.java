package org.touchpoints.register.query.deadletter;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * A processing group's dead-letter queue that knows which sequences (registers) it may hold, so that the question
 * asked for every live event — «is this register parked?» ({@link #enqueueIfPresent}, {@link #contains}) — costs a
 * query only for a register that may be. For standalone mode only, where the group's processor is subscribing and
 * this JVM is the only one that handles the group's events; everything but those two questions goes to the queue.
 *
 * <p>What it knows is a superset of the sequences in the queue: loaded once from {@code dead_letter_entry}
 * (at the first question), added to by every {@link #enqueue} before the enqueuing transaction commits, and read
 * again ({@link #reload}) when another writer moved letters in (the rebuild's switch). An
 * identifier is forgotten only when the queue itself answered that the sequence is gone. A known register costs the
 * query it always cost; an unknown one is answered «not parked» at once. Why that answer is right:
 * <ul>
 *   <li>The sequence of an event is its register (Axon's default, the aggregate), and a register's events come from
 *       commands on that register, which the aggregate's lock serialises: the lock is held from the command's handler
 *       until after its transaction committed, and the subscribing groups handle the events inside that transaction.
 *       So for one register, at most one thread at a time can enqueue a letter or ask about it; a letter it enqueues
 *       is known here before its transaction commits, hence before the next command of that register can ask — and a
 *       later event of the same transaction (an import's rows) sees it at once.</li>
 *   <li>Forgetting cannot lose a letter either: only the thread holding the register's lock asks, and while it does no
 *       other thread can be enqueuing for that register.</li>
 *   <li>Administrators' retries, evictions and set-asides only remove letters (a retried letter that fails again is
 *       requeued in place): the superset stays one.</li>
 *   <li>The one other writer is the rebuild's switch, which moves the letters the rebuild parked into the group
 *       ({@code update dead_letter_entry set processing_group = …}) while it holds the event table locked: no
 *       command is between its append and its commit then. It tells every such queue to read the group's sequences
 *       again in its own transaction ({@link DeadLettersReplaced}), before that transaction commits and before the
 *       first command after it can ask.</li>
 * </ul>
 * Not for scale-out query replicas: their processors stream in segments that move between replicas, and another
 * replica may park a register at any time, so they keep the plain queue. Axon's own sequence-identifier cache is no
 * help here either: it is not thread-safe, and subscribing processors ask from every command thread at once.
 */
public final class KnownSequencesQueue implements SequencedDeadLetterQueue<EventMessage<?>> {
    private final String group;
    private final SequencedDeadLetterQueue<EventMessage<?>> delegate;
    private final Function<String, Collection<String>> sequencesInTable;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;
    /** Moves on whenever sequences are added from the table, so that a forget that raced an add gives way. */
    private long generation;

    /**
     * @param sequencesInTable the sequences {@code dead_letter_entry} holds for a group, read in the caller's
     *                         transaction
     */
    public KnownSequencesQueue(
            String group,
            SequencedDeadLetterQueue<EventMessage<?>> delegate,
            Function<String, Collection<String>> sequencesInTable) {
        this.group = group;
        this.delegate = delegate;
        this.sequencesInTable = sequencesInTable;
    }

    public String group() {
        return group;
    }

    /**
     * Reads the group's sequences from the table again, in the caller's transaction, and adds them to those known:
     * for a writer that put letters into the queue other than through it (the rebuild's switch), before it commits.
     */
    public void reload() {
        Collection<String> sequences = sequencesInTable.apply(group);
        synchronized (this) {
            generation++;
            known.addAll(sequences);
            loaded = true;
        }
    }

    /** Whether the queue may hold the sequence: {@code false} is certain, {@code true} is to be asked. */
    boolean mayHold(Object sequenceIdentifier) {
        if (!loaded) {
            reload(); // once, at the first event (the tables exist by then)
        }
        return known.contains(key(sequenceIdentifier));
    }

    @Override
    public boolean enqueueIfPresent(
            Object sequenceIdentifier, Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder)
            throws DeadLetterQueueOverflowException {
        if (!mayHold(sequenceIdentifier)) {
            return false;
        }
        long seen = generationNow();
        boolean enqueued = delegate.enqueueIfPresent(sequenceIdentifier, letterBuilder);
        if (!enqueued) {
            forget(sequenceIdentifier, seen);
        }
        return enqueued;
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        if (!mayHold(sequenceIdentifier)) {
            return false;
        }
        long seen = generationNow();
        boolean present = delegate.contains(sequenceIdentifier);
        if (!present) {
            forget(sequenceIdentifier, seen);
        }
        return present;
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter)
            throws DeadLetterQueueOverflowException {
        // known before the enqueuing transaction commits (if it rolls back, a known empty sequence costs one query)
        known.add(key(sequenceIdentifier));
        delegate.enqueue(sequenceIdentifier, letter);
    }

    private synchronized long generationNow() {
        return generation;
    }

    private synchronized void forget(Object sequenceIdentifier, long seen) {
        if (generation == seen) {
            known.remove(key(sequenceIdentifier));
        }
    }

    /** The sequence as {@code dead_letter_entry} stores it (Axon's JDBC queue: a string as is, else its hash). */
    static String key(Object sequenceIdentifier) {
        return sequenceIdentifier instanceof String s ? s : Integer.toString(sequenceIdentifier.hashCode());
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        delegate.evict(letter);
    }

    @Override
    public void requeue(
            DeadLetter<? extends EventMessage<?>> letter,
            UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater)
            throws NoSuchDeadLetterException {
        delegate.requeue(letter, letterUpdater);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return delegate.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return delegate.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return delegate.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return delegate.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return delegate.amountOfSequences();
    }

    @Override
    public boolean process(
            Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
            Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return delegate.process(sequenceFilter, processingTask);
    }

    @Override
    public boolean process(
            Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return delegate.process(processingTask);
    }

    @Override
    public void clear() {
        delegate.clear();
    }
}

package org.touchpoints.register.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;

/**
 * Over Axon's in-memory queue (standing for the table): an unknown register is answered «not parked» without asking
 * the queue; a register is known from its enqueue on, and forgotten only when the queue says its letters are gone;
 * letters another writer put in are known after a reload.
 */
class KnownSequencesQueueTest {
    private final AtomicInteger asked = new AtomicInteger();
    private final Counting table = new Counting();
    private final List<String> inTable = new ArrayList<>();
    private final KnownSequencesQueue queue = new KnownSequencesQueue("projections", table, group -> {
        assertThat(group).isEqualTo("projections");
        return List.copyOf(inTable);
    });

    @Test
    void anUnknownRegisterIsAnsweredWithoutAQueryOnceLoaded() {
        inTable.add("r-parked");
        table.enqueue("r-parked", letter("r-parked"));

        assertThat(queue.contains("r-parked"))
                .as("loaded at the first question")
                .isTrue();
        int before = asked.get();
        assertThat(queue.contains("r-other")).isFalse();
        assertThat(queue.enqueueIfPresent("r-other", () -> letter("r-other"))).isFalse();
        assertThat(asked.get()).as("no query for a register that is not parked").isEqualTo(before);
        assertThat(queue.enqueueIfPresent("r-parked", () -> letter("r-parked"))).isTrue();
        assertThat(table.sequenceSize("r-parked")).isEqualTo(2);
    }

    @Test
    void aRegisterIsKnownFromItsEnqueueOn() {
        assertThat(queue.contains("r-1")).isFalse();
        queue.enqueue("r-1", letter("r-1"));
        assertThat(queue.enqueueIfPresent("r-1", () -> letter("r-1")))
                .as("the next event of the same register waits behind it")
                .isTrue();
        assertThat(table.sequenceSize("r-1")).isEqualTo(2);
    }

    @Test
    void aRegisterIsForgottenOnlyWhenTheQueueSaysItsLettersAreGone() {
        queue.enqueue("r-1", letter("r-1"));
        table.clear(); // an administrator's retry cleared it
        assertThat(queue.contains("r-1")).isFalse();
        int before = asked.get();
        assertThat(queue.contains("r-1")).isFalse();
        assertThat(asked.get()).as("forgotten: no query any more").isEqualTo(before);
    }

    @Test
    void lettersAnotherWriterMovedInAreKnownAfterAReload() {
        assertThat(queue.contains("r-rebuilt")).isFalse();
        table.enqueue("r-rebuilt", letter("r-rebuilt")); // the rebuild's switch, not through this queue
        inTable.add("r-rebuilt");
        assertThat(queue.contains("r-rebuilt")).as("not known yet").isFalse();

        queue.reload();

        assertThat(queue.contains("r-rebuilt")).isTrue();
        assertThat(queue.enqueueIfPresent("r-rebuilt", () -> letter("r-rebuilt")))
                .isTrue();
    }

    private static DeadLetter<EventMessage<?>> letter(String register) {
        return new GenericDeadLetter<>(register, GenericEventMessage.asEventMessage("event of " + register));
    }

    /** The table, counting the questions that would be queries. */
    private final class Counting extends InMemorySequencedDeadLetterQueue<EventMessage<?>> {
        Counting() {
            super(InMemorySequencedDeadLetterQueue.builder());
        }

        @Override
        public boolean contains(Object sequenceIdentifier) {
            asked.incrementAndGet();
            return super.contains(sequenceIdentifier);
        }
    }
}

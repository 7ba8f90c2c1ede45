package org.touchpoints.register.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.rule.Refusal;
import org.touchpoints.register.api.rule.RuleViolatedException;

/** A real command bus and gateway: what the service can cure itself is retried, a broken rule never. */
class ConflictRetrySchedulerTest {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final CommandGateway gateway = DefaultCommandGateway.builder()
            .commandBus(bus)
            .retryScheduler(new ConflictRetryScheduler(executor))
            .build();
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aStaleAggregatesConflictIsRetriedAndTheClientSeesTheResult() {
        bus.subscribe(String.class.getName(), command -> {
            if (calls.incrementAndGet() < 3) {
                throw new ConcurrencyException("Invalid sequence number 87 for aggregate r-1, expected 90");
            }
            return "done";
        });
        assertThat((String) gateway.sendAndWait("approve")).isEqualTo("done");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aConflictThatPersistsIsAnsweredAfterABoundedNumberOfRetries() {
        bus.subscribe(String.class.getName(), command -> {
            calls.incrementAndGet();
            throw new ConcurrencyException("always stale");
        });
        assertThatThrownBy(() -> gateway.sendAndWait("approve")).isInstanceOf(ConcurrencyException.class);
        assertThat(calls).hasValue(1 + ConflictRetryScheduler.MAX_RETRIES);
    }

    @Test
    void aBrokenRuleIsAnsweredAtOnce() {
        bus.subscribe(String.class.getName(), command -> {
            calls.incrementAndGet();
            throw new RuleViolatedException(
                    "nobodyApprovesTheirOwnChange", Refusal.FORBIDDEN, "Нельзя согласовать своё изменение");
        });
        assertThatThrownBy(() -> gateway.sendAndWait(GenericCommandMessage.asCommandMessage("approve")))
                .isInstanceOf(RuleViolatedException.class);
        assertThat(calls).hasValue(1);
    }
}

package org.touchpoints.register.api.change;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The initiator withdraws; {@code expectedVersion} (nullable) is the change's version they saw. */
public record WithdrawChangeCommand(
        @TargetAggregateIdentifier String registerId, String changeId, Long expectedVersion, String by, Instant at)
        implements ChangeCommand {}

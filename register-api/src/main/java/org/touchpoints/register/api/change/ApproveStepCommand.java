package org.touchpoints.register.api.change;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Whoever holds the change's pending step approves it; {@code expectedVersion} (nullable) is the version they saw. */
public record ApproveStepCommand(
        @TargetAggregateIdentifier String registerId,
        String changeId,
        String comment,
        Long expectedVersion,
        String by,
        Instant at)
        implements ChangeCommand {}

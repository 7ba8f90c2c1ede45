package org.touchpoints.register.api.change;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The head's approval; {@code expectedVersion} (nullable) is the change's version the approver saw. */
public record ApproveByDivisionCommand(
        @TargetAggregateIdentifier String registerId,
        String changeId,
        String comment,
        Long expectedVersion,
        String by,
        Instant at)
        implements ChangeCommand {}

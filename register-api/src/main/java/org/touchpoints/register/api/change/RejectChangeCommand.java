package org.touchpoints.register.api.change;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A rejection at the approver's step; {@code expectedVersion} (nullable) is the change's version they saw. */
public record RejectChangeCommand(
        @TargetAggregateIdentifier String registerId,
        String changeId,
        String reason,
        Long expectedVersion,
        String by,
        Instant at)
        implements ChangeCommand {}

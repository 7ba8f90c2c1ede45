package org.touchpoints.register.api.change;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The final approval; {@code expectedVersion} (nullable) is the change's version the deputy saw. */
public record ApproveByDeputyCommand(
        @TargetAggregateIdentifier String registerId,
        String changeId,
        String comment,
        String orderNumber,
        LocalDate orderDate,
        Long expectedVersion,
        String by,
        Instant at)
        implements ChangeCommand {}

package org.touchpoints.register.api.delegation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a delegation before its period is over; by its holder, or by an administrator. Repeating it is harmless. */
public record RevokeDelegationCommand(
        @TargetAggregateIdentifier String registerId,
        String delegationId,
        boolean byAdministrator,
        String by,
        Instant at) {}

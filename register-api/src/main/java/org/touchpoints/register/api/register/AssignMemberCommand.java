package org.touchpoints.register.api.register;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives an account a role in the register; division roles name the division. */
public record AssignMemberCommand(
        @TargetAggregateIdentifier String registerId,
        String username,
        MemberRole role,
        String divisionId,
        String by,
        Instant at) {}

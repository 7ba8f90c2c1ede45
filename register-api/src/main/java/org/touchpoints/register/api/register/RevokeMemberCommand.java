package org.touchpoints.register.api.register;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a role in the register away from an account; division roles name the division. */
public record RevokeMemberCommand(
        @TargetAggregateIdentifier String registerId,
        String username,
        MemberRole role,
        String divisionId,
        String by,
        Instant at) {}

package org.touchpoints.register.api.delegation;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.touchpoints.register.api.register.MemberRole;

/**
 * The holder of an approval right (a division head or the deputy) names an acting official (и.о., врио) who
 * exercises it from {@code validFrom} to {@code validTo}, both inclusive, in the register's time zone.
 * {@code role} is HEAD (with {@code divisionId}) or DEPUTY. An administrator may record it for the holder
 * ({@code byAdministrator}). Repeating the same {@code delegationId} with the same content records nothing new.
 */
public record DelegateApprovalRightCommand(
        @TargetAggregateIdentifier String registerId,
        String delegationId,
        String holder,
        String delegate,
        MemberRole role,
        String divisionId,
        LocalDate validFrom,
        LocalDate validTo,
        String comment,
        boolean byAdministrator,
        String by,
        Instant at) {}

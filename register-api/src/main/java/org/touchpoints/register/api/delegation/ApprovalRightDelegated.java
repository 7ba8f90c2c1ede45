package org.touchpoints.register.api.delegation;

import java.time.Instant;
import java.time.LocalDate;
import org.touchpoints.register.api.RegisterEvent;
import org.touchpoints.register.api.register.MemberRole;

/**
 * {@code holder}'s approval right ({@code role} HEAD of {@code divisionId}, or DEPUTY) is exercised by
 * {@code delegate} from {@code validFrom} to {@code validTo} inclusive (dates in the register's time zone), until
 * revoked. {@code by} recorded it: the holder or an administrator.
 */
public record ApprovalRightDelegated(
        String registerId,
        String delegationId,
        String holder,
        String delegate,
        MemberRole role,
        String divisionId,
        LocalDate validFrom,
        LocalDate validTo,
        String comment,
        String by,
        Instant at)
        implements RegisterEvent {}

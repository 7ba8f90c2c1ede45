package org.touchpoints.register.api.register;

import java.time.Instant;
import org.touchpoints.register.api.RegisterEvent;

/** The account no longer holds the role (in the division, for division roles) from {@code at} on. */
public record MemberRevoked(
        String registerId, String username, MemberRole role, String divisionId, String by, Instant at)
        implements RegisterEvent {}

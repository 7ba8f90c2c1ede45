package org.touchpoints.register.api.register;

import java.time.Instant;
import org.touchpoints.register.api.RegisterEvent;

public record MemberAssigned(
        String registerId, String username, MemberRole role, String divisionId, String by, Instant at)
        implements RegisterEvent {}

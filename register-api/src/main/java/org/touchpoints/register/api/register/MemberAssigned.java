package org.touchpoints.register.api.register;

import org.touchpoints.register.api.RegisterEvent;
import java.time.Instant;

public record MemberAssigned(String registerId, String username, MemberRole role, String divisionId,
                             String by, Instant at) implements RegisterEvent {
}

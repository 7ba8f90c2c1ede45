package org.touchpoints.register.api.register;

import org.touchpoints.register.api.RegisterEvent;
import java.time.Instant;

/** The account no longer holds the role (in the division, for division roles) from {@code at} on. */
public record MemberRevoked(String registerId, String username, MemberRole role, String divisionId,
                            String by, Instant at) implements RegisterEvent {
}

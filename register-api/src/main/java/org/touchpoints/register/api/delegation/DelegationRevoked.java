package org.touchpoints.register.api.delegation;

import java.time.Instant;
import org.touchpoints.register.api.RegisterEvent;

/** The delegation no longer gives its delegate the holder's approval right, from {@code at} on. */
public record DelegationRevoked(String registerId, String delegationId, String by, Instant at)
        implements RegisterEvent {}

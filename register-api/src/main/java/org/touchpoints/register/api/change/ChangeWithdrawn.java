package org.touchpoints.register.api.change;

import java.time.Instant;
import org.touchpoints.register.api.RegisterEvent;

/** The initiator took the change back before final approval. */
public record ChangeWithdrawn(String registerId, String changeId, String by, Instant at) implements RegisterEvent {}

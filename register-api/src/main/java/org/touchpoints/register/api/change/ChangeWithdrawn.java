package org.touchpoints.register.api.change;

import org.touchpoints.register.api.RegisterEvent;
import java.time.Instant;

/** The initiator took the change back before final approval. */
public record ChangeWithdrawn(String registerId, String changeId, String by, Instant at) implements RegisterEvent {
}

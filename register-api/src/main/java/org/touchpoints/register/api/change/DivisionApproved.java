package org.touchpoints.register.api.change;

import org.touchpoints.register.api.RegisterEvent;
import java.time.Instant;

/** The head of the initiating division agreed (first approval). */
public record DivisionApproved(String registerId, String changeId, String comment, String by, Instant at) implements RegisterEvent {
}

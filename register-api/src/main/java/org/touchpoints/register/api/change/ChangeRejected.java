package org.touchpoints.register.api.change;

import org.touchpoints.register.api.RegisterEvent;
import java.time.Instant;

/** An approver refused the change at their step. */
public record ChangeRejected(String registerId, String changeId, ApprovalStep step, String reason, String by,
                             Instant at) implements RegisterEvent {
}

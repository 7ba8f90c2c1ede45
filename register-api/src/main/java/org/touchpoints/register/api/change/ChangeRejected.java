package org.touchpoints.register.api.change;

import java.time.Instant;
import org.touchpoints.register.api.RegisterEvent;

/**
 * An approver refused the change at their step. {@code onBehalfOf} names the approver whose right an acting
 * official ({@code by}) exercised; null when the approver acted in person.
 */
public record ChangeRejected(
        String registerId, String changeId, ApprovalStep step, String reason, String onBehalfOf, String by, Instant at)
        implements RegisterEvent {}

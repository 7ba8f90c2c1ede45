package org.touchpoints.register.api.change;

import java.time.Instant;
import org.touchpoints.register.api.RegisterEvent;
import org.touchpoints.register.api.procedure.ProcedureStep;

/**
 * A step of the change's approval chain other than today's two was approved, and the change is not yet in the
 * register: another step follows, or the approving act is awaited. (Today's chain records the head's step as
 * {@link DivisionApproved} and the deputy's final one as {@link DeputyApproved}, as ever.) {@code onBehalfOf} names
 * the holder whose right an acting official ({@code by}) exercised; null when in person.
 */
public record StepApproved(
        String registerId,
        String changeId,
        ProcedureStep step,
        String comment,
        String onBehalfOf,
        String by,
        Instant at)
        implements RegisterEvent {}

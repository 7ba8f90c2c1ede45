package org.touchpoints.register.api.change;

import java.time.Instant;
import java.time.LocalDate;
import org.touchpoints.register.api.RegisterEvent;
import org.touchpoints.register.api.calendar.PublicationDue;
import org.touchpoints.register.api.procedure.ProcedureStep;

/**
 * The change is approved and in the register from this moment (the publication clock runs), other than by the
 * deputy's final approval (which stays {@link DeputyApproved}): by the last step of its chain ({@code step}; an order
 * may be named when the act is optional), or by an approving act ({@code actId}, {@code step} null). {@code due}: the
 * publication deadline the register counted then; null in events recorded before it was counted into the event.
 */
public record ChangeApproved(
        String registerId,
        String changeId,
        ProcedureStep step,
        String comment,
        String actId,
        String actNumber,
        LocalDate actDate,
        String onBehalfOf,
        String by,
        Instant at,
        PublicationDue due)
        implements RegisterEvent {

    /** An approval without its deadline: the shape of the events recorded before the deadline was counted here. */
    public ChangeApproved(
            String registerId,
            String changeId,
            ProcedureStep step,
            String comment,
            String actId,
            String actNumber,
            LocalDate actDate,
            String onBehalfOf,
            String by,
            Instant at) {
        this(registerId, changeId, step, comment, actId, actNumber, actDate, onBehalfOf, by, at, null);
    }
}

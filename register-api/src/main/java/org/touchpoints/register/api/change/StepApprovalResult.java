package org.touchpoints.register.api.change;

import org.touchpoints.register.api.calendar.PublicationDue;
import org.touchpoints.register.api.procedure.ProcedureStep;

/**
 * Where a change stands after an approval: its status and the step awaited next ({@code pendingStep}, or null); once it
 * is in the register, {@code due}: the publication deadline recorded in the approval event (else null).
 */
public record StepApprovalResult(String changeId, ChangeStatus status, String pendingStep, PublicationDue due) {
    public static final String APPROVAL_ACT = "APPROVAL_ACT";

    public StepApprovalResult(String changeId, ChangeStatus status, String pendingStep) {
        this(changeId, status, pendingStep, null);
    }

    public static String pending(ProcedureStep step, boolean awaitingAct) {
        return step != null ? step.name() : awaitingAct ? APPROVAL_ACT : null;
    }
}

package org.touchpoints.register.api.change;

import org.touchpoints.register.api.procedure.ProcedureStep;

/** Where a change stands after an approval: its status and the step awaited next ({@code pendingStep}, or null). */
public record StepApprovalResult(String changeId, ChangeStatus status, String pendingStep) {
    public static final String APPROVAL_ACT = "APPROVAL_ACT";

    public static String pending(ProcedureStep step, boolean awaitingAct) {
        return step != null ? step.name() : awaitingAct ? APPROVAL_ACT : null;
    }
}

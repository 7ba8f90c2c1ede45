package org.touchpoints.register.api.procedure;

import java.util.List;

/**
 * The part of a procedure a change runs under from its initiation to the end, whatever the register's procedure
 * becomes meanwhile: its approval steps, the act, and the publication deadline.
 */
public record ApprovalChain(
        List<ProcedureStep> steps,
        ApprovalActMode approvalAct,
        Integer deadlineWorkingDays,
        DeadlineFrom deadlineFrom) {
    public ApprovalChain {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** Whether the change, having passed every step, awaits an approving act. */
    public boolean actRequired() {
        return approvalAct == ApprovalActMode.REQUIRED;
    }
}

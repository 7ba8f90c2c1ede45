package org.touchpoints.register.api.procedure;

import org.touchpoints.register.api.change.ApprovalStep;
import org.touchpoints.register.api.register.MemberRole;

/** One approval step of an authority's procedure, and the register role that holds it. */
public enum ProcedureStep {
    /** The head of the division that initiated the change (003 §4.3). */
    DIVISION_HEAD(MemberRole.HEAD, ApprovalStep.DIVISION, "руководитель подразделения"),
    /** The register's responsible (authorised) person (002 §3.2, 004 §2.2.2). */
    RESPONSIBLE(MemberRole.RESPONSIBLE, ApprovalStep.RESPONSIBLE, "ответственное (уполномоченное) лицо"),
    /** The deputy head responsible for client-centricity (000 §3.4, 003 §4.3). */
    DEPUTY(MemberRole.DEPUTY, ApprovalStep.DEPUTY, "заместитель руководителя, ответственный за клиентоцентричность"),
    /** The head of the authority: minister, head of the service (001 §5.1, 002 §5.1). */
    HEAD_OF_AUTHORITY(MemberRole.HEAD_OF_AUTHORITY, ApprovalStep.HEAD_OF_AUTHORITY, "руководитель органа власти");

    private final MemberRole role;
    private final ApprovalStep approvalStep;
    private final String title;

    ProcedureStep(MemberRole role, ApprovalStep approvalStep, String title) {
        this.role = role;
        this.approvalStep = approvalStep;
        this.title = title;
    }

    /** The register role whose holder (or acting official) takes this step. */
    public MemberRole role() {
        return role;
    }

    /** The step as a rejection records it ({@code ChangeRejected.step}). */
    public ApprovalStep approvalStep() {
        return approvalStep;
    }

    /** Who takes the step, in Russian. */
    public String title() {
        return title;
    }
}

package org.touchpoints.register.api.procedure;

/** Whether an approving act (приказ, распоряжение: number and date) takes part in the procedure. */
public enum ApprovalActMode {
    /** No act: the last approval step puts the change into the register. */
    NONE,
    /** The last approver may name an order; the change is in the register at their approval. */
    OPTIONAL,
    /** Changes that passed every step await an act; the act puts them into the register (003 §4.4, 004 §5.1). */
    REQUIRED
}

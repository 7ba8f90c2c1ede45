package org.touchpoints.register.api.procedure;

/** What the publication deadline counts from. */
public enum DeadlineFrom {
    /** The day of the last approval step (or an earlier date of the order named at it). */
    FINAL_APPROVAL,
    /** The date of the approving act. */
    APPROVAL_ACT
}

package org.touchpoints.register.api.change;

/** The two approval steps (003 §4.3): the head of the division, then the deputy head. */
public enum ApprovalStep {
    DIVISION, DEPUTY
}

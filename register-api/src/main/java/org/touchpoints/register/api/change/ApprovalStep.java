package org.touchpoints.register.api.change;

/**
 * The step at which a change was rejected: the head of the division, the deputy head (today's two steps, 003 §4.3),
 * the register's responsible person, the head of the authority, or the approving act awaited.
 */
public enum ApprovalStep {
    DIVISION,
    DEPUTY,
    RESPONSIBLE,
    HEAD_OF_AUTHORITY,
    APPROVAL_ACT
}

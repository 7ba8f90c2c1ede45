package org.touchpoints.register.api.change;

/**
 * The publication deadline of a change as the read side knows it: answered with {@link ChangeDeadline}
 * (status and due date; the due date is null while the change is not approved or its register has none).
 */
public record FindDueDateQuery(String changeId) {
}

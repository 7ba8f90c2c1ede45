package org.touchpoints.register.api.change;

/** Where a change stands in the approval chain. */
public enum ChangeStatus {
    INITIATED("На согласовании у руководителя подразделения", false),
    DIVISION_APPROVED("На утверждении у заместителя руководителя", false),
    /** A step of a procedure's own chain was approved and another follows (pendingStep says which). */
    IN_APPROVAL("На согласовании", false),
    /** Every step approved; the procedure requires an approving act, which is awaited (not yet in the register). */
    AWAITING_APPROVAL_ACT("Ожидает утверждения приказом", false),
    APPROVED("Утверждено, ожидает публикации", true),
    PUBLISHED("Опубликовано", true),
    REJECTED("Отклонено", true),
    WITHDRAWN("Отозвано инициатором", true);

    private final String title;
    private final boolean closed;

    ChangeStatus(String title, boolean closed) {
        this.title = title;
        this.closed = closed;
    }

    public String title() {
        return title;
    }

    /** A closed change (approved, published, rejected, withdrawn) accepts no further approval step. */
    public boolean closed() {
        return closed;
    }
}

package org.touchpoints.register.command.register;

import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.row.RowContent;

/** The state of one change inside the register aggregate. */
final class Change {
    final ChangeInitiated initiated;
    private final String proposedTouchpointKey;
    ChangeStatus status = ChangeStatus.INITIATED;
    boolean deadlineMissed;

    Change(ChangeInitiated initiated) {
        this.initiated = initiated;
        this.proposedTouchpointKey = initiated.after() == null ? null : initiated.after().touchpointKey();
    }

    String id() {
        return initiated.changeId();
    }

    ChangeKind kind() {
        return initiated.kind();
    }

    /** The row this change touches: the target of EDIT and REMOVE, the new row of ADD. */
    String rowId() {
        return initiated.rowId();
    }

    RowContent proposed() {
        return initiated.after();
    }

    /** The touchpoint key of the proposed row (null for a removal). */
    String proposedTouchpointKey() {
        return proposedTouchpointKey;
    }

    boolean open() {
        return !status.closed();
    }
}

package org.touchpoints.register.command.register;

import java.util.HashSet;
import java.util.Set;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeRejected;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.ChangeWithdrawn;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DivisionApproved;
import org.touchpoints.register.api.row.RowContent;

/** The state of one change inside the register aggregate. */
final class Change {
    final ChangeInitiated initiated;
    private final String proposedTouchpointKey;
    ChangeStatus status = ChangeStatus.INITIATED;
    boolean deadlineMissed;
    /** The number of events of this change so far: what a client saw is compared with it. */
    long version = 1;
    /** The steps recorded so far, so a repeated request can be answered as the first one was. */
    DivisionApproved divisionApproved;
    DeputyApproved deputyApproved;
    ChangeRejected rejected;
    ChangeWithdrawn withdrawn;
    /** Everyone who gave an approval step, in person, as an acting official or through one (four eyes). */
    final Set<String> approvers = new HashSet<>();

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

    /** An approval step was given by {@code by}, on behalf of {@code onBehalfOf} (null when in person). */
    void approvedBy(String by, String onBehalfOf) {
        approvers.add(by);
        if (onBehalfOf != null) {
            approvers.add(onBehalfOf);
        }
    }

    boolean open() {
        return !status.closed();
    }
}

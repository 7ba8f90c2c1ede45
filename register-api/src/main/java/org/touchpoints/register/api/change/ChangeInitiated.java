package org.touchpoints.register.api.change;

import org.touchpoints.register.api.RegisterEvent;
import java.time.Instant;
import org.touchpoints.register.api.procedure.ApprovalChain;
import org.touchpoints.register.api.row.RowContent;

/**
 * A change entered the approval chain. {@code before} is the target row as it stood (EDIT, REMOVE),
 * {@code after} the proposed row (ADD, EDIT). {@code chain}: the approval chain the change runs under to its end,
 * taken from the register's procedure at initiation; null when that is today's procedure (see below).
 */
public record ChangeInitiated(String registerId, String changeId, ChangeKind kind, String rowId, RowContent before,
                              RowContent after, ChangeReason reason, String comment, String division,
                              String by, Instant at, ApprovalChain chain) implements RegisterEvent {

    /**
     * A change of a register that runs today's procedure: {@code chain} null means the division head, then the deputy,
     * an optional order and the register's own deadline from the deputy's approval (every event recorded before
     * procedures were data reads so).
     */
    public ChangeInitiated(String registerId, String changeId, ChangeKind kind, String rowId, RowContent before,
                           RowContent after, ChangeReason reason, String comment, String division, String by,
                           Instant at) {
        this(registerId, changeId, kind, rowId, before, after, reason, comment, division, by, at, null);
    }
}

package org.touchpoints.register.api.change;

import java.time.Instant;
import java.util.List;
import org.touchpoints.register.api.RegisterEvent;
import org.touchpoints.register.api.procedure.ApprovalChain;
import org.touchpoints.register.api.row.RowContent;

/**
 * A change entered the approval chain. {@code before} is the target row as it stood (EDIT, REMOVE),
 * {@code after} the proposed row (ADD, EDIT). {@code chain}: the approval chain the change runs under to its end,
 * taken from the register's procedure at initiation; null when that is today's procedure (see below).
 * {@code operations}: the rows of a change package ({@code kind} {@link ChangeKind#PACKAGE}, {@code rowId},
 * {@code before} and {@code after} null), in the order they were proposed; null for a single-row change (every event
 * recorded before packages existed reads so). {@link #rowChanges()} gives every change's rows alike.
 */
public record ChangeInitiated(
        String registerId,
        String changeId,
        ChangeKind kind,
        String rowId,
        RowContent before,
        RowContent after,
        ChangeReason reason,
        String comment,
        String division,
        String by,
        Instant at,
        ApprovalChain chain,
        List<RowChange> operations)
        implements RegisterEvent {

    public ChangeInitiated {
        operations = operations == null ? null : List.copyOf(operations);
    }

    /**
     * A change of a register that runs today's procedure: {@code chain} null means the division head, then the deputy,
     * an optional order and the register's own deadline from the deputy's approval (every event recorded before
     * procedures were data reads so).
     */
    public ChangeInitiated(
            String registerId,
            String changeId,
            ChangeKind kind,
            String rowId,
            RowContent before,
            RowContent after,
            ChangeReason reason,
            String comment,
            String division,
            String by,
            Instant at) {
        this(registerId, changeId, kind, rowId, before, after, reason, comment, division, by, at, null, null);
    }

    /** A single-row change under {@code chain}. */
    public ChangeInitiated(
            String registerId,
            String changeId,
            ChangeKind kind,
            String rowId,
            RowContent before,
            RowContent after,
            ChangeReason reason,
            String comment,
            String division,
            String by,
            Instant at,
            ApprovalChain chain) {
        this(registerId, changeId, kind, rowId, before, after, reason, comment, division, by, at, chain, null);
    }

    /** A change package of {@code operations} (two or more) under {@code chain}. */
    public static ChangeInitiated ofPackage(
            String registerId,
            String changeId,
            List<RowChange> operations,
            ChangeReason reason,
            String comment,
            String division,
            String by,
            Instant at,
            ApprovalChain chain) {
        return new ChangeInitiated(
                registerId,
                changeId,
                ChangeKind.PACKAGE,
                null,
                null,
                null,
                reason,
                comment,
                division,
                by,
                at,
                chain,
                operations);
    }

    /** Whether this change is a package of several rows (a single-row change is a package of one: false). */
    public boolean severalRows() {
        return operations != null;
    }

    /**
     * Every row this change touches, in order: the package's operations, or the one row of a single-row change. Not a
     * component: never serialised, computed from what was recorded.
     */
    public List<RowChange> rowChanges() {
        return operations != null ? operations : List.of(new RowChange(kind, rowId, before, after));
    }
}

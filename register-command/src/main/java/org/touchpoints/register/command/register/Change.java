package org.touchpoints.register.command.register;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.touchpoints.register.api.calendar.PublicationDue;
import org.touchpoints.register.api.change.ChangeApproved;
import java.util.HashSet;
import java.util.Set;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeRejected;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.ChangeWithdrawn;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DivisionApproved;
import org.touchpoints.register.api.change.RowChange;
import org.touchpoints.register.api.procedure.ApprovalChain;
import org.touchpoints.register.api.procedure.ProcedureStep;
import org.touchpoints.register.api.row.RowContent;

/** The state of one change inside the register aggregate. */
final class Change {
    /** One approval step given: which, by whom (the actor, acting officials included), with what comment. */
    record Approval(ProcedureStep step, String by, String comment) {
    }

    final ChangeInitiated initiated;
    /** The chain the change runs under to its end: the register's procedure at initiation. */
    final ApprovalChain chain;
    private final String proposedTouchpointKey;
    /** Every row the change touches, in order (one for a single-row change, see {@link ChangeInitiated#rowChanges()}). */
    final List<RowChange> operations;
    /** The rows the change touches: targets of its edits and removals, its new rows. */
    private final Set<String> touchedRows = new HashSet<>();
    /** The touchpoint keys of every row the change proposes (see {@link RowContent#touchpointKey}). */
    private final Set<String> proposedTouchpointKeys = new HashSet<>();
    ChangeStatus status = ChangeStatus.INITIATED;
    boolean deadlineMissed;
    /** The number of events of this change so far: what a client saw is compared with it. */
    long version = 1;
    /** The steps recorded so far, so a repeated request can be answered as the first one was. */
    DivisionApproved divisionApproved;
    DeputyApproved deputyApproved;
    ChangeRejected rejected;
    ChangeWithdrawn withdrawn;
    ChangeApproved approved;
    /** Every approval step given so far, in order. */
    final List<Approval> approvals = new ArrayList<>();
    /** When the last approval step was given (null before the first). */
    Instant lastStepAt;
    /** Everyone who gave an approval step, in person, as an acting official or through one (four eyes). */
    final Set<String> approvers = new HashSet<>();
    /** The publication deadline the register recorded (null before it entered the register, or recorded before it). */
    private PublicationDue due;
    /** When the change entered the register, with the order (or act) date named then and whether an act put it there. */
    Instant enteredAt;
    java.time.LocalDate enteredOrderDate;
    boolean enteredByAct;

    Change(ChangeInitiated initiated, ApprovalChain chain) {
        this.initiated = initiated;
        this.chain = chain;
        this.proposedTouchpointKey = initiated.after() == null ? null : initiated.after().touchpointKey();
        this.operations = initiated.rowChanges();
        for (RowChange op : operations) {
            touchedRows.add(op.rowId());
            if (op.after() != null) {
                proposedTouchpointKeys.add(op.after().touchpointKey());
            }
        }
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

    /** Whether the change touches the row (edits or removes it, or adds it). */
    boolean touches(String rowId) {
        return touchedRows.contains(rowId);
    }

    /** Whether the change proposes a row with this touchpoint key (any of its rows). */
    boolean proposes(String touchpointKey) {
        return touchpointKey != null && proposedTouchpointKeys.contains(touchpointKey);
    }

    /** The touchpoint keys of every row the change proposes. */
    Set<String> proposedTouchpointKeys() {
        return proposedTouchpointKeys;
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

    /** The approval step awaited now; null when every step is given (or the change is closed). */
    ProcedureStep pendingStep() {
        return open() && approvals.size() < chain.steps().size() ? chain.steps().get(approvals.size()) : null;
    }

    /** Whether the step being given now is the chain's last. */
    boolean lastStepPending() {
        return approvals.size() + 1 == chain.steps().size();
    }

    boolean awaitsAct() {
        return status == ChangeStatus.AWAITING_APPROVAL_ACT;
    }

    PublicationDue due() {
        return due;
    }

    /** Assigns the entry into the register and the deadline recorded with it. */
    void entered(PublicationDue recordedDue, Instant at, java.time.LocalDate orderDate, boolean byAct) {
        due = recordedDue;
        enteredAt = at;
        enteredOrderDate = orderDate;
        enteredByAct = byAct;
    }

    /** Assigns a deadline counted after the entry (a calendar year loaded since). */
    void dueCounted(PublicationDue counted) {
        due = counted;
        version++;
    }

    /** Whether the change is in the register (approved, published since or not). */
    boolean inRegister() {
        return status == ChangeStatus.APPROVED || status == ChangeStatus.PUBLISHED;
    }

    /** Assigns a step given: the status it leaves the change in. */
    void stepGiven(ProcedureStep step, String by, String comment, Instant at, ChangeStatus whileStepsRemain) {
        approvals.add(new Approval(step, by, comment));
        lastStepAt = at;
        status = approvals.size() < chain.steps().size() ? whileStepsRemain
                : chain.actRequired() ? ChangeStatus.AWAITING_APPROVAL_ACT : ChangeStatus.APPROVED;
        version++;
    }
}

package org.touchpoints.register.command.register;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.touchpoints.register.api.calendar.PublicationDue;
import org.touchpoints.register.api.change.ApprovalStep;
import org.touchpoints.register.api.change.ApproveByDeputyCommand;
import org.touchpoints.register.api.change.ApproveByDivisionCommand;
import org.touchpoints.register.api.change.ApproveStepCommand;
import org.touchpoints.register.api.change.ChangeApproved;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeRejected;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.ChangeWithdrawn;
import org.touchpoints.register.api.change.CountDueDateCommand;
import org.touchpoints.register.api.change.DeputyApprovalResult;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DivisionApproved;
import org.touchpoints.register.api.change.DueDateCounted;
import org.touchpoints.register.api.change.PublicationDeadlineMissed;
import org.touchpoints.register.api.change.RecordMissedDeadlineCommand;
import org.touchpoints.register.api.change.RejectChangeCommand;
import org.touchpoints.register.api.change.RowChange;
import org.touchpoints.register.api.change.StepApprovalResult;
import org.touchpoints.register.api.change.StepApproved;
import org.touchpoints.register.api.change.WithdrawChangeCommand;
import org.touchpoints.register.api.procedure.ApprovalChain;
import org.touchpoints.register.api.procedure.DeadlineFrom;
import org.touchpoints.register.api.procedure.ProcedureStep;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.platform.calendar.ProductionCalendar;

/**
 * One change of the register: an entity of the {@link Register} aggregate (its {@code changes}), which routes to it
 * the commands naming its id and the events recorded about it. It decides its own steps — the approvals, the
 * rejection, the withdrawal, its part of an approving act, its missed deadline — through the named rules, asking the
 * register for what is register-wide (members, delegations, the rows' touchpoints, the time zone and region).
 * Its event-sourcing handlers only assign.
 */
final class Change {
    /** One approval step given: which, by whom (the actor, acting officials included), with what comment. */
    record Approval(ProcedureStep step, String by, String comment) {}

    /** The register the change belongs to: what is register-wide is asked of it. */
    private final Register register;

    @EntityId
    private final String changeId;

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

    LocalDate enteredOrderDate;
    boolean enteredByAct;

    Change(Register register, ChangeInitiated initiated, ApprovalChain chain) {
        this.register = register;
        this.changeId = initiated.changeId();
        this.initiated = initiated;
        this.chain = chain;
        this.proposedTouchpointKey =
                initiated.after() == null ? null : initiated.after().touchpointKey();
        this.operations = initiated.rowChanges();
        for (RowChange op : operations) {
            touchedRows.add(op.rowId());
            if (op.after() != null) {
                proposedTouchpointKeys.add(op.after().touchpointKey());
            }
        }
        if (chain.steps().isEmpty() && chain.actRequired()) {
            status = ChangeStatus.AWAITING_APPROVAL_ACT;
        }
    }

    String id() {
        return initiated.changeId();
    }

    /** The register the change belongs to. */
    Register register() {
        return register;
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

    /** Whether the change is in the register (approved, published since or not). */
    boolean inRegister() {
        return status == ChangeStatus.APPROVED || status == ChangeStatus.PUBLISHED;
    }

    // ---- command handlers: the register routes to the change the commands that name it ----

    @CommandHandler
    public ChangeStatus handle(ApproveByDivisionCommand cmd, ProductionCalendar calendar) {
        String comment = Register.clean(cmd.comment());
        if (ChangeRules.repeatsTheDivisionApproval(this, cmd.by(), comment)) {
            return ChangeStatus.DIVISION_APPROVED;
        }
        ChangeRules.closedChangeAcceptsNothingMore(this);
        String onBehalfOf = ChangeRules.onlyTheInitiatingDivisionsHeadApproves(
                register.members(), register.delegations(), cmd.by(), this, register.today(cmd.at()));
        ChangeRules.nobodyApprovesTheirOwnChange(cmd.by(), this);
        ChangeRules.nobodyApprovesOnBehalfOfTheInitiator(onBehalfOf, this);
        ChangeRules.expectedChangeVersionIsCurrent(this, cmd.expectedVersion());
        ChangeRules.divisionApprovalOnlyOfAnInitiatedChange(this);
        ChangeRules.theStepIsPending(this, ProcedureStep.DIVISION_HEAD);
        ChangeRules.onePersonOneApprovalStep(this, cmd.by(), onBehalfOf);
        Violations.requireNoErrors(
                ChangeRules.DIVISION_APPROVAL_IS_DESCRIBED, ChangeRules.divisionApprovalIsDescribed(cmd.comment()));
        giveStep(ProcedureStep.DIVISION_HEAD, comment, null, null, onBehalfOf, cmd.by(), cmd.at(), calendar);
        return status;
    }

    @CommandHandler
    public StepApprovalResult handle(ApproveStepCommand cmd, ProductionCalendar calendar) {
        String comment = Register.clean(cmd.comment());
        if (ChangeRules.repeatsTheStepApproval(this, cmd.by(), comment)) {
            return result();
        }
        ChangeRules.closedChangeAcceptsNothingMore(this);
        ProcedureStep step = ChangeRules.approvalActIsItsOwnStep(this);
        String onBehalfOf = ChangeRules.onlyTheHolderOfTheStepApproves(
                register.members(), register.delegations(), cmd.by(), this, step, register.today(cmd.at()));
        ChangeRules.nobodyApprovesTheirOwnChange(cmd.by(), this);
        ChangeRules.nobodyApprovesOnBehalfOfTheInitiator(onBehalfOf, this);
        ChangeRules.expectedChangeVersionIsCurrent(this, cmd.expectedVersion());
        ChangeRules.onePersonOneApprovalStep(this, cmd.by(), onBehalfOf);
        Violations.requireNoErrors(ChangeRules.APPROVAL_IS_DESCRIBED, ChangeRules.approvalIsDescribed(cmd.comment()));
        giveStep(step, comment, null, null, onBehalfOf, cmd.by(), cmd.at(), calendar);
        return result();
    }

    @CommandHandler
    public DeputyApprovalResult handle(ApproveByDeputyCommand cmd, ProductionCalendar calendar) {
        BoundRules.datesWithinTheSaneRange(BoundRules.dated("orderDate", "Дата приказа", cmd.orderDate()));
        if (ChangeRules.repeatsTheFinalApproval(
                this, cmd.by(), Register.clean(cmd.comment()), Register.clean(cmd.orderNumber()), cmd.orderDate())) {
            return new DeputyApprovalResult(
                    id(),
                    ChangeStatus.APPROVED,
                    deputyApproved.at(),
                    deputyApproved.orderDate(),
                    recordedDue(calendar));
        }
        ChangeRules.closedChangeAcceptsNothingMore(this);
        String onBehalfOf = ChangeRules.onlyTheDeputyGivesFinalApproval(
                register.members(), register.delegations(), cmd.by(), register.today(cmd.at()));
        ChangeRules.nobodyApprovesTheirOwnChange(cmd.by(), this);
        ChangeRules.nobodyApprovesOnBehalfOfTheInitiator(onBehalfOf, this);
        ChangeRules.expectedChangeVersionIsCurrent(this, cmd.expectedVersion());
        ChangeRules.finalApprovalOnlyAfterDivisionApproval(this);
        ChangeRules.theStepIsPending(this, ProcedureStep.DEPUTY);
        ChangeRules.onePersonOneApprovalStep(this, cmd.by(), onBehalfOf);
        Violations.requireNoErrors(
                ChangeRules.APPROVAL_ORDER_IS_DESCRIBED,
                ChangeRules.approvalOrderIsDescribed(cmd.comment(), cmd.orderNumber(), cmd.orderDate()));
        ChangeRules.orderDateNotInTheFuture(cmd.orderDate(), register.today(cmd.at()));
        ChangeRules.orderDateNotBeforeTheChange(cmd.orderDate(), register.today(initiated.at()));
        giveStep(
                ProcedureStep.DEPUTY,
                Register.clean(cmd.comment()),
                Register.clean(cmd.orderNumber()),
                cmd.orderDate(),
                onBehalfOf,
                cmd.by(),
                cmd.at(),
                calendar);
        return new DeputyApprovalResult(id(), status, cmd.at(), cmd.orderDate(), due);
    }

    @CommandHandler
    public ChangeStatus handle(RejectChangeCommand cmd) {
        if (ChangeRules.repeatsTheRejection(this, cmd.by(), cmd.reason())) {
            return ChangeStatus.REJECTED;
        }
        ChangeRules.closedChangeAcceptsNothingMore(this);
        ApprovalStep step;
        String onBehalfOf;
        if (awaitsAct()) {
            ChangeRules.onlyActHoldersRecordActs(register.members(), cmd.by());
            onBehalfOf = null;
            step = ApprovalStep.APPROVAL_ACT;
        } else {
            ProcedureStep pending = pendingStep();
            onBehalfOf = ChangeRules.onlyTheHolderOfTheStepApproves(
                    register.members(), register.delegations(), cmd.by(), this, pending, register.today(cmd.at()));
            step = pending.approvalStep();
        }
        ChangeRules.nobodyApprovesTheirOwnChange(cmd.by(), this);
        ChangeRules.nobodyApprovesOnBehalfOfTheInitiator(onBehalfOf, this);
        ChangeRules.expectedChangeVersionIsCurrent(this, cmd.expectedVersion());
        Violations.requireNoErrors(
                ChangeRules.REJECTION_STATES_ITS_REASON, ChangeRules.rejectionStatesItsReason(cmd.reason()));
        apply(new ChangeRejected(
                register.registerId(), id(), step, cmd.reason().strip(), onBehalfOf, cmd.by(), cmd.at()));
        return ChangeStatus.REJECTED;
    }

    @CommandHandler
    public ChangeStatus handle(WithdrawChangeCommand cmd) {
        ChangeRules.onlyTheInitiatorWithdraws(cmd.by(), this);
        if (ChangeRules.repeatsTheWithdrawal(this, cmd.by())) {
            return ChangeStatus.WITHDRAWN;
        }
        ChangeRules.closedChangeAcceptsNothingMore(this);
        ChangeRules.expectedChangeVersionIsCurrent(this, cmd.expectedVersion());
        apply(new ChangeWithdrawn(register.registerId(), id(), cmd.by(), cmd.at()));
        return ChangeStatus.WITHDRAWN;
    }

    @CommandHandler
    public boolean handle(RecordMissedDeadlineCommand cmd, ProductionCalendar calendar) {
        if (deadlineMissed) {
            return false; // recorded already
        }
        LocalDate dueDate =
                status == ChangeStatus.APPROVED ? recordedDue(calendar).dueDate() : null;
        ChangeRules.deadlineMissedOnlyByAnUnpublishedApprovedChangeAfterItsDueDate(
                this, dueDate, register.today(cmd.at()));
        apply(new PublicationDeadlineMissed(register.registerId(), id(), dueDate, cmd.by(), cmd.at()));
        return true;
    }

    @CommandHandler
    public boolean handle(CountDueDateCommand cmd, ProductionCalendar calendar) {
        ChangeRules.onlyAChangeInTheRegisterHasADueDate(this);
        PublicationDue recorded = recordedDue(calendar);
        if (!ChangeRules.dueDateAwaitsCounting(this, recorded)) {
            return false; // counted already (at the approval, or by an earlier recount)
        }
        PublicationDue now = calendar.publicationDue(recorded.madeOn(), recorded.workingDays(), register.region());
        if (now.dueDate() == null) {
            return false; // the calendar still lacks a year
        }
        apply(new DueDateCounted(register.registerId(), id(), now, cmd.by(), cmd.at()));
        return true;
    }

    // ---- the change's part in what the register decides for several changes or at their initiation ----

    /** The rules an approving act checks of each change it covers, {@code by} recording it with its {@code date}. */
    void mayBeApprovedByAct(String by, LocalDate date) {
        ChangeRules.actCoversOnlyChangesAwaitingIt(this);
        ChangeRules.nobodyApprovesTheirOwnChange(by, this);
        ChangeRules.actNotBeforeTheLastApproval(
                this, date, register.today(lastStepAt != null ? lastStepAt : initiated.at()));
        ChangeRules.oneTouchpointPerProcessOnEntry(register.touchpointKeys(), this);
    }

    /** The approving act recorded: the change enters the register by it. */
    void approveByAct(String actId, String number, LocalDate date, String by, Instant at, ProductionCalendar calendar) {
        apply(new ChangeApproved(
                register.registerId(),
                id(),
                null,
                null,
                actId,
                number,
                date,
                null,
                by,
                at,
                dueOnEntry(calendar, at, date, true)));
    }

    /** A procedure without approval steps or act: the proposal just recorded is the change, it enters at once. */
    void enterIfNothingToApprove(String by, Instant at, ProductionCalendar calendar) {
        if (chain.steps().isEmpty() && !chain.actRequired()) {
            ChangeRules.oneTouchpointPerProcessOnEntry(register.touchpointKeys(), this);
            apply(new ChangeApproved(
                    register.registerId(),
                    id(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    by,
                    at,
                    dueOnEntry(calendar, at, null, false)));
        }
    }

    /**
     * Records one approval step: today's events where they mean what they always meant (the division head's step
     * before another, the deputy's final approval), otherwise {@link StepApproved} while the change is not yet in the
     * register and {@link ChangeApproved} when the step puts it there.
     */
    private void giveStep(
            ProcedureStep step,
            String comment,
            String orderNumber,
            LocalDate orderDate,
            String onBehalfOf,
            String by,
            Instant at,
            ProductionCalendar calendar) {
        String registerId = register.registerId();
        boolean entersRegister = lastStepPending() && !chain.actRequired();
        if (!entersRegister) {
            ProcedureRules.orderOnlyWhereTheProcedureTakesIt(chain, false, orderNumber, orderDate);
            if (step == ProcedureStep.DIVISION_HEAD) {
                apply(new DivisionApproved(registerId, id(), comment, onBehalfOf, by, at));
            } else {
                apply(new StepApproved(registerId, id(), step, comment, onBehalfOf, by, at));
            }
            return;
        }
        ProcedureRules.orderOnlyWhereTheProcedureTakesIt(chain, true, orderNumber, orderDate);
        ChangeRules.oneTouchpointPerProcessOnEntry(register.touchpointKeys(), this);
        PublicationDue recordedDue = dueOnEntry(calendar, at, orderDate, false);
        if (step == ProcedureStep.DEPUTY) {
            apply(new DeputyApproved(
                    registerId, id(), comment, orderNumber, orderDate, onBehalfOf, by, at, recordedDue));
        } else {
            apply(new ChangeApproved(
                    registerId, id(), step, comment, null, orderNumber, orderDate, onBehalfOf, by, at, recordedDue));
        }
    }

    private StepApprovalResult result() {
        return new StepApprovalResult(id(), status, StepApprovalResult.pending(pendingStep(), awaitsAct()), due);
    }

    /**
     * The publication deadline of the change entering the register now, counted by the production calendar (the
     * domain service handed to the handler) as DOMAIN.md says, and recorded in the approval event: from the day the
     * change is made — the approval's local date, or an earlier order's date; where an act puts it in the register,
     * the act's date when the procedure counts from the act, else the day of its last approval step.
     */
    private PublicationDue dueOnEntry(ProductionCalendar calendar, Instant at, LocalDate orderDate, boolean byAct) {
        return calendar.publicationDue(madeOn(at, orderDate, byAct), chain.deadlineWorkingDays(), register.region());
    }

    /** The day the change was (or is) made, by the rule of {@link #dueOnEntry}. */
    private LocalDate madeOn(Instant at, LocalDate orderDate, boolean byAct) {
        if (byAct) {
            return chain.deadlineFrom() == DeadlineFrom.APPROVAL_ACT
                    ? orderDate
                    : register.today(lastStepAt != null ? lastStepAt : at);
        }
        return PublicationDue.madeOn(at, orderDate, register.zone());
    }

    /**
     * The deadline of the change in the register: the one its approval event (or a later {@link DueDateCounted})
     * recorded; for an approval recorded before deadlines were counted into the event, counted now from that event's
     * own dates by the same rule (the fallback the read side applies to such events too).
     */
    private PublicationDue recordedDue(ProductionCalendar calendar) {
        if (due != null) {
            return due;
        }
        return calendar.publicationDue(
                madeOn(enteredAt, enteredOrderDate, enteredByAct), chain.deadlineWorkingDays(), register.region());
    }

    // ---- event-sourcing handlers: the register forwards to the change only the events naming it; they only assign
    // ----

    @EventSourcingHandler
    void on(DivisionApproved e) {
        divisionApproved = e;
        stepGiven(
                ProcedureStep.DIVISION_HEAD,
                e.by(),
                e.onBehalfOf(),
                e.comment(),
                e.at(),
                ChangeStatus.DIVISION_APPROVED);
    }

    @EventSourcingHandler
    void on(StepApproved e) {
        stepGiven(e.step(), e.by(), e.onBehalfOf(), e.comment(), e.at(), ChangeStatus.IN_APPROVAL);
    }

    @EventSourcingHandler
    void on(DeputyApproved e) {
        deputyApproved = e;
        stepGiven(ProcedureStep.DEPUTY, e.by(), e.onBehalfOf(), e.comment(), e.at(), ChangeStatus.APPROVED);
        status = ChangeStatus.APPROVED;
        entered(e.due(), e.at(), e.orderDate(), false);
    }

    @EventSourcingHandler
    void on(ChangeApproved e) {
        approved = e;
        if (e.step() != null) {
            stepGiven(e.step(), e.by(), e.onBehalfOf(), e.comment(), e.at(), ChangeStatus.APPROVED);
            status = ChangeStatus.APPROVED;
        } else {
            moved(ChangeStatus.APPROVED);
        }
        entered(e.due(), e.at(), e.actDate(), e.actId() != null);
    }

    @EventSourcingHandler
    void on(DueDateCounted e) {
        due = e.due();
        version++;
    }

    @EventSourcingHandler
    void on(PublicationDeadlineMissed e) {
        deadlineMissed = true;
        version++;
    }

    @EventSourcingHandler
    void on(ChangeRejected e) {
        rejected = e;
        moved(ChangeStatus.REJECTED);
    }

    @EventSourcingHandler
    void on(ChangeWithdrawn e) {
        withdrawn = e;
        moved(ChangeStatus.WITHDRAWN);
    }

    /** Assigns the publication that covered the change (the register's {@code Published} names several). */
    void published() {
        moved(ChangeStatus.PUBLISHED);
    }

    /** Assigns the status an event leaves the change in, one event more. */
    private void moved(ChangeStatus to) {
        status = to;
        version++;
    }

    /**
     * Assigns a step given by {@code by} (on behalf of {@code onBehalfOf}, null when in person): the status it leaves
     * the change in — {@code whileStepsRemain}, or where the chain ends, awaiting its act or approved.
     */
    private void stepGiven(
            ProcedureStep step,
            String by,
            String onBehalfOf,
            String comment,
            Instant at,
            ChangeStatus whileStepsRemain) {
        approvers.add(by);
        if (onBehalfOf != null) {
            approvers.add(onBehalfOf);
        }
        approvals.add(new Approval(step, by, comment));
        lastStepAt = at;
        moved(
                approvals.size() < chain.steps().size()
                        ? whileStepsRemain
                        : chain.actRequired() ? ChangeStatus.AWAITING_APPROVAL_ACT : ChangeStatus.APPROVED);
    }

    /** Assigns the entry into the register and the deadline recorded with it. */
    private void entered(PublicationDue recordedDue, Instant at, LocalDate orderDate, boolean byAct) {
        due = recordedDue;
        enteredAt = at;
        enteredOrderDate = orderDate;
        enteredByAct = byAct;
    }
}

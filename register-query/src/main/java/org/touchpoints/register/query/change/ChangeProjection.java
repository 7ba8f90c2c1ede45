package org.touchpoints.register.query.change;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.calendar.PublicationDue;
import org.touchpoints.register.api.change.ApprovalActRecorded;
import org.touchpoints.register.api.change.ChangeApproved;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeRejected;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.ChangeWithdrawn;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DivisionApproved;
import org.touchpoints.register.api.change.DueDateCounted;
import org.touchpoints.register.api.change.PublicationDeadlineMissed;
import org.touchpoints.register.api.change.StepApprovalResult;
import org.touchpoints.register.api.change.StepApproved;
import org.touchpoints.register.api.procedure.ApprovalChain;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.publication.Published;
import org.touchpoints.register.platform.calendar.ProductionCalendar;
import org.touchpoints.register.query.config.Json;
import org.touchpoints.register.query.config.Projections;
import org.touchpoints.register.query.config.ReadModelJdbc;
import org.touchpoints.register.query.deadline.PublicationDeadline;
import org.touchpoints.register.query.register.RegisterSettings;
import org.touchpoints.register.query.ui.Words;

/**
 * Every change with its status, before/after rows, timeline and publication deadline. Each write of one change's row
 * of {@code q_change} says so ({@link ReadModelJdbc#updateRow}, keyed by the change id): in a rebuild's batch the
 * inserts of changes and the updates of each go as runs of the same statement, not alternating.
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class ChangeProjection {
    private static final Logger log = LoggerFactory.getLogger(ChangeProjection.class);

    private final ReadModelJdbc jdbc;
    private final Json json;
    private final ProductionCalendar calendar;
    private final RegisterSettings registers;

    public ChangeProjection(ReadModelJdbc jdbc, Json json, ProductionCalendar calendar, RegisterSettings registers) {
        this.jdbc = jdbc;
        this.json = json;
        this.calendar = calendar;
        this.registers = registers;
    }

    @EventHandler
    void on(ChangeInitiated e) {
        // a change of a register running today's procedure (chain null) runs today's chain with the register's deadline
        ApprovalChain chain = e.chain() != null
                ? e.chain()
                : Procedure.legacy(registers.of(e.registerId()).deadlineWorkingDays())
                        .chain();
        boolean awaitsAct = chain.steps().isEmpty() && chain.actRequired();
        String chainJson = json.write(chain);
        jdbc.updateRow(
                e.changeId(),
                """
                        insert into q_change(change_id, register_id, kind, status, reason, comment, division, row_id,
                                             before_row, after_row, initiated_by, initiated_at, chain, pending_step,
                                             operations, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, cast(? as jsonb), ?,
                                cast(? as jsonb), 1)""",
                e.changeId(),
                e.registerId(),
                e.kind().name(),
                (awaitsAct ? ChangeStatus.AWAITING_APPROVAL_ACT : ChangeStatus.INITIATED).name(),
                e.reason().name(),
                e.comment(),
                e.division(),
                e.rowId(),
                json.write(e.before()),
                json.write(e.after()),
                e.by(),
                Timestamp.from(e.at()),
                chainJson,
                StepApprovalResult.pending(
                        chain.steps().isEmpty() ? null : chain.steps().get(0), awaitsAct),
                json.write(e.operations()));
        remember(e.changeId(), new ChainState(json.read(chainJson, ApprovalChain.class), 0, null));
        timeline(e.changeId(), "ChangeInitiated", e.at(), e.by(), null, e.comment());
    }

    @EventHandler
    void on(DivisionApproved e) {
        stepGiven(e.changeId(), ChangeStatus.DIVISION_APPROVED, e.at());
        timeline(e.changeId(), "DivisionApproved", e.at(), e.by(), e.onBehalfOf(), e.comment());
    }

    @EventHandler
    void on(StepApproved e) {
        stepGiven(e.changeId(), ChangeStatus.IN_APPROVAL, e.at());
        timeline(e.changeId(), "StepApproved", e.at(), e.by(), e.onBehalfOf(), e.comment());
    }

    @EventHandler
    void on(DeputyApproved e) {
        approved(e.registerId(), e.changeId(), e.at(), e.orderNumber(), e.orderDate(), null, e.due());
        String comment = e.orderNumber() == null
                ? e.comment()
                : join(
                        e.comment(),
                        "Приказ № " + e.orderNumber()
                                + (e.orderDate() == null ? "" : " от " + Words.date(e.orderDate())));
        timeline(e.changeId(), "DeputyApproved", e.at(), e.by(), e.onBehalfOf(), comment);
    }

    @EventHandler
    void on(ChangeApproved e) {
        approved(e.registerId(), e.changeId(), e.at(), e.actNumber(), e.actDate(), e.actId(), e.due());
        String act = e.actNumber() == null
                ? null
                : "Приказ № " + e.actNumber()
                        + (e.actDate() == null ? "" : " от " + e.actDate().format(DATE));
        timeline(
                e.changeId(),
                "ChangeApproved",
                e.at(),
                e.by(),
                e.onBehalfOf(),
                act == null ? e.comment() : join(e.comment(), act));
    }

    @EventHandler
    void on(ApprovalActRecorded e) {
        jdbc.update(
                """
                        insert into q_approval_act(register_id, act_id, number, act_date, change_ids, by_user, recorded_at)
                        values (?, ?, ?, ?, cast(? as jsonb), ?, ?) on conflict do nothing""",
                e.registerId(),
                e.actId(),
                e.number(),
                Date.valueOf(e.date()),
                json.write(e.changeIds()),
                e.by(),
                Timestamp.from(e.at()));
    }

    private static final java.time.format.DateTimeFormatter DATE =
            java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private record ChainState(ApprovalChain chain, int stepsDone, java.time.Instant lastStepAt) {}

    /** The key of a change's {@link ChainState} in a rebuild batch's memory. */
    private record Remembered(String changeId) {}

    /**
     * A rebuild's batch keeps each change's chain state as it wrote it, so the next step of the change in the same batch
     * need not read it back (two queries, each sending the batch's deferred writes first): {@link
     * ReadModelJdbc#remembered}. The state is what the table would give: the chain read back from its JSON, the
     * timestamp as PostgreSQL keeps it (rounded to the microsecond, as the driver sends it).
     */
    private void remember(String changeId, ChainState state) {
        java.util.Map<Object, Object> memory = jdbc.remembered();
        if (memory != null) {
            memory.put(new Remembered(changeId), state);
        }
    }

    private ChainState remembered(String changeId) {
        java.util.Map<Object, Object> memory = jdbc.remembered();
        return memory == null ? null : (ChainState) memory.get(new Remembered(changeId));
    }

    /** An instant as a {@code timestamptz} column gives it back. */
    private static java.time.Instant asStored(java.time.Instant at) {
        return at.plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private ChainState chainOf(String changeId, String registerId) {
        ChainState known = remembered(changeId);
        if (known != null) {
            return known;
        }
        return jdbc.query("select chain, steps_done, last_step_at from q_change where change_id = ?")
                .param(changeId)
                .query((rs, i) -> new ChainState(
                        rs.getString(1) == null
                                ? Procedure.legacy(registers.of(registerId).deadlineWorkingDays())
                                        .chain()
                                : json.read(rs.getString(1), ApprovalChain.class),
                        rs.getInt(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .single();
    }

    /** The chain state of a change whose register is not at hand: one query (it took two, register then state). */
    private ChainState chainOf(String changeId) {
        ChainState known = remembered(changeId);
        if (known != null) {
            return known;
        }
        return jdbc.query("select register_id, chain, steps_done, last_step_at from q_change where change_id = ?")
                .param(changeId)
                .query((rs, i) -> new StoredChain(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional()
                .map(stored -> new ChainState(
                        stored.chain() == null
                                ? Procedure.legacy(registers
                                                .of(stored.registerId())
                                                .deadlineWorkingDays())
                                        .chain()
                                : json.read(stored.chain(), ApprovalChain.class),
                        stored.stepsDone(),
                        stored.lastStepAt()))
                .orElse(null);
    }

    private record StoredChain(String registerId, String chain, int stepsDone, java.time.Instant lastStepAt) {}

    /** A step given and the change not yet in the register: the next step awaited, or the act. */
    private void stepGiven(String changeId, ChangeStatus whileStepsRemain, java.time.Instant at) {
        ChainState state = chainOf(changeId);
        int done = state.stepsDone() + 1;
        boolean stepsRemain = done < state.chain().steps().size();
        ChangeStatus status = stepsRemain ? whileStepsRemain : ChangeStatus.AWAITING_APPROVAL_ACT;
        String pending = stepsRemain ? state.chain().steps().get(done).name() : StepApprovalResult.APPROVAL_ACT;
        jdbc.updateRow(changeId, """
                        update q_change set status = ?, steps_done = ?, pending_step = ?, last_step_at = ?,
                                            version = version + 1
                        where change_id = ?""", status.name(), done, pending, Timestamp.from(at), changeId);
        remember(changeId, new ChainState(state.chain(), done, asStored(at)));
    }

    /**
     * The change is in the register: the publication clock runs from the day it was made, and the due date is the one
     * the register recorded in the approval event ({@code due}). An approval recorded before the register counted it
     * (no {@code due}) is counted by the same rule from the event's own dates ({@link PublicationDeadline#ofApproval}).
     */
    private void approved(
            String registerId,
            String changeId,
            java.time.Instant at,
            String orderNumber,
            LocalDate orderDate,
            String actId,
            PublicationDue due) {
        RegisterSettings.Settings settings = registers.of(registerId);
        ChainState state = chainOf(changeId, registerId);
        ApprovalChain chain = state.chain();
        PublicationDeadline.Made made = PublicationDeadline.ofApproval(
                due, chain, at, orderDate, actId, state.lastStepAt(), settings.zone(), settings.region(), calendar);
        LocalDate madeOn = made.madeOn();
        PublicationDeadline.Counted counted = made.counted();
        LocalDate dueDate = counted.dueDate();
        if (counted.problem() != null) {
            log.warn("No due date for change {}: {}", changeId, counted.problem());
        }
        jdbc.updateRow(
                changeId,
                """
                        update q_change set status = ?, approved_at = ?, approved_on = ?, order_number = ?, order_date = ?,
                                            due_date = ?, due_note = ?, due_problem = ?, due_unknown = ?,
                                            pending_step = null, act_id = ?,
                                            steps_done = ?, last_step_at = coalesce(?, last_step_at),
                                            version = version + 1
                        where change_id = ?""",
                ChangeStatus.APPROVED.name(),
                Timestamp.from(at),
                Date.valueOf(madeOn),
                orderNumber,
                orderDate == null ? null : Date.valueOf(orderDate),
                dueDate == null ? null : Date.valueOf(dueDate),
                counted.note(),
                counted.problem(),
                counted.unknown(),
                actId,
                chain.steps().size(),
                actId == null ? Timestamp.from(at) : null,
                changeId);
        remember(
                changeId,
                new ChainState(chain, chain.steps().size(), actId == null ? asStored(at) : state.lastStepAt()));
    }

    /** A due date refused at the approval, counted since (a calendar year loaded): the register recorded it. */
    @EventHandler
    void on(DueDateCounted e) {
        PublicationDeadline.Counted counted = PublicationDeadline.Counted.of(e.due());
        jdbc.updateRow(
                e.changeId(),
                """
                        update q_change set due_date = ?, due_note = ?, due_problem = ?, due_unknown = ?,
                                            version = version + 1
                        where change_id = ?""",
                counted.dueDate() == null ? null : Date.valueOf(counted.dueDate()),
                counted.note(),
                counted.problem(),
                counted.unknown(),
                e.changeId());
        timeline(
                e.changeId(),
                "DueDateCounted",
                e.at(),
                e.by(),
                null,
                "Срок публикации рассчитан: " + Words.date(counted.dueDate()));
    }

    @EventHandler
    void on(PublicationDeadlineMissed e) {
        jdbc.updateRow(
                e.changeId(),
                "update q_change set deadline_missed_at = ?, version = version + 1 where change_id = ?",
                Timestamp.from(e.at()),
                e.changeId());
        timeline(
                e.changeId(),
                "PublicationDeadlineMissed",
                e.at(),
                e.by(),
                null,
                "Срок публикации " + Words.date(e.dueDate()) + " истёк");
    }

    @EventHandler
    void on(ChangeRejected e) {
        decided(e.changeId(), ChangeStatus.REJECTED);
        timeline(e.changeId(), "ChangeRejected", e.at(), e.by(), e.onBehalfOf(), e.reason());
    }

    @EventHandler
    void on(ChangeWithdrawn e) {
        decided(e.changeId(), ChangeStatus.WITHDRAWN);
        timeline(e.changeId(), "ChangeWithdrawn", e.at(), e.by(), null, null);
    }

    @EventHandler
    void on(Published e) {
        if (e.coveredChangeIds().isEmpty()) {
            return;
        }
        LocalDate publishedOn =
                e.publishedAt().atZone(registers.of(e.registerId()).zone()).toLocalDate();
        jdbc.update(
                """
                        update q_change set status = ?, published_version = ?, published_at = ?, published_on = ?
                        where change_id = any(cast(? as varchar[]))""",
                ChangeStatus.PUBLISHED.name(),
                e.version(),
                Timestamp.from(e.publishedAt()),
                Date.valueOf(publishedOn),
                e.coveredChangeIds().toArray(String[]::new));
        for (String changeId : e.coveredChangeIds()) {
            timeline(changeId, "Published", e.at(), e.by(), null, "Редакция " + e.version() + ": " + e.url());
            jdbc.updateRow(changeId, "update q_change set version = version + 1 where change_id = ?", changeId);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate q_change, q_change_timeline, q_approval_act");
    }

    /** Rejected or withdrawn: no step is awaited any more. */
    private void decided(String changeId, ChangeStatus status) {
        jdbc.updateRow(
                changeId,
                "update q_change set status = ?, pending_step = null, version = version + 1 where change_id = ?",
                status.name(),
                changeId);
    }

    /**
     * One entry per event of the change. The change's version counts them, as the register aggregate does: each
     * event's own update of {@code q_change} adds one ({@code version = version + 1}; the initiation inserts 1), so
     * an event costs one statement on the change less (live and in a rebuild).
     */
    private void timeline(
            String changeId, String event, java.time.Instant at, String by, String onBehalfOf, String comment) {
        jdbc.update(
                "insert into q_change_timeline(change_id, event, at, by_user, on_behalf_of, comment) values (?, ?, ?, ?, ?, ?)",
                changeId,
                event,
                Timestamp.from(at),
                by,
                onBehalfOf,
                comment);
    }

    private static String join(String a, String b) {
        return a == null || a.isBlank() ? b : a + ". " + b;
    }
}

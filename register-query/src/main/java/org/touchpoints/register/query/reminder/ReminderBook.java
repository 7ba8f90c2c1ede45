package org.touchpoints.register.query.reminder;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.touchpoints.register.api.calendar.PublicationDue;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.procedure.ApprovalChain;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.register.RegisterCreated;
import org.touchpoints.register.platform.calendar.ProductionCalendar;
import org.touchpoints.register.query.config.Json;
import org.touchpoints.register.query.deadline.DeadlineBoard;
import org.touchpoints.register.query.deadline.PublicationDeadline;

/**
 * What the reminders group knows, in tables of its own that no rebuild of the read models touches, filled from the
 * events in the group's own order ({@code reminder_register}, {@code reminder_member}, {@code reminder_change}): whom
 * to remind, and of which deadlines. The group never reads the read models of another group.
 */
@Repository
class ReminderBook {
    /** A change in flight or awaiting publication: who proposed it, where, under which chain. */
    record Change(String registerId, String division, ApprovalChain chain, String initiatedBy) {}

    private final JdbcClient jdbc;
    private final Json json;
    private final ProductionCalendar calendar;
    private final DeadlineBoard deadlines;
    private final Clock clock;

    ReminderBook(JdbcClient jdbc, Json json, ProductionCalendar calendar, DeadlineBoard deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    void registerCreated(RegisterCreated e) {
        jdbc.sql("""
                        insert into reminder_register(register_id, time_zone, region, deadline_days) values (?, ?, ?, ?)
                        on conflict (register_id) do nothing""")
                .params(e.registerId(), e.timeZone(), e.region(), e.publicationDeadlineWorkingDays())
                .update();
    }

    void memberAssigned(String registerId, String username, String role, String division) {
        jdbc.sql("""
                        insert into reminder_member(register_id, username, role, division_id) values (?, ?, ?, ?)
                        on conflict do nothing""")
                .params(registerId, username, role, division == null ? "" : division)
                .update();
    }

    void memberRevoked(String registerId, String username, String role, String division) {
        jdbc.sql("delete from reminder_member where register_id = ? and username = ? and role = ? and division_id = ?")
                .params(registerId, username, role, division == null ? "" : division)
                .update();
    }

    /** The e-mail addresses of the register's members in a role (and division, for division roles). */
    List<String> recipients(String registerId, String role, String division) {
        return jdbc.sql("""
                        select distinct a.email from reminder_member m join account a on a.username = m.username
                        where m.register_id = ? and m.role = ? and (cast(? as varchar) is null or m.division_id = ?)
                          and a.enabled and a.email is not null order by a.email""")
                .params(registerId, role, division, division)
                .query(String.class)
                .list();
    }

    void initiated(ChangeInitiated e) {
        jdbc.sql("""
                        insert into reminder_change(change_id, register_id, division, chain, initiated_by)
                        values (?, ?, ?, cast(? as jsonb), ?) on conflict (change_id) do nothing""")
                .params(e.changeId(), e.registerId(), e.division(), json.write(e.chain()), e.by())
                .update();
    }

    Optional<Change> change(String changeId) {
        return jdbc.sql("select register_id, division, chain, initiated_by from reminder_change where change_id = ?")
                .param(changeId)
                .query((rs, i) -> new Change(
                        rs.getString(1),
                        rs.getString(2),
                        json.read(rs.getString(3), ApprovalChain.class),
                        rs.getString(4)))
                .optional();
    }

    /** A step of the chain was given (the day an act-approved change was made, where its chain counts so). */
    void stepGiven(String changeId, Instant at) {
        jdbc.sql("update reminder_change set last_step_at = ? where change_id = ?")
                .params(Timestamp.from(at), changeId)
                .update();
    }

    /** The change entered the register: when it was made and when its publication is due, as the board counts them. */
    void approved(
            String registerId, String changeId, Instant at, LocalDate orderDate, String actId, PublicationDue due) {
        record Known(ZoneId zone, String region, Integer deadlineDays, ApprovalChain chain, Instant lastStepAt) {}
        Optional<Known> known = jdbc.sql("""
                        select r.time_zone, r.region, r.deadline_days, c.chain, c.last_step_at
                        from reminder_change c join reminder_register r on r.register_id = c.register_id
                        where c.change_id = ?""")
                .param(changeId)
                .query((rs, i) -> new Known(
                        ZoneId.of(rs.getString(1)),
                        rs.getString(2),
                        (Integer) rs.getObject(3),
                        json.read(rs.getString(4), ApprovalChain.class),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional();
        if (known.isEmpty()) {
            return; // a change this group never saw initiated (its register is unknown here): nothing to remind of
        }
        Known k = known.get();
        ApprovalChain chain = k.chain() != null
                ? k.chain()
                : Procedure.legacy(k.deadlineDays()).chain();
        PublicationDeadline.Made made = PublicationDeadline.ofApproval(
                due, chain, at, orderDate, actId, k.lastStepAt(), k.zone(), k.region(), calendar);
        dueDate(changeId, made.madeOn(), made.counted());
    }

    /** A due date refused at the approval, counted since. */
    void dueCounted(String changeId, PublicationDue due) {
        dueDate(changeId, null, PublicationDeadline.Counted.of(due));
    }

    private void dueDate(String changeId, LocalDate madeOn, PublicationDeadline.Counted counted) {
        jdbc.sql("""
                        update reminder_change set approved_on = coalesce(?, approved_on), due_date = ?, due_note = ?,
                                                   due_unknown = ?
                        where change_id = ?""")
                .params(
                        madeOn == null ? null : Date.valueOf(madeOn),
                        counted.dueDate() == null ? null : Date.valueOf(counted.dueDate()),
                        counted.note(),
                        counted.unknown(),
                        changeId)
                .update();
    }

    /** Published, rejected or withdrawn: nobody is reminded of these changes any more. */
    void forget(Collection<String> changeIds) {
        jdbc.sql("delete from reminder_change where change_id = any(?)")
                .param(changeIds.toArray(String[]::new))
                .update();
    }

    /**
     * The approved changes awaiting publication whose publishers were not yet told they are at risk, with their
     * deadlines as of now (as the deadline board judges them). Only due dates from today (in the earliest time zone:
     * not overdue anywhere) to a month ahead can be at risk (two working days left, however long the holidays between),
     * and those not counted (the calendar lacks a year).
     */
    List<DeadlineBoard.DeadlineView> notYetRemindedAtRisk() {
        LocalDate earliestToday =
                clock.instant().atZone(ZoneId.of("Etc/GMT+12")).toLocalDate();
        LocalDate horizon = clock.instant()
                .atZone(ZoneId.of("Pacific/Kiritimati"))
                .toLocalDate()
                .plusMonths(1);
        return jdbc
                .sql("""
                        select c.change_id, c.register_id, c.division, c.approved_on, c.due_date, r.time_zone, r.region,
                               c.due_note, c.due_unknown
                        from reminder_change c join reminder_register r on r.register_id = c.register_id
                        where c.approved_on is not null
                          and (c.due_date between ? and ? or (c.due_date is null and c.due_unknown is not null))
                          and not exists (select 1 from reminder_sent s
                                          where s.change_id = c.change_id and s.kind = 'PUBLICATION_AT_RISK')
                        order by c.due_date nulls first, c.change_id""")
                .params(Date.valueOf(earliestToday), Date.valueOf(horizon))
                .query((rs, i) -> deadlines.view(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDate(4).toLocalDate(),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(),
                        null,
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)))
                .list()
                .stream()
                .filter(d -> d.status() == PublicationDeadline.Status.AT_RISK)
                .toList();
    }
}

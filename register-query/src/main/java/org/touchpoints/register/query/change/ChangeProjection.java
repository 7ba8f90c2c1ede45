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
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeRejected;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.ChangeWithdrawn;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DivisionApproved;
import org.touchpoints.register.api.change.PublicationDeadlineMissed;
import org.touchpoints.register.api.publication.Published;
import org.touchpoints.register.query.calendar.ProductionCalendar;
import org.touchpoints.register.query.config.Json;
import org.touchpoints.register.query.config.Projections;
import org.touchpoints.register.query.config.ReadModelJdbc;
import org.touchpoints.register.query.deadline.PublicationDeadline;
import org.touchpoints.register.query.register.RegisterSettings;
import org.touchpoints.register.query.ui.Words;

/** Every change with its status, before/after rows, timeline and publication deadline. */
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
        jdbc.update("""
                        insert into q_change(change_id, register_id, kind, status, reason, comment, division, row_id,
                                             before_row, after_row, initiated_by, initiated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)""",
                        e.changeId(), e.registerId(), e.kind().name(), ChangeStatus.INITIATED.name(), e.reason().name(),
                        e.comment(), e.division(), e.rowId(), json.write(e.before()), json.write(e.after()), e.by(),
                        Timestamp.from(e.at()));
        timeline(e.changeId(), "ChangeInitiated", e.at(), e.by(), null, e.comment());
    }

    @EventHandler
    void on(DivisionApproved e) {
        status(e.changeId(), ChangeStatus.DIVISION_APPROVED);
        timeline(e.changeId(), "DivisionApproved", e.at(), e.by(), e.onBehalfOf(), e.comment());
    }

    @EventHandler
    void on(DeputyApproved e) {
        RegisterSettings.Settings settings = registers.of(e.registerId());
        LocalDate madeOn = PublicationDeadline.madeOn(e.at(), e.orderDate(), settings.zone());
        PublicationDeadline.Counted counted = settings.deadlineWorkingDays() == null ? PublicationDeadline.Counted.NONE
                : PublicationDeadline.count(calendar, madeOn, settings.deadlineWorkingDays(), settings.region());
        LocalDate due = counted.dueDate();
        if (counted.problem() != null) {
            log.warn("No due date for change {}: {}", e.changeId(), counted.problem());
        }
        jdbc.update("""
                        update q_change set status = ?, approved_at = ?, approved_on = ?, order_number = ?, order_date = ?,
                                            due_date = ?, due_note = ?, due_problem = ?, due_unknown = ?
                        where change_id = ?""",
                        ChangeStatus.APPROVED.name(), Timestamp.from(e.at()), Date.valueOf(madeOn), e.orderNumber(),
                        e.orderDate() == null ? null : Date.valueOf(e.orderDate()), due == null ? null : Date.valueOf(due),
                        counted.note(), counted.problem(), counted.unknown(), e.changeId());
        String comment = e.orderNumber() == null ? e.comment()
                : join(e.comment(), "Приказ № " + e.orderNumber() + (e.orderDate() == null ? "" : " от " + Words.date(e.orderDate())));
        timeline(e.changeId(), "DeputyApproved", e.at(), e.by(), e.onBehalfOf(), comment);
    }

    @EventHandler
    void on(PublicationDeadlineMissed e) {
        jdbc.update("update q_change set deadline_missed_at = ? where change_id = ?", Timestamp.from(e.at()), e.changeId());
        timeline(e.changeId(), "PublicationDeadlineMissed", e.at(), e.by(), null, "Срок публикации " + Words.date(e.dueDate()) + " истёк");
    }

    @EventHandler
    void on(ChangeRejected e) {
        status(e.changeId(), ChangeStatus.REJECTED);
        timeline(e.changeId(), "ChangeRejected", e.at(), e.by(), e.onBehalfOf(), e.reason());
    }

    @EventHandler
    void on(ChangeWithdrawn e) {
        status(e.changeId(), ChangeStatus.WITHDRAWN);
        timeline(e.changeId(), "ChangeWithdrawn", e.at(), e.by(), null, null);
    }

    @EventHandler
    void on(Published e) {
        if (e.coveredChangeIds().isEmpty()) {
            return;
        }
        LocalDate publishedOn = e.publishedAt().atZone(registers.of(e.registerId()).zone()).toLocalDate();
        jdbc.update("""
                        update q_change set status = ?, published_version = ?, published_at = ?, published_on = ?
                        where change_id = any(cast(? as varchar[]))""",
                        ChangeStatus.PUBLISHED.name(), e.version(), Timestamp.from(e.publishedAt()),
                        Date.valueOf(publishedOn), e.coveredChangeIds().toArray(String[]::new));
        for (String changeId : e.coveredChangeIds()) {
            timeline(changeId, "Published", e.at(), e.by(), null, "Редакция " + e.version() + ": " + e.url());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate q_change, q_change_timeline");
    }

    private void status(String changeId, ChangeStatus status) {
        jdbc.update("update q_change set status = ? where change_id = ?", status.name(), changeId);
    }

    /** One entry per event of the change; the change's version counts them, as the register aggregate does. */
    private void timeline(String changeId, String event, java.time.Instant at, String by, String onBehalfOf,
                          String comment) {
        jdbc.update("insert into q_change_timeline(change_id, event, at, by_user, on_behalf_of, comment) values (?, ?, ?, ?, ?, ?)",
                changeId, event, Timestamp.from(at), by, onBehalfOf, comment);
        jdbc.update("update q_change set version = version + 1 where change_id = ?", changeId);
    }

    private static String join(String a, String b) {
        return a == null || a.isBlank() ? b : a + ". " + b;
    }
}

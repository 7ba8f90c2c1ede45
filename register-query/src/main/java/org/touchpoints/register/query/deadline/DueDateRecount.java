package org.touchpoints.register.query.deadline;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.touchpoints.register.query.calendar.CalendarChanged;
import org.touchpoints.register.platform.calendar.ProductionCalendar;

/**
 * Counts again the due dates that were refused (a federal year or a regional overlay not loaded) once the calendar
 * changed: an uploaded year or a "federal only" mark. The count is the one the change projection makes on the final
 * approval ({@link PublicationDeadline#count}) from the stored day the change was made, so a rebuild of the read models
 * gives the same due dates.
 */
@Service
public class DueDateRecount {
    private static final Logger log = LoggerFactory.getLogger(DueDateRecount.class);

    private record Refused(String changeId, LocalDate madeOn, int workingDays, String region, String problem) {
    }

    private final JdbcClient jdbc;
    private final ProductionCalendar calendar;

    public DueDateRecount(JdbcClient jdbc, ProductionCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @EventListener
    public void on(CalendarChanged changed) {
        int counted = recountRefused();
        if (counted > 0) {
            log.info("Calendar changed ({} {}): {} refused due date(s) counted now", changed.region(), changed.year(), counted);
        }
    }

    /** @return how many refused due dates could be counted now */
    public int recountRefused() {
        List<Refused> refused = jdbc.sql("""
                        select c.change_id, c.approved_on, r.deadline_days, r.region, c.due_problem
                        from q_change c join q_register r on r.register_id = c.register_id
                        where c.approved_at is not null and c.due_date is null and c.due_problem is not null
                          and r.deadline_days is not null""")
                .query((rs, i) -> new Refused(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3), rs.getString(4),
                        rs.getString(5)))
                .list();
        int counted = 0;
        for (Refused r : refused) {
            PublicationDeadline.Counted now = PublicationDeadline.count(calendar, r.madeOn(), r.workingDays(), r.region());
            if (now.dueDate() != null) {
                counted += jdbc.sql("""
                                update q_change set due_date = ?, due_note = ?, due_problem = null, due_unknown = null
                                where change_id = ? and due_date is null""")
                        .params(Date.valueOf(now.dueDate()), now.note(), r.changeId()).update();
            } else if (!now.problem().equals(r.problem())) {
                jdbc.sql("update q_change set due_problem = ?, due_unknown = ? where change_id = ? and due_date is null")
                        .params(now.problem(), now.unknown(), r.changeId()).update();
            }
        }
        return counted;
    }
}

package org.touchpoints.register.query.deadline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.touchpoints.register.query.calendar.CalendarYearMissingException;
import org.touchpoints.register.query.calendar.ProductionCalendar;

/**
 * The deadline of every approved change, as of now: due date, working days left (negative: overdue by that
 * many working days) and status. Statuses move with the clock alone; the due dates are in the read model.
 */
@Service
public class DeadlineBoard {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeadlineView(String changeId, String registerId, String division, LocalDate approvedOn,
                               LocalDate dueDate, Integer workingDaysLeft, PublicationDeadline.Status status,
                               LocalDate publishedOn) {
    }

    private record Row(String changeId, String registerId, String division, LocalDate approvedOn, LocalDate dueDate,
                       LocalDate publishedOn, String zone, String region) {
    }

    private final JdbcClient jdbc;
    private final ProductionCalendar calendar;
    private final Clock clock;

    public DeadlineBoard(JdbcClient jdbc, ProductionCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** @param registerId one register, or null for every register of the deployment */
    public List<DeadlineView> deadlines(String registerId) {
        List<Row> rows = jdbc.sql("""
                        select c.change_id, c.register_id, c.division, c.approved_on, c.due_date, c.published_on,
                               r.time_zone, r.region
                        from q_change c join q_register r on r.register_id = c.register_id
                        where c.approved_at is not null and c.due_date is not null
                          and (cast(? as varchar) is null or c.register_id = ?)
                        order by c.due_date, c.change_id""")
                .params(registerId, registerId)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(),
                        rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8)))
                .list();
        List<DeadlineView> views = new ArrayList<>(rows.size());
        for (Row r : rows) {
            LocalDate today = clock.instant().atZone(ZoneId.of(r.zone())).toLocalDate();
            LocalDate reference = r.publishedOn() != null ? r.publishedOn() : today;
            Integer left = workingDaysLeft(reference, r.dueDate(), r.region());
            PublicationDeadline.Status s = PublicationDeadline.status(r.dueDate(), r.publishedOn(),
                    left == null ? Integer.MAX_VALUE : left, today);
            views.add(new DeadlineView(r.changeId(), r.registerId(), r.division(), r.approvedOn(), r.dueDate(), left, s,
                    r.publishedOn()));
        }
        return views;
    }

    private Integer workingDaysLeft(LocalDate from, LocalDate due, String region) {
        try {
            return calendar.workingDaysBetween(from, due, region);
        } catch (CalendarYearMissingException e) {
            return null;
        }
    }
}

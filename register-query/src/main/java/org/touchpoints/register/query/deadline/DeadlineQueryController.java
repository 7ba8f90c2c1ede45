package org.touchpoints.register.query.deadline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.query.calendar.CalendarYearMissingException;
import org.touchpoints.register.query.calendar.ProductionCalendar;

/** One entry per approved change of a register with a deadline: due date, working days left, status. */
@RestController
@RequestMapping("/api/v1/deadlines")
@Tag(name = "Сроки публикации")
public class DeadlineQueryController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeadlineView(String changeId, String registerId, String division, LocalDate approvedOn,
                               LocalDate dueDate, Integer workingDaysLeft, PublicationDeadline.Status status,
                               LocalDate publishedOn) {
    }

    private final JdbcClient jdbc;
    private final ProductionCalendar calendar;
    private final Clock clock;

    public DeadlineQueryController(JdbcClient jdbc, ProductionCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    private record Row(String changeId, String registerId, String division, LocalDate approvedOn, LocalDate dueDate,
                       LocalDate publishedOn, String zone, String region) {
    }

    @GetMapping
    @Operation(summary = "Сроки публикации утверждённых изменений по всем перечням (или одному)",
            description = "status: PENDING, AT_RISK (осталось не более 2 рабочих дней), OVERDUE, PUBLISHED_ON_TIME, PUBLISHED_LATE. "
                    + "workingDaysLeft — рабочих дней до срока (отрицательное — просрочено на столько дней).")
    public List<DeadlineView> deadlines(@RequestParam(required = false) String registerId,
                                        @RequestParam(required = false) PublicationDeadline.Status status) {
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
        List<DeadlineView> views = new ArrayList<>();
        for (Row r : rows) {
            LocalDate today = clock.instant().atZone(ZoneId.of(r.zone())).toLocalDate();
            LocalDate reference = r.publishedOn() != null ? r.publishedOn() : today;
            Integer left = workingDaysLeft(reference, r.dueDate(), r.region());
            PublicationDeadline.Status s = PublicationDeadline.status(r.dueDate(), r.publishedOn(),
                    left == null ? Integer.MAX_VALUE : left, today);
            if (status == null || status == s) {
                views.add(new DeadlineView(r.changeId(), r.registerId(), r.division(), r.approvedOn(), r.dueDate(), left,
                        s, r.publishedOn()));
            }
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

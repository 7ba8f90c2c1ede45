package org.touchpoints.register.query.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.api.rule.SaneRange;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.query.register.RegisterReadAccess;

/**
 * Annual monitoring across registers: for each division of each register whose procedure has annual monitoring
 * (seed 001 §5.5; registers created without a procedure keep today's, by 31 December), whether it confirmed the review
 * of its part for the year. Not confirmed by the procedure's date (authority's time zone) is OVERDUE; a confirmation
 * after that date is shown as {@code late}.
 */
@RestController
@RequestMapping("/api/v1/annual-reviews")
@Tag(name = "Ежегодный мониторинг")
public class AnnualReviewQueryController {
    public enum Status {
        CONFIRMED,
        PENDING,
        OVERDUE
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReviewView(
            String registerId,
            String division,
            String divisionName,
            int year,
            LocalDate dueDate,
            Status status,
            Instant confirmedAt,
            String confirmedBy,
            boolean late) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RegisterReadAccess access;

    public AnnualReviewQueryController(JdbcClient jdbc, Clock clock, RegisterReadAccess access) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
    }

    @GetMapping
    @Operation(
            summary = "Ежегодный мониторинг перечня подразделениями: кто подтвердил, кто нет (срок — по порядку "
                    + "ведения перечня, например 31 декабря; перечни без ежегодного мониторинга не показываются; late — "
                    + "подтверждено после срока)",
            description = "По перечням, в которых у вызывающего есть роль (аудитору и администратору — по всем).")
    public List<ReviewView> reviews(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String registerId,
            @RequestParam(required = false) Status status) {
        if (registerId != null) {
            access.requireReadable(registerId);
        }
        if (year != null && (year < SaneRange.EARLIEST.getYear() || year > SaneRange.LATEST.getYear())) {
            throw ApiException.badRequest(
                    "year", "Год проверки — от " + SaneRange.EARLIEST.getYear() + " до " + SaneRange.LATEST.getYear());
        }
        RegisterReadAccess.Scope scope = access.scope();
        int y = year != null
                ? year
                : clock.instant().atZone(ZoneId.of("Europe/Moscow")).getYear();
        return jdbc
                .sql("""
                        select d.register_id, d.division_id, d.name, r.time_zone, a.confirmed_at, a.by_user, x.review_by
                        from q_division d join q_register r on r.register_id = d.register_id
                        cross join lateral (select case when r.procedure is null then '12-31'
                                                        else r.procedure ->> 'annualReviewBy' end as review_by) x
                        left join q_annual_review a on a.register_id = d.register_id and a.division_id = d.division_id
                                                   and a.year = ?
                        where (cast(? as varchar) is null or d.register_id = ?) and x.review_by is not null
                        order by d.register_id, d.division_id""")
                .params(y, registerId, registerId)
                .query((rs, i) -> {
                    LocalDate due = MonthDay.parse("--" + rs.getString(7)).atYear(y);
                    ZoneId zone = ZoneId.of(rs.getString(4));
                    Instant confirmed = rs.getTimestamp(5) == null
                            ? null
                            : rs.getTimestamp(5).toInstant();
                    LocalDate today = clock.instant().atZone(zone).toLocalDate();
                    Status s =
                            confirmed != null ? Status.CONFIRMED : today.isAfter(due) ? Status.OVERDUE : Status.PENDING;
                    boolean late = confirmed != null
                            && confirmed.atZone(zone).toLocalDate().isAfter(due);
                    return new ReviewView(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            y,
                            due,
                            s,
                            confirmed,
                            rs.getString(6),
                            late);
                })
                .list()
                .stream()
                .filter(v -> scope.includes(v.registerId()))
                .filter(v -> status == null || v.status() == status)
                .toList();
    }
}

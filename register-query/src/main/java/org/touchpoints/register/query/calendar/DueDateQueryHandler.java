package org.touchpoints.register.query.calendar;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.calendar.CalculateDueDateQuery;
import org.touchpoints.register.api.calendar.DueDate;

/**
 * Answers {@link CalculateDueDateQuery} for the command side, which returns the due date after the final
 * approval. Refusals: {@link CalendarArgumentException} (malformed query) and
 * {@link CalendarYearMissingException} (the count reaches a year that is not loaded).
 */
@Component
public class DueDateQueryHandler {
    private final ProductionCalendar calendar;

    public DueDateQueryHandler(ProductionCalendar calendar) {
        this.calendar = calendar;
    }

    @QueryHandler
    public DueDate handle(CalculateDueDateQuery query) {
        return calendar.dueDate(
                DueDateArguments.madeAt(query.madeAt()),
                DueDateArguments.workingDays(query.workingDays()),
                DueDateArguments.zone(query.zone()),
                DueDateArguments.region(query.region()));
    }
}

package org.touchpoints.register.api.calendar;

import java.time.LocalDate;

/**
 * The answer to {@link CalculateDueDateQuery}.
 *
 * @param madeOn  the local date, in the authority's time zone, on which the change was made
 * @param dueDate the last day on which publication is on time
 */
public record DueDate(LocalDate madeOn, LocalDate dueDate) {
}

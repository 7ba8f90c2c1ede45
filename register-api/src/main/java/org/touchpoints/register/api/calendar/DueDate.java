package org.touchpoints.register.api.calendar;

import java.time.LocalDate;

/**
 * A due date counted by the production calendar (the answer of {@code GET /api/v1/calendar/due-date}).
 *
 * @param madeOn  the local date, in the authority's time zone, on which the change was made
 * @param dueDate the last day on which publication is on time
 */
public record DueDate(LocalDate madeOn, LocalDate dueDate) {}

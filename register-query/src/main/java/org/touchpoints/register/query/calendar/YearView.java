package org.touchpoints.register.query.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A year as an authority sees it: the federal calendar plus its region's overlay.
 *
 * @param year               the calendar year
 * @param nonWorkingDays     every non-working Monday–Friday (federal and regional), sorted
 * @param workingWeekendDays every Saturday or Sunday that is a working day, sorted
 * @param workingDayCount    the number of working days in the year
 */
public record YearView(int year, List<LocalDate> nonWorkingDays, List<LocalDate> workingWeekendDays,
                       int workingDayCount) {
    public YearView {
        nonWorkingDays = List.copyOf(nonWorkingDays);
        workingWeekendDays = List.copyOf(workingWeekendDays);
    }
}

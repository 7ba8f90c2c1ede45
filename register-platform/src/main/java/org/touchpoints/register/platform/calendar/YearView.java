package org.touchpoints.register.platform.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A year as an authority sees it: the federal calendar plus its region's overlay.
 *
 * @param year               the calendar year
 * @param nonWorkingDays     every non-working Monday–Friday (federal and regional), sorted
 * @param workingWeekendDays every Saturday or Sunday that is a working day, sorted
 * @param workingDayCount    the number of working days in the year
 * @param federalOnly        the region has regional non-working days but not for this year, and an administrator
 *                           marked the year "federal only": the view is the federal calendar, said so
 */
public record YearView(
        int year,
        List<LocalDate> nonWorkingDays,
        List<LocalDate> workingWeekendDays,
        int workingDayCount,
        boolean federalOnly) {
    public YearView {
        nonWorkingDays = List.copyOf(nonWorkingDays);
        workingWeekendDays = List.copyOf(workingWeekendDays);
    }

    public YearView(int year, List<LocalDate> nonWorkingDays, List<LocalDate> workingWeekendDays, int workingDayCount) {
        this(year, nonWorkingDays, workingWeekendDays, workingDayCount, false);
    }
}

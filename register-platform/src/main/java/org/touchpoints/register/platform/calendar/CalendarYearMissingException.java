package org.touchpoints.register.platform.calendar;

/**
 * A date falls in a year whose federal production calendar has not been loaded, or (the subclass
 * {@link RegionalCalendarMissingException}) whose regional overlay is missing for a region that has one: the count is
 * refused, never guessed.
 */
public class CalendarYearMissingException extends RuntimeException {
    private final int year;

    public CalendarYearMissingException(int year) {
        this(year, "Производственный календарь на " + year + " год не загружен");
    }

    protected CalendarYearMissingException(int year, String message) {
        super(message);
        this.year = year;
    }

    public int year() {
        return year;
    }
}

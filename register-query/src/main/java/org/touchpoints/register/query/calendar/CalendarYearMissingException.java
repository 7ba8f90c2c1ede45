package org.touchpoints.register.query.calendar;

/** A date falls in a year whose federal production calendar has not been loaded. */
public class CalendarYearMissingException extends RuntimeException {
    private final int year;

    public CalendarYearMissingException(int year) {
        super("Производственный календарь на " + year + " год не загружен");
        this.year = year;
    }

    public int year() {
        return year;
    }
}

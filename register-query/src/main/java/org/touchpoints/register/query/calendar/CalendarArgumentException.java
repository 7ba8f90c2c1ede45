package org.touchpoints.register.query.calendar;

/** A malformed argument of a due-date calculation, naming the field, with a message in Russian. */
public class CalendarArgumentException extends IllegalArgumentException {
    private final String field;

    public CalendarArgumentException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

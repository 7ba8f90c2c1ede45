package org.touchpoints.register.platform.calendar;

import java.util.List;
import org.touchpoints.register.api.rule.FieldError;

/** A calendar file (bundled, in the external directory, or uploaded) that is refused, with every reason. */
public class InvalidCalendarException extends IllegalArgumentException {
    private final List<FieldError> errors;

    public InvalidCalendarException(List<FieldError> errors) {
        super("Производственный календарь отклонён: "
                + String.join(
                        "; ",
                        errors.stream()
                                .map(e -> e.field().isEmpty() ? e.message() : e.field() + ": " + e.message())
                                .toList()));
        this.errors = List.copyOf(errors);
    }

    public InvalidCalendarException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}

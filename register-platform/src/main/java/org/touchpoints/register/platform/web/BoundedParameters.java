package org.touchpoints.register.platform.web;

import java.beans.PropertyEditorSupport;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.format.datetime.standard.InstantFormatter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.touchpoints.register.api.rule.SaneRange;

/**
 * Dates and moments in request parameters and path variables ({@code asOf}, {@code from}, {@code to}, …) lie in
 * {@link SaneRange}: {@code +999999999-12-31} or {@code -1000000000-01-01T00:00:00Z} is refused with 400 before any
 * read model or database sees it (they would fail on it with a 500). Parsed as Spring parses them (ISO dates;
 * moments as ISO instants, epoch milliseconds or RFC 1123); form objects ({@code @ModelAttribute}) are left to
 * their own checks.
 */
@ControllerAdvice
public class BoundedParameters {

    /** A parameter's date beyond the range; its message is the Russian answer. */
    public static final class OutOfRange extends IllegalArgumentException {
        OutOfRange(String value) {
            super("Значение «" + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                    + "» вне допустимого диапазона: допустимы даты " + SaneRange.described());
        }
    }

    @InitBinder
    void bounded(WebDataBinder binder) {
        if (binder.getTarget() != null) {
            return; // a form object: its fields are checked where it is handled
        }
        binder.registerCustomEditor(LocalDate.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text == null || text.isBlank()) {
                    setValue(null);
                    return;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(text.strip());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Дата «" + text + "» не распознана", e);
                }
                if (!SaneRange.contains(date)) {
                    throw new OutOfRange(text);
                }
                setValue(date);
            }
        });
        binder.registerCustomEditor(Instant.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text == null || text.isBlank()) {
                    setValue(null);
                    return;
                }
                Instant at;
                try {
                    at = new InstantFormatter().parse(text.strip(), Locale.ROOT);
                } catch (ParseException | RuntimeException e) {
                    throw new IllegalArgumentException("Момент «" + text + "» не распознан", e);
                }
                if (!SaneRange.contains(at)) {
                    throw new OutOfRange(text);
                }
                setValue(at);
            }
        });
    }
}

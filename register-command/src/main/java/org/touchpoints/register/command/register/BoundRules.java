package org.touchpoints.register.command.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.api.rule.SaneRange;

/**
 * Bounded values at the edge of the aggregate: every date and moment a command carries lies in
 * {@link SaneRange} (01.01.2000 … 31.12.2100), so what becomes an event is something every reader can store.
 * What a date means (an order not in the future, a period of at most three years…) is checked by the rules of
 * its own feature ({@link ChangeRules}, {@link DelegationRules}, {@link RegisterRules}).
 */
final class BoundRules {
    static final String DATES_WITHIN_THE_SANE_RANGE = "datesWithinTheSaneRange";

    private BoundRules() {}

    /** A date or moment of a command, with the field that carries it and its Russian name. */
    record Dated(String field, String label, Object value) {}

    static Dated dated(String field, String label, LocalDate value) {
        return new Dated(field, label, value);
    }

    static Dated dated(String field, String label, Instant value) {
        return new Dated(field, label, value);
    }

    /** datesWithinTheSaneRange: every date and moment given lies from 01.01.2000 to 31.12.2100 (absent ones pass). */
    static void datesWithinTheSaneRange(Dated... values) {
        List<FieldError> errors = new ArrayList<>();
        for (Dated d : values) {
            boolean inRange = d.value() instanceof LocalDate date
                    ? SaneRange.contains(date)
                    : !(d.value() instanceof Instant at) || SaneRange.contains(at);
            if (!inRange) {
                errors.add(SaneRange.outside(d.field(), d.label()));
            }
        }
        Violations.requireNoErrors(DATES_WITHIN_THE_SANE_RANGE, errors);
    }
}

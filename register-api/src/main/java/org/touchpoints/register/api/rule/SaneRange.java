package org.touchpoints.register.api.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The dates and moments this service accepts from anyone: 01.01.2000 … 31.12.2100. An event is forever and every
 * read model must be able to store what it carries (PostgreSQL, Java's {@code java.sql} types, the exports), so a
 * date beyond this range never reaches an event; a query parameter beyond it is refused with 400. The one home of
 * the range, shared by the command side's rules and the query side's parameters.
 */
public final class SaneRange {
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final Instant FIRST_MOMENT =
            EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant LAST_MOMENT =
            LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final DateTimeFormatter RUSSIAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private SaneRange() {}

    public static boolean contains(LocalDate date) {
        return date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST));
    }

    /** A moment from 2000-01-01T00:00:00Z up to the end of 2100-12-31 in UTC. */
    public static boolean contains(Instant at) {
        return at == null || (!at.isBefore(FIRST_MOMENT) && at.isBefore(LAST_MOMENT));
    }

    /** «с 01.01.2000 по 31.12.2100», for the messages. */
    public static String described() {
        return "с " + EARLIEST.format(RUSSIAN) + " по " + LATEST.format(RUSSIAN);
    }

    /** The field error for a value beyond the range, named by its Russian {@code label}. */
    public static FieldError outside(String field, String label) {
        return new FieldError(field, label + ": допустимы даты " + described());
    }
}

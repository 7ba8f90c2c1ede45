package org.touchpoints.register.query.calendar;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.touchpoints.register.api.rule.SaneRange;
import org.touchpoints.register.platform.calendar.ProductionCalendar;

/**
 * The one home of the checks on a due-date request, shared by the HTTP endpoint and the query handler.
 * Each failure is a {@link CalendarArgumentException} naming the field.
 */
final class DueDateArguments {
    static final int MIN_WORKING_DAYS = 1;
    static final int MAX_WORKING_DAYS = 60;

    private DueDateArguments() {}

    static Instant madeAt(String value) {
        if (value == null || value.isBlank()) {
            throw new CalendarArgumentException(
                    "madeAt", "Не указан момент изменения madeAt, например 2024-12-27T18:30:00Z");
        }
        Instant madeAt;
        try {
            // an unencoded '+' of an offset arrives as a space in a query string; a space is never valid here
            madeAt = Instant.parse(value.strip().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw new CalendarArgumentException(
                    "madeAt",
                    "Момент изменения «" + value.strip()
                            + "» не распознан; ожидается момент ISO 8601, например 2024-12-27T18:30:00Z");
        }
        return madeAt(madeAt);
    }

    static Instant madeAt(Instant value) {
        if (value == null) {
            throw new CalendarArgumentException("madeAt", "Не указан момент изменения madeAt");
        }
        if (!SaneRange.contains(value)) {
            throw new CalendarArgumentException(
                    "madeAt", "Момент изменения вне допустимого диапазона: допустимы даты " + SaneRange.described());
        }
        return value;
    }

    static int workingDays(String value) {
        if (value == null || value.isBlank()) {
            throw new CalendarArgumentException("workingDays", "Не указано число рабочих дней workingDays");
        }
        try {
            return workingDays(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new CalendarArgumentException("workingDays", outOfRange());
        }
    }

    static int workingDays(int value) {
        if (value < MIN_WORKING_DAYS || value > MAX_WORKING_DAYS) {
            throw new CalendarArgumentException("workingDays", outOfRange());
        }
        return value;
    }

    static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            throw new CalendarArgumentException("zone", "Не указан часовой пояс органа zone, например Europe/Moscow");
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new CalendarArgumentException(
                    "zone",
                    "Неизвестный часовой пояс «" + value.strip()
                            + "»; ожидается идентификатор IANA, например Europe/Moscow или Asia/Novosibirsk");
        }
    }

    static String region(String value) {
        try {
            return ProductionCalendar.normalizeRegion(value);
        } catch (IllegalArgumentException e) {
            throw new CalendarArgumentException("region", e.getMessage());
        }
    }

    private static String outOfRange() {
        return "Число рабочих дней workingDays должно быть целым числом от " + MIN_WORKING_DAYS + " до "
                + MAX_WORKING_DAYS;
    }
}

package org.touchpoints.register.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.rule.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks one calendar file. Everything wrong with a file is reported at once, field by field,
 * so an administrator fixes an upload in one round:
 * <ul>
 *   <li>{@code year} is a whole number, and every date belongs to that year;</li>
 *   <li>{@code nonWorkingDays} are Monday–Friday (weekends are non-working anyway);</li>
 *   <li>{@code workingWeekendDays} are Saturdays or Sundays;</li>
 *   <li>a federal file lists every non-working holiday of art. 112 of the Labour Code that falls on a
 *       weekday (they are never working days, so a missing one is a typo);</li>
 *   <li>no unknown fields, no duplicates.</li>
 * </ul>
 */
public final class CalendarJson {
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2199;
    private static final int MAX_SOURCE_LENGTH = 2000;

    /** Art. 112 of the Labour Code: the federal non-working holidays. */
    private static final List<MonthDay> LABOUR_CODE_HOLIDAYS = List.of(
            MonthDay.of(1, 1),
            MonthDay.of(1, 2),
            MonthDay.of(1, 3),
            MonthDay.of(1, 4),
            MonthDay.of(1, 5),
            MonthDay.of(1, 6),
            MonthDay.of(1, 7),
            MonthDay.of(1, 8),
            MonthDay.of(2, 23),
            MonthDay.of(3, 8),
            MonthDay.of(5, 1),
            MonthDay.of(5, 9),
            MonthDay.of(6, 12),
            MonthDay.of(11, 4));

    private static final Set<String> FEDERAL_FIELDS = Set.of("year", "source", "nonWorkingDays", "workingWeekendDays");
    private static final Set<String> REGION_FIELDS =
            Set.of("year", "region", "source", "nonWorkingDays", "workingWeekendDays");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CalendarJson() {}

    static CalendarYear parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidCalendarException("", "файл календаря пуст");
        }
        if (json.charAt(0) == '\uFEFF') {
            json = json.substring(1); // a byte-order mark left by some editors
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1
                    ? ""
                    : " (строка " + at.getLineNr() + ", позиция " + at.getColumnNr() + ")";
            throw new InvalidCalendarException("", "файл календаря не является корректным JSON" + where);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidCalendarException(
                    "", "ожидается JSON-объект с полями year, source, nonWorkingDays, workingWeekendDays");
        }
        return new Reader(root).read();
    }

    private static final class Reader {
        private final JsonNode root;
        private final List<FieldError> errors = new ArrayList<>();

        Reader(JsonNode root) {
            this.root = root;
        }

        CalendarYear read() {
            String region = region();
            boolean federal = region == null;
            Set<String> allowed = federal ? FEDERAL_FIELDS : REGION_FIELDS;
            for (String name : root.propertyNames()) {
                if (!allowed.contains(name)) {
                    error(name, "неизвестное поле; допустимы: " + String.join(", ", new TreeSet<>(allowed)));
                }
            }
            Integer year = year();
            String source = source();
            TreeSet<LocalDate> nonWorking = dates("nonWorkingDays", year, true, false);
            TreeSet<LocalDate> workingWeekend = dates("workingWeekendDays", year, federal, true);
            if (federal && year != null && errors.isEmpty()) {
                for (MonthDay holiday : LABOUR_CODE_HOLIDAYS) {
                    LocalDate day = holiday.atYear(year);
                    if (!isWeekend(day) && !nonWorking.contains(day)) {
                        error(
                                "nonWorkingDays",
                                "не указан нерабочий праздничный день " + day + " (ст. 112 ТК РФ), выпадающий на "
                                        + dayName(day));
                    }
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidCalendarException(errors);
            }
            return new CalendarYear(year, region, source, nonWorking, workingWeekend);
        }

        private String region() {
            JsonNode node = root.get("region");
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isString()) {
                error("region", "код региона должен быть строкой, например \"RU-DA\"");
                return null;
            }
            try {
                String region = ProductionCalendar.normalizeRegion(node.stringValue());
                if (region == null) {
                    error("region", "код региона пуст; для федерального календаря не указывайте поле region");
                }
                return region;
            } catch (IllegalArgumentException e) {
                error("region", e.getMessage());
                return null;
            }
        }

        private Integer year() {
            JsonNode node = root.get("year");
            if (node == null || node.isNull()) {
                error("year", "не указан год");
                return null;
            }
            if (!node.isIntegralNumber()
                    || !node.canConvertToInt()
                    || node.intValue() < MIN_YEAR
                    || node.intValue() > MAX_YEAR) {
                error("year", "год должен быть целым числом от " + MIN_YEAR + " до " + MAX_YEAR);
                return null;
            }
            return node.intValue();
        }

        private String source() {
            JsonNode node = root.get("source");
            if (node == null || !node.isString() || node.stringValue().isBlank()) {
                error("source", "укажите источник: реквизиты постановления (указа), которым установлены даты");
                return null;
            }
            String source = node.stringValue().strip();
            if (source.length() > MAX_SOURCE_LENGTH) {
                error("source", "источник длиннее " + MAX_SOURCE_LENGTH + " символов");
            }
            if (Text.hasControlCharacters(source)) {
                error("source", "источник содержит недопустимые управляющие символы");
            }
            return source;
        }

        private TreeSet<LocalDate> dates(String field, Integer year, boolean required, boolean weekend) {
            TreeSet<LocalDate> dates = new TreeSet<>();
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                if (required) {
                    error(field, "поле обязательно (может быть пустым списком [])");
                }
                return dates;
            }
            if (!node.isArray()) {
                error(field, "ожидается список дат вида \"2025-01-01\"");
                return dates;
            }
            int i = 0;
            for (JsonNode item : node.values()) {
                String at = field + "[" + i++ + "]";
                LocalDate day;
                try {
                    day = item.isString() ? LocalDate.parse(item.stringValue()) : null;
                } catch (DateTimeParseException e) {
                    day = null;
                }
                if (day == null) {
                    error(at, "ожидается дата вида \"2025-01-01\", получено " + item);
                    continue;
                }
                if (year != null && day.getYear() != year) {
                    error(at, "дата " + day + " не относится к " + year + " году");
                } else if (weekend && !isWeekend(day)) {
                    error(
                            at,
                            "дата " + day + " приходится на " + dayName(day)
                                    + "; рабочими выходными днями могут быть только суббота и воскресенье");
                } else if (!weekend && isWeekend(day)) {
                    error(
                            at,
                            "дата " + day + " приходится на " + dayName(day)
                                    + "; в nonWorkingDays указываются только дни с понедельника по пятницу");
                }
                if (!dates.add(day)) {
                    error(at, "дата " + day + " указана дважды");
                }
            }
            return dates;
        }

        private void error(String field, String message) {
            errors.add(new FieldError(field, message));
        }
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static final Map<DayOfWeek, String> DAY_NAMES = Map.of(
            DayOfWeek.MONDAY,
            "понедельник",
            DayOfWeek.TUESDAY,
            "вторник",
            DayOfWeek.WEDNESDAY,
            "среду",
            DayOfWeek.THURSDAY,
            "четверг",
            DayOfWeek.FRIDAY,
            "пятницу",
            DayOfWeek.SATURDAY,
            "субботу",
            DayOfWeek.SUNDAY,
            "воскресенье");

    private static String dayName(LocalDate day) {
        return DAY_NAMES.get(day.getDayOfWeek());
    }
}

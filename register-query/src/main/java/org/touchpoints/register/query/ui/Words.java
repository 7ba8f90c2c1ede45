package org.touchpoints.register.query.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Dates, times and time zones as a Russian civil servant writes them: дд.мм.гггг, ЧЧ:ММ, «московское время».
 * Pages and files for people use these; the API keeps ISO-8601. Templates reach them as {@code @words}.
 */
@org.springframework.stereotype.Component("words")
public class Words {
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    public static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    /** The zones the registers use, in words; any other zone is shown by its id. */
    private static final Map<String, String> ZONES = Map.of(
            "Europe/Moscow", "московское время",
            "Europe/Astrakhan", "астраханское время (МСК+1)",
            "Asia/Novosibirsk", "новосибирское время (МСК+4)",
            "Europe/Samara", "самарское время (МСК+1)",
            "Asia/Yekaterinburg", "екатеринбургское время (МСК+2)",
            "Europe/Kaliningrad", "калининградское время (МСК−1)",
            "UTC", "всемирное координированное время (UTC)");

    public Words() {}

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String dateTime(Instant at, ZoneId zone) {
        return at == null ? "" : DATE_TIME.format(at.atZone(zone));
    }

    public static String dateTime(Instant at, String zone) {
        return dateTime(at, ZoneId.of(zone));
    }

    /** «московское время» for Europe/Moscow; the id for a zone without words. */
    public static String zone(String zoneId) {
        return zoneId == null ? "" : ZONES.getOrDefault(zoneId, zoneId);
    }

    public static String zone(ZoneId zone) {
        return zone == null ? "" : zone(zone.getId());
    }

    /** An ISO date (2026-11-27) as дд.мм.гггг; any other text as it is. */
    public static String isoDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return date(LocalDate.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            return text;
        }
    }

    /** ISO dates inside a sentence written by the system («Приказ № 15-п от 2026-11-27») as дд.мм.гггг. */
    public static String isoDatesIn(String text) {
        return text == null ? null : text.replaceAll("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b(?!T)", "$3.$2.$1");
    }
}

package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.touchpoints.register.platform.calendar.ProductionCalendar;

/**
 * A calendar upload reaches every instance of both sides: what another instance took (its row in the platform's
 * {@code calendar_file}) is taken in here at the next refresh (before a count, at start and every 30 s); what this
 * one took is recorded for the others.
 */
class CalendarSyncIT extends ApplicationIT {
    static final String YEAR_2033 = year(2033);
    static final String YEAR_2034 = year(2034);

    /** A calendar file of the year with the holidays of art. 112 of the Labour Code that fall on weekdays. */
    static String year(int year) {
        List<String> days = new ArrayList<>();
        for (MonthDay holiday : List.of(
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
                MonthDay.of(11, 4))) {
            LocalDate date = holiday.atYear(year);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add("\"" + date + "\"");
            }
        }
        return "{\"year\":" + year + ",\"source\":\"Проект постановления на " + year + " год (для проверки)\","
                + "\"nonWorkingDays\":[" + String.join(",", days) + "],\"workingWeekendDays\":[]}";
    }

    @Autowired
    ProductionCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aYearAnotherReplicaTookIsLoadedHereAtTheNextPoll() {
        assertThat(api.get("/api/v1/calendar/2033").status())
                .as("not loaded yet")
                .isEqualTo(400);
        jdbc.sql(
                        "insert into calendar_file(region, year, json, fingerprint, loaded_at) values ('', 2033, ?, 'other', now())")
                .param(YEAR_2033)
                .update(); // another instance's upload

        assertThat(calendar.refresh()).as("taken in").isTrue();
        assertThat(ok(api.get("/api/v1/calendar/2033")).json().get("year").asInt())
                .isEqualTo(2033);
        assertThat(calendar.refresh()).as("taken in once").isFalse();
    }

    @Test
    void aYearThisReplicaTookIsRecordedForTheOthers() {
        ok(api.as("admin").post("/api/v1/calendar", YEAR_2034));
        assertThat(jdbc.sql("select count(*) from calendar_file where region = '' and year = 2034")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(ok(api.get("/api/v1/calendar/2034")).json().get("year").asInt())
                .isEqualTo(2034);
    }
}

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
import org.touchpoints.register.query.calendar.CalendarSync;

/**
 * A calendar upload reaches every query replica: what another replica took (its row in calendar_upload) is loaded
 * here at the next poll; what this one took is recorded for the others and not loaded twice.
 */
class CalendarSyncIT extends ApplicationIT {
    static final String YEAR_2033 = year(2033);
    static final String YEAR_2034 = year(2034);

    /** A calendar file of the year with the holidays of art. 112 of the Labour Code that fall on weekdays. */
    static String year(int year) {
        List<String> days = new ArrayList<>();
        for (MonthDay holiday : List.of(MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(1, 4),
                MonthDay.of(1, 5), MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8), MonthDay.of(2, 23),
                MonthDay.of(3, 8), MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12), MonthDay.of(11, 4))) {
            LocalDate date = holiday.atYear(year);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add("\"" + date + "\"");
            }
        }
        return "{\"year\":" + year + ",\"source\":\"Проект постановления на " + year + " год (для проверки)\","
                + "\"nonWorkingDays\":[" + String.join(",", days) + "],\"workingWeekendDays\":[]}";
    }

    @Autowired
    CalendarSync sync;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aYearAnotherReplicaTookIsLoadedHereAtTheNextPoll() {
        assertThat(api.get("/api/v1/calendar/2033").status()).as("not loaded yet").isEqualTo(400);
        jdbc.sql("insert into calendar_upload(json) values (?)").param(YEAR_2033).update(); // another replica's upload

        assertThat(sync.poll()).isEqualTo(1);
        assertThat(ok(api.get("/api/v1/calendar/2033")).json().get("year").asInt()).isEqualTo(2033);
        assertThat(sync.poll()).as("loaded once").isZero();
    }

    @Test
    void aYearThisReplicaTookIsRecordedForTheOthers() {
        ok(api.as("admin").post("/api/v1/calendar", YEAR_2034));
        assertThat(jdbc.sql("select count(*) from calendar_upload where json like '%\"year\":2034%'").query(Integer.class)
                .single()).isEqualTo(1);
        assertThat(sync.poll()).as("not loaded again here").isZero();
        assertThat(ok(api.get("/api/v1/calendar/2034")).json().get("year").asInt()).isEqualTo(2034);
    }
}

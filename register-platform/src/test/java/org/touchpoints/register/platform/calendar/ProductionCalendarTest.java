package org.touchpoints.register.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.calendar.DueDate;

/**
 * The bundled calendar against the facts of DOMAIN.md ("Working days"). Every expected date is counted by
 * hand from the calendar; the comment after it shows the count (day 1 is the day after the change was made).
 */
class ProductionCalendarTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId NOVOSIBIRSK = ZoneId.of("Asia/Novosibirsk");
    private static final ZoneId ASTRAKHAN = ZoneId.of("Europe/Astrakhan");
    private static final String FEDERAL = null;

    private final ProductionCalendar calendar = ProductionCalendar.bundled();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class WorkingDaysInAYear {
        @Test
        void year2024Has248WorkingDays() {
            assertThat(calendar.year(2024, FEDERAL).workingDayCount()).isEqualTo(248);
        }

        @Test
        void year2025Has247WorkingDays() {
            assertThat(calendar.year(2025, FEDERAL).workingDayCount()).isEqualTo(247);
        }

        @Test
        void year2026Has247WorkingDays() {
            assertThat(calendar.year(2026, FEDERAL).workingDayCount()).isEqualTo(247);
        }

        @Test
        void year2024ListsExactlyTheNonWorkingWeekdaysAndWorkingSaturdaysOfTheDecree() {
            YearView year = calendar.year(2024, FEDERAL);
            assertThat(year.nonWorkingDays())
                    .containsExactly(
                            d("2024-01-01"),
                            d("2024-01-02"),
                            d("2024-01-03"),
                            d("2024-01-04"),
                            d("2024-01-05"),
                            d("2024-01-08"),
                            d("2024-02-23"),
                            d("2024-03-08"),
                            d("2024-04-29"),
                            d("2024-04-30"),
                            d("2024-05-01"),
                            d("2024-05-09"),
                            d("2024-05-10"),
                            d("2024-06-12"),
                            d("2024-11-04"),
                            d("2024-12-30"),
                            d("2024-12-31"));
            assertThat(year.workingWeekendDays()).containsExactly(d("2024-04-27"), d("2024-11-02"), d("2024-12-28"));
        }

        @Test
        void year2025ListsExactlyTheNonWorkingWeekdaysAndWorkingSaturdayOfTheDecree() {
            YearView year = calendar.year(2025, FEDERAL);
            assertThat(year.nonWorkingDays())
                    .containsExactly(
                            d("2025-01-01"),
                            d("2025-01-02"),
                            d("2025-01-03"),
                            d("2025-01-06"),
                            d("2025-01-07"),
                            d("2025-01-08"),
                            d("2025-05-01"),
                            d("2025-05-02"),
                            d("2025-05-08"),
                            d("2025-05-09"),
                            d("2025-06-12"),
                            d("2025-06-13"),
                            d("2025-11-03"),
                            d("2025-11-04"),
                            d("2025-12-31"));
            assertThat(year.workingWeekendDays()).containsExactly(d("2025-11-01"));
        }

        @Test
        void year2026ListsExactlyTheNonWorkingWeekdaysAndNoWorkingWeekendDay() {
            YearView year = calendar.year(2026, FEDERAL);
            assertThat(year.nonWorkingDays())
                    .containsExactly(
                            d("2026-01-01"),
                            d("2026-01-02"),
                            d("2026-01-05"),
                            d("2026-01-06"),
                            d("2026-01-07"),
                            d("2026-01-08"),
                            d("2026-01-09"),
                            d("2026-02-23"),
                            d("2026-03-09"),
                            d("2026-05-01"),
                            d("2026-05-11"),
                            d("2026-06-12"),
                            d("2026-11-04"),
                            d("2026-12-31"));
            assertThat(year.workingWeekendDays()).isEmpty();
        }
    }

    @Nested
    class Transfers {
        @Test
        void saturday27April2024IsAWorkingDay() {
            assertThat(calendar.isWorkingDay(d("2024-04-27"), FEDERAL)).isTrue();
        }

        @Test
        void monday29April2024IsNotAWorkingDay() {
            assertThat(calendar.isWorkingDay(d("2024-04-29"), FEDERAL)).isFalse();
        }

        @Test
        void saturday1November2025IsAWorkingDay() {
            assertThat(calendar.isWorkingDay(d("2025-11-01"), FEDERAL)).isTrue();
        }

        @Test
        void anOrdinarySaturdayIsNotAndAnOrdinaryMondayIsAWorkingDay() {
            assertThat(calendar.isWorkingDay(d("2025-11-08"), FEDERAL)).isFalse();
            assertThat(calendar.isWorkingDay(d("2025-11-10"), FEDERAL)).isTrue();
        }
    }

    @Nested
    class DueDates {
        @Test
        void tenWorkingDaysAcrossNewYear() {
            // made Fri 2024-12-27: 1 Sat 28.12 (working), 29–31.12 and 1–8.01 off, 2 Thu 09.01, 3 Fri 10.01,
            // 4 Mon 13.01, 5 14.01, 6 15.01, 7 16.01, 8 17.01, 9 Mon 20.01, 10 Tue 21.01
            assertThat(calendar.addWorkingDays(d("2024-12-27"), 10, FEDERAL)).isEqualTo(d("2025-01-21"));
        }

        @Test
        void fiveWorkingDaysAcrossNewYear() {
            // made Fri 2024-12-27: 1 Sat 28.12, 2 Thu 09.01, 3 Fri 10.01, 4 Mon 13.01, 5 Tue 14.01
            assertThat(calendar.addWorkingDays(d("2024-12-27"), 5, FEDERAL)).isEqualTo(d("2025-01-14"));
        }

        @Test
        void mayHolidays2025() {
            // made Wed 2025-04-30: 1–4.05 off, 1 Mon 05.05, 2 06.05, 3 07.05, 8–11.05 off, 4 Mon 12.05, 5 13.05,
            // 6 14.05, 7 15.05, 8 Fri 16.05, 9 Mon 19.05, 10 Tue 20.05
            assertThat(calendar.addWorkingDays(d("2025-04-30"), 10, FEDERAL)).isEqualTo(d("2025-05-20"));
            assertThat(calendar.addWorkingDays(d("2025-04-30"), 5, FEDERAL)).isEqualTo(d("2025-05-13"));
        }

        @Test
        void novemberHolidays2024() {
            // made Thu 2024-10-31: 1 Fri 01.11, 2 Sat 02.11 (working), Sun 03.11 and Mon 04.11 off,
            // 3 Tue 05.11, 4 06.11, 5 Thu 07.11, 6 Fri 08.11, 7 Mon 11.11, 8 12.11, 9 13.11, 10 Thu 14.11
            assertThat(calendar.addWorkingDays(d("2024-10-31"), 5, FEDERAL)).isEqualTo(d("2024-11-07"));
            assertThat(calendar.addWorkingDays(d("2024-10-31"), 10, FEDERAL)).isEqualTo(d("2024-11-14"));
        }

        @Test
        void novemberHolidays2025() {
            // made Thu 2025-10-30: 1 Fri 31.10, 2 Sat 01.11 (working), Sun 02.11, Mon 03.11, Tue 04.11 off,
            // 3 Wed 05.11, 4 06.11, 5 Fri 07.11, 6 Mon 10.11, 7 11.11, 8 12.11, 9 13.11, 10 Fri 14.11
            assertThat(calendar.addWorkingDays(d("2025-10-30"), 5, FEDERAL)).isEqualTo(d("2025-11-07"));
            assertThat(calendar.addWorkingDays(d("2025-10-30"), 10, FEDERAL)).isEqualTo(d("2025-11-14"));
        }

        @Test
        void aWorkingSaturdayIsCounted() {
            // made Fri 2024-04-26: 1 Sat 27.04 (working), 28.04–01.05 off, 2 Thu 02.05, 3 Fri 03.05,
            // 4 Mon 06.05, 5 Tue 07.05
            assertThat(calendar.addWorkingDays(d("2024-04-26"), 1, FEDERAL)).isEqualTo(d("2024-04-27"));
            assertThat(calendar.addWorkingDays(d("2024-04-26"), 5, FEDERAL)).isEqualTo(d("2024-05-07"));
        }

        @Test
        void theDayTheChangeWasMadeIsNeverCounted() {
            // made Mon 2025-11-10 (a working day): 1 Tue 11.11
            assertThat(calendar.addWorkingDays(d("2025-11-10"), 1, FEDERAL)).isEqualTo(d("2025-11-11"));
        }

        @Test
        void fewerThanOneWorkingDayIsRefused() {
            assertThatThrownBy(() -> calendar.addWorkingDays(d("2025-11-10"), 0, FEDERAL))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class TheAuthoritysTimeZoneDecidesTheDayTheChangeWasMade {
        @Test
        void eveningInMoscowIsAlreadyTheNextDayInNovosibirsk() {
            // 2024-12-27T18:30Z is 21:30 on Fri 27.12 in Moscow (UTC+3) but 01:30 on Sat 28.12 in Novosibirsk (UTC+7)
            Instant madeAt = Instant.parse("2024-12-27T18:30:00Z");

            // Moscow: made 27.12; 1 Sat 28.12 (working), 2 09.01, 3 10.01, 4 13.01, ... 10 Tue 21.01 (see above)
            assertThat(calendar.dueDate(madeAt, 10, MOSCOW, FEDERAL))
                    .isEqualTo(new DueDate(d("2024-12-27"), d("2025-01-21")));
            // Novosibirsk: made on the working Saturday 28.12, which is therefore not counted; 29.12–08.01 off,
            // 1 Thu 09.01, 2 10.01, 3 13.01, 4 14.01, 5 15.01, 6 16.01, 7 17.01, 8 20.01, 9 21.01, 10 Wed 22.01
            assertThat(calendar.dueDate(madeAt, 10, NOVOSIBIRSK, FEDERAL))
                    .isEqualTo(new DueDate(d("2024-12-28"), d("2025-01-22")));
        }

        @Test
        void fiveWorkingDaysFromTheSameInstantInBothZones() {
            Instant madeAt = Instant.parse("2024-12-27T18:30:00Z");
            // Moscow: 1 Sat 28.12, 2 09.01, 3 10.01, 4 13.01, 5 Tue 14.01
            assertThat(calendar.dueDate(madeAt, 5, MOSCOW, FEDERAL).dueDate()).isEqualTo(d("2025-01-14"));
            // Novosibirsk: 1 09.01, 2 10.01, 3 13.01, 4 14.01, 5 Wed 15.01
            assertThat(calendar.dueDate(madeAt, 5, NOVOSIBIRSK, FEDERAL).dueDate())
                    .isEqualTo(d("2025-01-15"));
        }

        @Test
        void halfPastMidnightInMoscowIsTheNextDayAlthoughInUtcItIsStillTheDayBefore() {
            // 2024-12-27T21:30Z: 00:30 on Sat 28.12 in Moscow, 04:30 on 28.12 in Novosibirsk, 21:30 on 27.12 in UTC
            Instant madeAt = Instant.parse("2024-12-27T21:30:00Z");
            assertThat(calendar.dueDate(madeAt, 10, MOSCOW, FEDERAL))
                    .isEqualTo(new DueDate(d("2024-12-28"), d("2025-01-22")));
            assertThat(calendar.dueDate(madeAt, 10, NOVOSIBIRSK, FEDERAL))
                    .isEqualTo(new DueDate(d("2024-12-28"), d("2025-01-22")));
            assertThat(calendar.dueDate(madeAt, 10, ZoneId.of("UTC"), FEDERAL))
                    .isEqualTo(new DueDate(d("2024-12-27"), d("2025-01-21")));
        }

        @Test
        void astrakhanIsOneHourAheadOfMoscow() {
            // 2024-10-31T20:30Z: 23:30 on Thu 31.10 in Moscow (UTC+3), 00:30 on Fri 01.11 in Astrakhan (UTC+4)
            Instant madeAt = Instant.parse("2024-10-31T20:30:00Z");
            // Moscow: 1 Fri 01.11, 2 Sat 02.11, 3 05.11, 4 06.11, 5 Thu 07.11
            assertThat(calendar.dueDate(madeAt, 5, MOSCOW, FEDERAL))
                    .isEqualTo(new DueDate(d("2024-10-31"), d("2024-11-07")));
            // Astrakhan: 1 Sat 02.11, 2 05.11, 3 06.11, 4 07.11, 5 Fri 08.11
            assertThat(calendar.dueDate(madeAt, 5, ASTRAKHAN, FEDERAL))
                    .isEqualTo(new DueDate(d("2024-11-01"), d("2024-11-08")));
        }
    }

    @Nested
    class MissingYears {
        @Test
        void aCountThatReaches2027IsRefusedNamingTheYear() {
            // made Fri 2026-12-25: 1 Mon 28.12, 2 29.12, 3 30.12, 31.12 off, then 2027 is needed
            assertThatThrownBy(() -> calendar.addWorkingDays(d("2026-12-25"), 10, FEDERAL))
                    .isInstanceOf(CalendarYearMissingException.class)
                    .hasMessage("Производственный календарь на 2027 год не загружен")
                    .satisfies(e -> assertThat(((CalendarYearMissingException) e).year())
                            .isEqualTo(2027));
        }

        @Test
        void aCountThatEndsBeforeTheMissingYearIsAnswered() {
            // made Fri 2026-12-25: 1 Mon 28.12, 2 Tue 29.12, 3 Wed 30.12
            assertThat(calendar.addWorkingDays(d("2026-12-25"), 3, FEDERAL)).isEqualTo(d("2026-12-30"));
        }

        @Test
        void aDateInAYearNotLoadedIsNeverGuessed() {
            assertThatThrownBy(() -> calendar.isWorkingDay(d("2031-03-03"), FEDERAL))
                    .isInstanceOf(CalendarYearMissingException.class)
                    .hasMessage("Производственный календарь на 2031 год не загружен");
            assertThatThrownBy(() -> calendar.year(2023, FEDERAL))
                    .hasMessage("Производственный календарь на 2023 год не загружен");
        }

        @Test
        void theBundledYearsAre2024To2026() {
            assertThat(calendar.loadedYears()).containsExactly(2024, 2025, 2026);
        }
    }

    @Nested
    class WorkingDaysBetween {
        @Test
        void countsTheWorkingDaysAfterTheFirstDateUpToAndIncludingTheSecond() {
            // (27.12.2024, 21.01.2025]: the ten days counted in tenWorkingDaysAcrossNewYear
            assertThat(calendar.workingDaysBetween(d("2024-12-27"), d("2025-01-21"), FEDERAL))
                    .isEqualTo(10);
        }

        @Test
        void isZeroOnTheDueDateAndNegativeOnceItHasPassed() {
            assertThat(calendar.workingDaysBetween(d("2025-01-21"), d("2025-01-21"), FEDERAL))
                    .isZero();
            // today Wed 22.01, due Tue 21.01: one working day late
            assertThat(calendar.workingDaysBetween(d("2025-01-22"), d("2025-01-21"), FEDERAL))
                    .isEqualTo(-1);
            // today Mon 27.01, due Tue 21.01: 22, 23, 24, 27 → four working days late
            assertThat(calendar.workingDaysBetween(d("2025-01-27"), d("2025-01-21"), FEDERAL))
                    .isEqualTo(-4);
        }

        @Test
        void daysLeftBeforeTheDueDate() {
            // today Fri 01.11.2024, due Thu 07.11: 02.11 (working Saturday), 05.11, 06.11, 07.11 → 4 left
            assertThat(calendar.workingDaysBetween(d("2024-11-01"), d("2024-11-07"), FEDERAL))
                    .isEqualTo(4);
        }
    }

    @Nested
    class Regions {
        @Test
        void dagestansUrazaBayramDaysAreNotWorkingDaysThere() {
            assertThat(calendar.isWorkingDay(d("2024-04-10"), "RU-DA")).isFalse();
            assertThat(calendar.isWorkingDay(d("2024-04-10"), FEDERAL)).isTrue();
        }

        @Test
        void theOverlayMovesTheDueDate() {
            // made Mon 2024-04-08.
            // federal: 1 Tue 09.04, 2 10.04, 3 11.04, 4 Fri 12.04, 5 Mon 15.04
            assertThat(calendar.addWorkingDays(d("2024-04-08"), 5, FEDERAL)).isEqualTo(d("2024-04-15"));
            // Dagestan (10–12.04 Uraza Bayram): 1 Tue 09.04, 2 Mon 15.04, 3 16.04, 4 17.04, 5 Thu 18.04
            assertThat(calendar.addWorkingDays(d("2024-04-08"), 5, "RU-DA")).isEqualTo(d("2024-04-18"));
            // Tatarstan (10.04 only): 1 Tue 09.04, 2 Thu 11.04, 3 Fri 12.04, 4 Mon 15.04, 5 Tue 16.04
            assertThat(calendar.addWorkingDays(d("2024-04-08"), 5, "RU-TA")).isEqualTo(d("2024-04-16"));
        }

        @Test
        void theRegionsYearViewMergesFederalAndRegionalDays() {
            YearView dagestan = calendar.year(2024, "ru-da");
            assertThat(dagestan.nonWorkingDays())
                    .isSorted()
                    .containsAll(calendar.year(2024, FEDERAL).nonWorkingDays())
                    .contains(d("2024-04-10"), d("2024-04-11"), d("2024-04-12"), d("2024-06-17"))
                    .hasSize(17 + 6);
            assertThat(dagestan.workingWeekendDays())
                    .containsExactly(d("2024-04-27"), d("2024-11-02"), d("2024-12-28"));
            assertThat(dagestan.workingDayCount()).isEqualTo(248 - 6);
        }

        @Test
        void tatarstanHas245WorkingDaysIn2024And2025AsItsMinistryOfLabourPublished() {
            assertThat(calendar.year(2024, "RU-TA").workingDayCount()).isEqualTo(245);
            assertThat(calendar.year(2025, "RU-TA").workingDayCount()).isEqualTo(245);
        }

        @Test
        void aRegionWithoutOverlayFilesUsesTheFederalCalendar() {
            // Smolensk has no regional non-working days
            assertThat(calendar.year(2025, "RU-SMO")).isEqualTo(calendar.year(2025, FEDERAL));
            assertThat(calendar.addWorkingDays(d("2024-04-08"), 5, "RU-SMO")).isEqualTo(d("2024-04-15"));
        }

        @Test
        void dagestan2026HasItsUrazaAndKurbanBayram() {
            // Fri 20.03 and Wed 27.05 (the file names no act: see its source); see RegionalYearMissingTest for a year
            // without one
            assertThat(calendar.year(2026, "RU-DA").workingDayCount()).isEqualTo(247 - 2);
            assertThat(calendar.isWorkingDay(d("2026-03-20"), "RU-DA")).isFalse();
            assertThat(calendar.isWorkingDay(d("2026-05-27"), "RU-DA")).isFalse();
            assertThat(calendar.year(2026, "RU-TA").workingDayCount()).isEqualTo(247 - 3);
        }

        @Test
        void aValueThatIsNotARegionCodeIsRefused() {
            assertThatThrownBy(() -> calendar.isWorkingDay(d("2024-04-10"), "Dagestan"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Dagestan");
        }

        @Test
        void blankRegionMeansFederal() {
            assertThat(calendar.year(2024, " ").nonWorkingDays())
                    .isEqualTo(calendar.year(2024, FEDERAL).nonWorkingDays());
            assertThat(List.of(ProductionCalendar.normalizeRegion(" ru-ta "))).containsExactly("RU-TA");
        }
    }
}

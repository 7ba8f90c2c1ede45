package org.touchpoints.register.query.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.http.HttpStatus;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.platform.calendar.ProductionCalendar;
import org.touchpoints.register.platform.calendar.YearView;
import org.touchpoints.register.platform.web.ApiException;

/** The endpoints called directly: answers, and every refusal a 400 naming its field, never a 500. */
class CalendarControllerTest {
    private final CalendarController controller = new CalendarController(ProductionCalendar.bundled(), null);

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void dueDateInTheAuthoritysZone() {
        // 21:30 on 27.12.2024 in Moscow is 01:30 on 28.12 in Novosibirsk; counted in ProductionCalendarTest
        assertThat(controller.dueDate("2024-12-27T18:30:00Z", "10", "Asia/Novosibirsk", null))
                .isEqualTo(new CalendarController.DueDateAnswer(d("2024-12-28"), d("2025-01-22"), false, null));
        assertThat(controller.dueDate("2024-12-27T18:30:00Z", "10", "Europe/Moscow", ""))
                .isEqualTo(new CalendarController.DueDateAnswer(d("2024-12-27"), d("2025-01-21"), false, null));
    }

    @Test
    void anInstantWithAnOffsetIsAcceptedEvenWhenItsPlusArrivedAsASpace() {
        // 21:30+03:00 on 27.12.2024 is 18:30Z: made 27.12 in Moscow, due 21.01.2025 (counted in ProductionCalendarTest)
        CalendarController.DueDateAnswer expected =
                new CalendarController.DueDateAnswer(d("2024-12-27"), d("2025-01-21"), false, null);
        assertThat(controller.dueDate("2024-12-27T21:30:00+03:00", "10", "Europe/Moscow", null))
                .isEqualTo(expected);
        assertThat(controller.dueDate("2024-12-27T21:30:00 03:00", "10", "Europe/Moscow", null))
                .isEqualTo(expected);
    }

    @Test
    void dueDateWithARegion() {
        // made Mon 08.04.2024 in Makhachkala: 1 Tue 09.04, 10–12.04 Uraza Bayram, 2 15.04, 3 16.04, 4 17.04, 5 18.04
        assertThat(controller
                        .dueDate("2024-04-08T09:00:00Z", "5", "Europe/Moscow", "RU-DA")
                        .dueDate())
                .isEqualTo(d("2024-04-18"));
    }

    @Test
    void workingDaysOutsideOneToSixtyAreRefused() {
        assertBadRequest(() -> controller.dueDate("2024-12-27T18:30:00Z", "0", "Europe/Moscow", null), "workingDays");
        assertBadRequest(() -> controller.dueDate("2024-12-27T18:30:00Z", "61", "Europe/Moscow", null), "workingDays");
        assertBadRequest(() -> controller.dueDate("2024-12-27T18:30:00Z", "ten", "Europe/Moscow", null), "workingDays");
        assertBadRequest(() -> controller.dueDate("2024-12-27T18:30:00Z", null, "Europe/Moscow", null), "workingDays");
    }

    @Test
    void anUnknownZoneIsRefused() {
        assertBadRequest(() -> controller.dueDate("2024-12-27T18:30:00Z", "10", "Mars/Olympus", null), "zone");
        assertBadRequest(() -> controller.dueDate("2024-12-27T18:30:00Z", "10", null, null), "zone");
    }

    @Test
    void anUnparsableInstantIsRefused() {
        assertBadRequest(() -> controller.dueDate("27.12.2024 18:30", "10", "Europe/Moscow", null), "madeAt");
        assertBadRequest(() -> controller.dueDate(null, "10", "Europe/Moscow", null), "madeAt");
    }

    @Test
    void aMalformedRegionIsRefused() {
        assertBadRequest(() -> controller.dueDate("2024-12-27T18:30:00Z", "10", "Europe/Moscow", "Дагестан"), "region");
        assertBadRequest(() -> controller.year(2024, "Dagestan"), "region");
    }

    @Test
    void aMissingYearIsABadRequestNamingTheYear() {
        ApiException refused = catchThrowableOfType(
                ApiException.class, () -> controller.dueDate("2026-12-25T09:00:00Z", "10", "Europe/Moscow", null));
        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getMessage())
                .isEqualTo("Производственный календарь на 2027 год не загружен (загружены: 2024, 2025, 2026)");

        assertThat(catchThrowableOfType(ApiException.class, () -> controller.year(2031, null))
                        .getMessage())
                .startsWith("Производственный календарь на 2031 год не загружен");
    }

    @Test
    void yearView() {
        YearView year = controller.year(2025, null);
        assertThat(year.year()).isEqualTo(2025);
        assertThat(year.workingDayCount()).isEqualTo(247);
        assertThat(year.workingWeekendDays()).containsExactly(d("2025-11-01"));
    }

    @Test
    void anUploadedYearIsUsedAtOnce() {
        CalendarController.UploadedYear uploaded = controller.upload("""
                {"year": 2031, "source": "тестовые данные",
                 "nonWorkingDays": ["2031-01-01", "2031-01-02", "2031-01-03", "2031-01-06", "2031-01-07",
                                    "2031-01-08", "2031-05-01", "2031-05-09", "2031-06-12", "2031-11-04"],
                 "workingWeekendDays": []}
                """);

        assertThat(uploaded.year()).isEqualTo(2031);
        assertThat(uploaded.nonWorkingDays()).hasSize(10);
        assertThat(controller.year(2031, null).workingDayCount()).isEqualTo(251);
    }

    @Test
    void aWrongUploadIsABadRequestListingItsErrors() {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> controller.upload("""
                {"year": 2031, "source": "x", "nonWorkingDays": ["2031-03-08"], "workingWeekendDays": []}
                """));

        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("nonWorkingDays[0]");

        assertThat(catchThrowableOfType(ApiException.class, () -> controller.upload(null))
                        .status())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private static void assertBadRequest(Executable call, String field) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> call.execute());
        assertThat(refused).as("expected a refusal of " + field).isNotNull();
        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly(field);
        assertThat(refused.getMessage()).isNotBlank();
    }
}

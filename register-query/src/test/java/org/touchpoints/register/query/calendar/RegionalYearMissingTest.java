package org.touchpoints.register.query.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.touchpoints.register.platform.calendar.CalendarYearMissingException;
import org.touchpoints.register.platform.calendar.FederalOnlyMarks;
import org.touchpoints.register.platform.calendar.ProductionCalendar;
import org.touchpoints.register.platform.calendar.RegionalCalendarMissingException;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.query.deadline.PublicationDeadline;

/**
 * A region with regional non-working days is never counted by the federal calendar without a word: a year without the
 * region's overlay is refused, naming the region and the year, unless it is marked "federal only"; then the count says so.
 */
class RegionalYearMissingTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** A federal 2027 as a decree might set it: the art. 112 holidays on weekdays, nothing moved. */
    static final String FEDERAL_2027 = """
            {"year": 2027, "source": "тестовые данные: праздники ст. 112 ТК РФ без переносов",
             "nonWorkingDays": ["2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08",
                                "2027-02-23", "2027-03-08", "2027-06-14", "2027-11-04"],
             "workingWeekendDays": []}
            """;

    private final ProductionCalendar calendar = ProductionCalendar.bundled();
    private final FederalOnlyMarks.InMemory marks = new FederalOnlyMarks.InMemory();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @BeforeEach
    void federal2027() {
        calendar.load(FEDERAL_2027);
        calendar.useFederalOnlyMarks(marks);
    }

    @Test
    void aCountIntoAYearWithoutTheRegionsOverlayIsRefusedNamingRegionAndYear() {
        // Dagestan has overlays for 2024–2026, none for 2027: the count into 2027 is refused
        assertThatThrownBy(() -> calendar.addWorkingDays(d("2026-12-28"), 10, "RU-DA"))
                .isInstanceOf(RegionalCalendarMissingException.class)
                .hasMessageStartingWith("Региональный календарь RU-DA на 2027 год не загружен")
                .satisfies(e -> assertThat(((RegionalCalendarMissingException) e).region())
                        .isEqualTo("RU-DA"))
                .satisfies(e -> assertThat(((RegionalCalendarMissingException) e).year())
                        .isEqualTo(2027));
        assertThatThrownBy(() -> calendar.year(2027, "ru-da")).isInstanceOf(RegionalCalendarMissingException.class);
        // a count that stays in the years the region has is counted as before
        assertThat(calendar.addWorkingDays(d("2026-03-16"), 5, "RU-DA")).isEqualTo(d("2026-03-24"));
    }

    @Test
    void aRegionWithoutAnyOverlayAndTheFederalCalendarAreCountedAsBefore() {
        // Smolensk (RU-SMO) has no regional days at all: the federal calendar is its calendar
        // Mon 28.12.2026: 29, 30 (2), 31.12 off, 1–8.01 off, 11–15.01 (7), 18, 19, 20 (10)
        assertThat(calendar.addWorkingDays(d("2026-12-28"), 10, "RU-SMO")).isEqualTo(d("2027-01-20"));
        assertThat(calendar.addWorkingDays(d("2026-12-28"), 10, null)).isEqualTo(d("2027-01-20"));
        assertThat(calendar.federalOnlyYears("RU-SMO", d("2026-12-28"), d("2027-01-20")))
                .isEmpty();
    }

    @Test
    void aMissingFederalYearIsStillReportedAsSuch() {
        marks.mark("RU-DA", 2027);
        assertThatThrownBy(() -> calendar.addWorkingDays(d("2027-12-27"), 10, "RU-DA"))
                .isInstanceOf(CalendarYearMissingException.class)
                .hasMessageStartingWith("Производственный календарь на 2028 год не загружен")
                .isNotInstanceOf(RegionalCalendarMissingException.class);
    }

    @Test
    void aRegionYearMarkedFederalOnlyIsCountedByTheFederalCalendarAndSaysSo() {
        marks.mark("RU-DA", 2027);
        // counted as for Smolensk: 20.01.2027
        assertThat(calendar.addWorkingDays(d("2026-12-28"), 10, "RU-DA")).isEqualTo(d("2027-01-20"));
        assertThat(calendar.federalOnlyYears("RU-DA", d("2026-12-28"), d("2027-01-20")))
                .containsExactly(2027);
        assertThat(calendar.federalOnlyYears("RU-DA", d("2026-03-01"), d("2026-03-20")))
                .isEmpty();
        assertThat(calendar.year(2027, "RU-DA").federalOnly()).isTrue();
        assertThat(calendar.year(2026, "RU-DA").federalOnly()).isFalse();
        // the mark is for Dagestan 2027 only
        assertThatThrownBy(() -> calendar.addWorkingDays(d("2026-12-28"), 10, "RU-TA"))
                .isInstanceOf(RegionalCalendarMissingException.class)
                .hasMessageContaining("RU-TA на 2027");
    }

    @Test
    void theDeadlineOfAChangeCountedThatWayCarriesTheNote() {
        PublicationDeadline.Counted refused = PublicationDeadline.count(calendar, d("2026-12-28"), 10, "RU-DA");
        assertThat(refused.dueDate()).isNull();
        assertThat(refused.problem())
                .startsWith("Срок публикации не рассчитан: Региональный календарь RU-DA на 2027 год");

        marks.mark("RU-DA", 2027);
        PublicationDeadline.Counted counted = PublicationDeadline.count(calendar, d("2026-12-28"), 10, "RU-DA");
        assertThat(counted.dueDate()).isEqualTo(d("2027-01-20"));
        assertThat(counted.problem()).isNull();
        assertThat(counted.note())
                .isEqualTo("срок рассчитан по федеральному календарю: региональный календарь RU-DA "
                        + "на 2027 год не загружен (отметка администратора «только федеральный календарь»)");
        assertThat(PublicationDeadline.count(calendar, d("2026-03-16"), 5, "RU-DA")
                        .note())
                .isNull();
    }

    @Test
    void aLoadedOverlayWinsOverAMark() {
        marks.mark("RU-DA", 2027);
        calendar.load("""
                {"year": 2027, "region": "RU-DA", "source": "тестовые данные", "nonWorkingDays": ["2027-01-11"]}
                """);
        assertThat(calendar.addWorkingDays(d("2026-12-28"), 10, "RU-DA")).isEqualTo(d("2027-01-21"));
        assertThat(calendar.federalOnlyYears("RU-DA", d("2026-12-28"), d("2027-01-21")))
                .isEmpty();
    }

    @Test
    void theDueDateEndpointRefusesWithA400AndThenAnswersWithTheNote() {
        CalendarController controller = new CalendarController(calendar, null);
        ApiException refused = catchThrowableOfType(
                ApiException.class, () -> controller.dueDate("2026-12-28T09:00:00Z", "10", "Europe/Moscow", "RU-DA"));
        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getMessage()).startsWith("Региональный календарь RU-DA на 2027 год не загружен");

        marks.mark("RU-DA", 2027);
        CalendarController.DueDateAnswer answer =
                controller.dueDate("2026-12-28T09:00:00Z", "10", "Europe/Moscow", "RU-DA");
        assertThat(answer.dueDate()).isEqualTo(d("2027-01-20"));
        assertThat(answer.federalOnly()).isTrue();
        assertThat(answer.note()).contains("RU-DA на 2027 год");
        assertThat(controller
                        .dueDate("2026-12-28T09:00:00Z", "10", "Europe/Moscow", null)
                        .federalOnly())
                .isFalse();
        assertThat(calendar.dueDate(Instant.parse("2026-12-28T09:00:00Z"), 10, MOSCOW, "RU-DA")
                        .dueDate())
                .isEqualTo(d("2027-01-20"));
    }
}

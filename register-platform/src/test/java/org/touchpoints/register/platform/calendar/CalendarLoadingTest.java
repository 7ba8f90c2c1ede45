package org.touchpoints.register.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touchpoints.register.api.rule.FieldError;

/**
 * Years are data: the external directory adds and replaces years, an upload adds a year at run time, and a
 * file that is wrong is refused with its reasons.
 *
 * <p>2031 here is made-up test data (only the Labour Code holidays, no transfers), not a real calendar.
 */
class CalendarLoadingTest {
    private static final String FEDERAL = null;

    /** 2031: the art. 112 holidays that fall on Mon–Fri; 261 weekdays − 10 = 251 working days. */
    private static final String YEAR_2031 = """
            {"year": 2031,
             "source": "тестовые данные",
             "nonWorkingDays": ["2031-01-01", "2031-01-02", "2031-01-03", "2031-01-06", "2031-01-07", "2031-01-08",
                                "2031-05-01", "2031-05-09", "2031-06-12", "2031-11-04"],
             "workingWeekendDays": []}
            """;

    @TempDir
    Path dir;

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private void write(String relative, String json) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }

    @Test
    void aFileInTheExternalDirectoryAddsAYear() throws IOException {
        write("federal/2031.json", YEAR_2031);

        ProductionCalendar calendar = ProductionCalendar.bundledAndDirectory(dir);

        assertThat(calendar.loadedYears()).containsExactly(2024, 2025, 2026, 2031);
        assertThat(calendar.year(2031, FEDERAL).workingDayCount()).isEqualTo(251);
        // made Wed 2031-04-30: Thu 01.05 off, 1 Fri 02.05
        assertThat(calendar.addWorkingDays(d("2031-04-30"), 1, FEDERAL)).isEqualTo(d("2031-05-02"));
    }

    @Test
    void aFileInTheExternalDirectoryReplacesABundledYear() throws IOException {
        // as if a decree had made Fri 27.12.2024 a day off too
        write("federal/2024.json", """
                {"year": 2024, "source": "тестовые данные",
                 "nonWorkingDays": ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08",
                   "2024-02-23", "2024-03-08", "2024-04-29", "2024-04-30", "2024-05-01", "2024-05-09", "2024-05-10",
                   "2024-06-12", "2024-11-04", "2024-12-27", "2024-12-30", "2024-12-31"],
                 "workingWeekendDays": ["2024-04-27", "2024-11-02", "2024-12-28"]}
                """);

        ProductionCalendar calendar = ProductionCalendar.bundledAndDirectory(dir);

        assertThat(calendar.year(2024, FEDERAL).workingDayCount()).isEqualTo(247);
        assertThat(calendar.isWorkingDay(d("2024-12-27"), FEDERAL)).isFalse();
    }

    @Test
    void aRegionOverlayInTheExternalDirectoryAddsADay() throws IOException {
        // a made-up overlay for Chechnya (RU-CE): one extra day off on Mon 2025-03-31
        write("region/RU-CE/2025.json", """
                {"year": 2025, "region": "RU-CE", "source": "тестовые данные", "nonWorkingDays": ["2025-03-31"]}
                """);

        ProductionCalendar calendar = ProductionCalendar.bundledAndDirectory(dir);

        assertThat(calendar.isWorkingDay(d("2025-03-31"), "RU-CE")).isFalse();
        assertThat(calendar.isWorkingDay(d("2025-03-31"), FEDERAL)).isTrue();
        assertThat(calendar.year(2025, "RU-CE").workingDayCount()).isEqualTo(246);
        // made Fri 2025-03-28: Mon 31.03 off in RU-CE, 1 Tue 01.04
        assertThat(calendar.addWorkingDays(d("2025-03-28"), 1, "RU-CE")).isEqualTo(d("2025-04-01"));
        assertThat(calendar.addWorkingDays(d("2025-03-28"), 1, FEDERAL)).isEqualTo(d("2025-03-31"));
    }

    @Test
    void aRegionOverlayUploadedAtRunTimeAddsADay() {
        ProductionCalendar calendar = ProductionCalendar.bundled();
        assertThat(calendar.isWorkingDay(d("2025-03-31"), "RU-CE")).isTrue();

        calendar.load("""
                {"year": 2025, "region": "RU-CE", "source": "тестовые данные", "nonWorkingDays": ["2025-03-31"]}
                """);

        assertThat(calendar.isWorkingDay(d("2025-03-31"), "RU-CE")).isFalse();
        assertThat(calendar.isWorkingDay(d("2025-03-31"), "RU-DA")).isFalse(); // Dagestan's own Uraza Bayram
        assertThat(calendar.isWorkingDay(d("2025-03-31"), "RU-TA")).isTrue();
    }

    @Test
    void aYearUploadedAtRunTimeIsUsedAtOnceAndSavedForTheNextStart() {
        ProductionCalendar calendar = ProductionCalendar.bundledAndDirectory(dir);
        assertThatThrownBy(() -> calendar.year(2031, FEDERAL)).isInstanceOf(CalendarYearMissingException.class);

        CalendarYear loaded = calendar.load(YEAR_2031);

        assertThat(loaded.year()).isEqualTo(2031);
        assertThat(loaded.region()).isNull();
        assertThat(calendar.year(2031, FEDERAL).workingDayCount()).isEqualTo(251);
        assertThat(dir.resolve("federal/2031.json"))
                .exists()
                .content(StandardCharsets.UTF_8)
                .isEqualTo(YEAR_2031);
        assertThat(ProductionCalendar.bundledAndDirectory(dir).loadedYears()).contains(2031);
    }

    @Test
    void anUploadWithoutExternalDirectoryLivesInMemoryOnly() {
        ProductionCalendar calendar = ProductionCalendar.empty();
        calendar.load(YEAR_2031);
        assertThat(calendar.loadedYears()).containsExactly(2031);
    }

    @Test
    void aMissingExternalDirectoryLeavesTheBundledYears() {
        ProductionCalendar calendar = ProductionCalendar.bundledAndDirectory(dir.resolve("not-there"));
        assertThat(calendar.loadedYears()).containsExactly(2024, 2025, 2026);
    }

    @Test
    void aWrongFileInTheExternalDirectoryStopsTheStart() throws IOException {
        write("federal/2031.json", YEAR_2031.replace("\"2031-05-09\", ", ""));

        assertThatThrownBy(() -> ProductionCalendar.bundledAndDirectory(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("federal" + dir.getFileSystem().getSeparator() + "2031.json")
                .hasMessageContaining("2031-05-09");
    }

    @Test
    void aFileNamedForAnotherYearStopsTheStart() throws IOException {
        write("federal/2030.json", YEAR_2031);

        assertThatThrownBy(() -> ProductionCalendar.bundledAndDirectory(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("federal/2031.json");
    }

    @Test
    void aNonWorkingDayOnASaturdayIsRefused() {
        InvalidCalendarException refused =
                refused(YEAR_2031.replace("\"2031-11-04\"", "\"2031-11-04\", \"2031-03-08\""));

        assertThat(refused.errors())
                .containsExactly(
                        new FieldError(
                                "nonWorkingDays[10]",
                                "дата 2031-03-08 приходится на субботу; в nonWorkingDays указываются только дни с понедельника по пятницу"));
    }

    @Test
    void aWorkingWeekendDayOnAWeekdayIsRefused() {
        InvalidCalendarException refused =
                refused(YEAR_2031.replace("\"workingWeekendDays\": []", "\"workingWeekendDays\": [\"2031-01-09\"]"));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("workingWeekendDays[0]");
        assertThat(refused.getMessage()).contains("2031-01-09", "четверг");
    }

    @Test
    void aDateOfAnotherYearIsRefused() {
        InvalidCalendarException refused =
                refused(YEAR_2031.replace("\"2031-11-04\"", "\"2031-11-04\", \"2030-12-31\""));

        assertThat(refused.errors())
                .extracting(FieldError::message)
                .containsExactly("дата 2030-12-31 не относится к 2031 году");
    }

    @Test
    void aLabourCodeHolidayLeftOutIsRefused() {
        InvalidCalendarException refused = refused(YEAR_2031.replace(", \"2031-11-04\"", ""));

        assertThat(refused.getMessage()).contains("2031-11-04", "ст. 112 ТК РФ");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        InvalidCalendarException refused = refused("""
                {"year": 2031, "nonWorkingDay": [], "workingWeekendDays": ["31.01.2031"]}
                """);

        assertThat(refused.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("nonWorkingDay", "source", "nonWorkingDays", "workingWeekendDays[0]");
        assertThat(refused.getMessage()).startsWith("Производственный календарь отклонён: ");
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertThat(refused("{\"year\": 2031,").getMessage()).contains("не является корректным JSON");
        assertThat(refused("").getMessage()).contains("пуст");
        assertThat(refused("[2031]").getMessage()).contains("JSON-объект");
    }

    @Test
    void aMalformedRegionCodeIsRefused() {
        InvalidCalendarException refused = refused("""
                {"year": 2025, "region": "Chechnya", "source": "тест", "nonWorkingDays": ["2025-03-31"]}
                """);
        assertThat(refused.errors()).extracting(FieldError::field).contains("region");
    }

    @Test
    void aRefusedUploadChangesNothing() {
        ProductionCalendar calendar = ProductionCalendar.bundledAndDirectory(dir);

        assertThatThrownBy(() -> calendar.load(YEAR_2031.replace("\"2031-01-01\", ", "")))
                .isInstanceOf(InvalidCalendarException.class);

        assertThat(calendar.loadedYears()).containsExactly(2024, 2025, 2026);
        assertThat(dir.resolve("federal")).doesNotExist();
    }

    @Test
    void theIndexListsEveryBundledFile() throws URISyntaxException, IOException {
        ClassLoader loader = getClass().getClassLoader();
        Path root = Path.of(loader.getResource(ProductionCalendar.BUNDLED_INDEX).toURI())
                .getParent();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(p -> p.toString().endsWith(".json"))
                            .map(p -> root.relativize(p).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrderElementsOf(ProductionCalendar.bundledFiles(loader));
        }
    }

    private static InvalidCalendarException refused(String json) {
        InvalidCalendarException refused = catchThrowableOfType(
                InvalidCalendarException.class, () -> ProductionCalendar.empty().load(json));
        assertThat(refused).as("the file should be refused").isNotNull();
        return refused;
    }
}

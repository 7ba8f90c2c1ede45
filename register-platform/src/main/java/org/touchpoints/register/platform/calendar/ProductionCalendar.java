package org.touchpoints.register.platform.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.touchpoints.register.api.calendar.DueDate;
import org.touchpoints.register.api.calendar.PublicationDue;
import org.touchpoints.register.platform.audit.AdminAudit;

/**
 * The Russian production calendar (производственный календарь) and the working-day count of DOMAIN.md:
 * a working day is a Monday–Friday that is not a non-working day, or a Saturday/Sunday made a working day by
 * transfer; a region's overlay adds its own non-working days to the federal calendar.
 *
 * <p>Years are data, not code. They come from the files bundled under {@code calendar/} on the classpath,
 * then from an optional external directory of the same layout ({@code federal/2027.json},
 * {@code region/RU-DA/2027.json}) whose files add or replace years, and at run time from {@link #load(String)}
 * (an administrator's upload, also written to the external directory when there is one, and to the
 * {@code calendar_file} table when the calendar {@linkplain #useStore uses one}, so it survives a restart and every
 * instance — the command side, which counts due dates into the approval events, included — counts with it). A date in a year that is not loaded is never guessed: {@link CalendarYearMissingException}.
 *
 * <p>Thread-safe: readers see an immutable snapshot; loads replace it.
 */
public final class ProductionCalendar {
    private static final Logger log = LoggerFactory.getLogger(ProductionCalendar.class);

    static final String BUNDLED_ROOT = "calendar/";
    static final String BUNDLED_INDEX = BUNDLED_ROOT + "index.txt";
    static final String FEDERAL_DIR = "federal";
    static final String REGION_DIR = "region";

    private static final Pattern REGION_CODE = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");
    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.json");

    private final Path directory;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());
    private volatile FederalOnlyMarks marks = FederalOnlyMarks.NONE;
    private volatile CalendarStore store;
    /** What the store held when last read ({@link CalendarStore#stamp}); null before the first read. */
    private volatile String storeStamp;

    private ProductionCalendar(Path directory) {
        this.directory = directory;
    }

    /** A calendar with no years at all; years are added by {@link #load(String)}. */
    public static ProductionCalendar empty() {
        return new ProductionCalendar(null);
    }

    /** The years bundled with this release. */
    public static ProductionCalendar bundled() {
        ProductionCalendar calendar = new ProductionCalendar(null);
        calendar.loadBundled();
        return calendar;
    }

    /**
     * The bundled years, then the files of {@code directory}, which add or replace years; uploads are written
     * there. A directory that does not exist yet is created on the first upload.
     *
     * @throws IllegalStateException when a file in the directory is refused (the service must not start with a
     *                               calendar it cannot trust)
     */
    public static ProductionCalendar bundledAndDirectory(Path directory) {
        ProductionCalendar calendar = new ProductionCalendar(Objects.requireNonNull(directory, "directory"));
        calendar.loadBundled();
        calendar.loadDirectory();
        return calendar;
    }

    /**
     * Where the region-years marked "federal only" are kept ({@link FederalOnlyMarks#NONE} until set): a region with
     * regional non-working days whose overlay lacks a year is counted there by the federal calendar only when marked;
     * otherwise the count is refused with {@link RegionalCalendarMissingException}.
     */
    public void useFederalOnlyMarks(FederalOnlyMarks federalOnlyMarks) {
        this.marks = Objects.requireNonNull(federalOnlyMarks, "federalOnlyMarks");
    }

    /**
     * Where the years uploaded at run time are kept for every instance (the {@code calendar_file} table): they are read
     * now, and again whenever {@link #refresh()} finds the table changed.
     */
    public void useStore(CalendarStore calendarStore) {
        this.store = Objects.requireNonNull(calendarStore, "calendarStore");
    }

    /**
     * Takes in the years uploaded on any instance since the last look (cheap when nothing changed: one small query).
     *
     * @return whether a year was added or replaced
     */
    public boolean refresh() {
        CalendarStore s = store;
        if (s == null) {
            return false;
        }
        String stamp = s.stamp();
        if (stamp.equals(storeStamp)) {
            return false;
        }
        synchronized (this) {
            if (stamp.equals(storeStamp)) {
                return false;
            }
            int files = 0;
            for (String json : s.files()) {
                try {
                    install(CalendarJson.parse(json));
                    files++;
                } catch (InvalidCalendarException e) { // uploads are checked before they are stored: never expected
                    log.error(
                            "Production calendar: a stored upload is refused and skipped: {}",
                            AdminAudit.oneLine(e.getMessage()));
                }
            }
            storeStamp = stamp;
            log.info("Production calendar: {} uploaded file(s) from the database; years now {}", files, loadedYears());
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------ publication deadlines

    /**
     * The publication deadline of a change made on {@code madeOn} (DOMAIN.md, "Working days"), as the register records
     * it: counted with the calendar as it stands now (uploads on other instances included), with the note of a
     * federal-only count, or refused with its reason when a year is missing; {@link PublicationDue#none} when the
     * procedure sets no deadline ({@code workingDays} null).
     */
    public PublicationDue publicationDue(LocalDate madeOn, Integer workingDays, String region) {
        Objects.requireNonNull(madeOn, "madeOn");
        if (workingDays == null) {
            return PublicationDue.none(madeOn);
        }
        refresh();
        try {
            LocalDate due = addWorkingDays(madeOn, workingDays, region);
            return new PublicationDue(
                    madeOn,
                    workingDays,
                    due,
                    federalOnlyNote(region, madeOn, due),
                    null,
                    null,
                    version(region, madeOn, due));
        } catch (CalendarYearMissingException missing) {
            return new PublicationDue(
                    madeOn,
                    workingDays,
                    null,
                    null,
                    "Срок публикации не рассчитан: " + missing.getMessage(),
                    unknownBecause(missing),
                    version(region, madeOn, LocalDate.of(missing.year() - 1, 12, 31)));
        }
    }

    /** Why a due date is not known, in a few words: «нет календаря на 2027 год». */
    public static String unknownBecause(CalendarYearMissingException missing) {
        return missing instanceof RegionalCalendarMissingException regional
                ? "нет регионального календаря " + regional.region() + " на " + missing.year() + " год"
                : "нет календаря на " + missing.year() + " год";
    }

    /**
     * The files a count over {@code (fromExclusive, toInclusive]} used, with their fingerprints:
     * {@code federal/2025@1a2b3c4d,region/RU-DA/2025@5e6f7a8b} ({@code region/RU-DA/2027@federal-only} for a year
     * counted by an administrator's mark); null when the count looked at no year.
     */
    public String version(String region, LocalDate fromExclusive, LocalDate toInclusive) {
        Snapshot s = snapshot;
        String code = normalizeRegion(region);
        StringBuilder version = new StringBuilder();
        for (int year = fromExclusive.plusDays(1).getYear(); year <= toInclusive.getYear(); year++) {
            CalendarYear federal = s.federal().get(year);
            if (federal == null) {
                break;
            }
            version.append(version.isEmpty() ? "" : ",")
                    .append(FEDERAL_DIR)
                    .append('/')
                    .append(year)
                    .append('@')
                    .append(federal.fingerprint());
            if (code != null && s.regions().containsKey(code)) {
                CalendarYear overlay = s.overlay(code, year);
                version.append(',')
                        .append(REGION_DIR)
                        .append('/')
                        .append(code)
                        .append('/')
                        .append(year)
                        .append('@')
                        .append(overlay != null ? overlay.fingerprint() : "federal-only");
            }
        }
        return version.isEmpty() ? null : version.toString();
    }

    // ------------------------------------------------------------------------------------------ queries

    public boolean isWorkingDay(LocalDate date, String region) {
        return snapshot.isWorkingDay(Objects.requireNonNull(date, "date"), normalizeRegion(region), marks);
    }

    /** Whether {@code region} has regional non-working days: an overlay of some year is loaded for it. */
    public boolean hasRegionalDays(String region) {
        String code = normalizeRegion(region);
        return code != null && snapshot.regions().containsKey(code);
    }

    /** Whether the overlay of {@code region} for {@code year} is loaded. */
    public boolean hasOverlay(String region, int year) {
        return snapshot.overlay(normalizeRegion(region), year) != null;
    }

    /**
     * The years of {@code (fromExclusive, toInclusive]} that a count for {@code region} took from the federal calendar
     * alone because an administrator marked them "federal only" (the region has regional days, the year's overlay is
     * not loaded); empty for a region without regional days or when every year's overlay is loaded.
     */
    public NavigableSet<Integer> federalOnlyYears(String region, LocalDate fromExclusive, LocalDate toInclusive) {
        String code = normalizeRegion(region);
        TreeSet<Integer> years = new TreeSet<>();
        Snapshot s = snapshot;
        if (code == null || !s.regions().containsKey(code) || toInclusive.isBefore(fromExclusive)) {
            return years;
        }
        for (int year = fromExclusive.plusDays(1).getYear(); year <= toInclusive.getYear(); year++) {
            if (s.overlay(code, year) == null && marks.isMarked(code, year)) {
                years.add(year);
            }
        }
        return years;
    }

    /** The year as seen by an authority of {@code region} ({@code null}: federal only). */
    public YearView year(int year, String region) {
        Snapshot s = snapshot;
        String code = normalizeRegion(region);
        CalendarYear federal = s.federal(year);
        CalendarYear overlay = s.overlay(code, year);
        TreeSet<LocalDate> nonWorking = new TreeSet<>(federal.nonWorkingDays());
        TreeSet<LocalDate> workingWeekend = new TreeSet<>(federal.workingWeekendDays());
        if (overlay != null) {
            nonWorking.addAll(overlay.nonWorkingDays());
            workingWeekend.addAll(overlay.workingWeekendDays());
        }
        int count = 0;
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (s.isWorkingDay(day, code, marks)) {
                count++;
            }
        }
        boolean federalOnly = overlay == null && code != null && s.regions().containsKey(code);
        return new YearView(year, List.copyOf(nonWorking), List.copyOf(workingWeekend), count, federalOnly);
    }

    /**
     * The counting rule of DOMAIN.md: the change is made on its local date in the authority's time zone; the
     * count starts the next calendar day; the due date is the {@code workingDays}-th working day.
     */
    public DueDate dueDate(Instant madeAt, int workingDays, ZoneId zone, String region) {
        Objects.requireNonNull(madeAt, "madeAt");
        Objects.requireNonNull(zone, "zone");
        LocalDate madeOn = LocalDate.ofInstant(madeAt, zone);
        return new DueDate(madeOn, addWorkingDays(madeOn, workingDays, region));
    }

    /** The {@code n}-th working day after {@code madeOn} ({@code madeOn} itself is never counted). */
    public LocalDate addWorkingDays(LocalDate madeOn, int n, String region) {
        Objects.requireNonNull(madeOn, "madeOn");
        if (n < 1) {
            throw new IllegalArgumentException("Число рабочих дней должно быть не меньше 1, получено " + n);
        }
        Snapshot s = snapshot;
        String code = normalizeRegion(region);
        LocalDate day = madeOn;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (s.isWorkingDay(day, code, marks)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * Working days in {@code (fromExclusive, toInclusive]}; when {@code toInclusive} is before
     * {@code fromExclusive}, minus the working days in {@code (toInclusive, fromExclusive]}. So
     * {@code workingDaysBetween(today, dueDate)} is the working days left (0 on the due date) and is negative
     * by the working days of delay once the due date has passed.
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive, String region) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive, region);
        }
        Snapshot s = snapshot;
        String code = normalizeRegion(region);
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (s.isWorkingDay(day, code, marks)) {
                count++;
            }
        }
        return count;
    }

    /** The years whose federal calendar is loaded, ascending. */
    public NavigableSet<Integer> loadedYears() {
        return new TreeSet<>(snapshot.federal().keySet());
    }

    /**
     * What a due date counted over {@code (fromExclusive, toInclusive]} must say when a year of it was taken from the
     * federal calendar alone ({@link #federalOnlyYears}): «срок рассчитан по федеральному календарю: региональный
     * календарь RU-DA на 2027 год не загружен …»; null when there is nothing to say.
     */
    public String federalOnlyNote(String region, LocalDate fromExclusive, LocalDate toInclusive) {
        NavigableSet<Integer> years = federalOnlyYears(region, fromExclusive, toInclusive);
        if (years.isEmpty()) {
            return null;
        }
        String list = years.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        return "срок рассчитан по федеральному календарю: региональный календарь " + normalizeRegion(region) + " на "
                + list + (years.size() == 1 ? " год" : " годы")
                + " не загружен (отметка администратора «только федеральный календарь»)";
    }

    // ------------------------------------------------------------------------------------------ loading

    /** What a calendar file holds and the year it would make, before it is loaded. */
    public record Preview(CalendarYear file, YearView year) {}

    /**
     * Adds or replaces one year (federal, or a region's overlay when the file has {@code region}) from the
     * JSON of a calendar file; writes it to the external directory when there is one.
     *
     * @throws InvalidCalendarException with every reason the file is refused
     */
    public CalendarYear load(String json) {
        CalendarYear year = CalendarJson.parse(json);
        synchronized (this) {
            if (directory != null) {
                write(year, json);
            }
            if (store != null) {
                store.save(year, json); // every instance, the command side's counts included, takes it from there
            }
            install(year);
        }
        // the source is text an administrator sent: one line in the log, whatever it holds
        log.info(
                "Loaded {} ({}){}",
                AdminAudit.oneLine(year.describe()),
                AdminAudit.oneLine(year.source()),
                directory == null ? "" : ", saved in " + directory);
        return year;
    }

    /**
     * The file's year and the year it would make (with the federal calendar under a region's overlay), checked as
     * {@link #load} checks it, without loading it.
     *
     * @throws InvalidCalendarException with every reason the file is refused
     */
    public Preview preview(String json) {
        CalendarYear file = CalendarJson.parse(json);
        TreeSet<LocalDate> nonWorking = new TreeSet<>(file.nonWorkingDays());
        TreeSet<LocalDate> workingWeekend = new TreeSet<>(file.workingWeekendDays());
        if (!file.isFederal()) {
            CalendarYear federal = snapshot.federal(file.year());
            nonWorking.addAll(federal.nonWorkingDays());
            workingWeekend.addAll(federal.workingWeekendDays());
        }
        int count = 0;
        for (LocalDate day = LocalDate.of(file.year(), 1, 1); day.getYear() == file.year(); day = day.plusDays(1)) {
            boolean weekend = CalendarJson.isWeekend(day);
            if (weekend ? workingWeekend.contains(day) : !nonWorking.contains(day)) {
                count++;
            }
        }
        return new Preview(
                file, new YearView(file.year(), List.copyOf(nonWorking), List.copyOf(workingWeekend), count));
    }

    private void loadBundled() {
        ClassLoader loader = ProductionCalendar.class.getClassLoader();
        for (String file : bundledFiles(loader)) {
            String json = readResource(loader, BUNDLED_ROOT + file);
            CalendarYear year = parseFile(json, "classpath:" + BUNDLED_ROOT + file);
            checkPlacement(year, file, "classpath:" + BUNDLED_ROOT + file);
            install(year);
        }
        log.info("Production calendar: bundled years {}", loadedYears());
    }

    /** The bundled file names listed in {@code calendar/index.txt}, relative to {@code calendar/}. */
    static List<String> bundledFiles(ClassLoader loader) {
        return readResource(loader, BUNDLED_INDEX)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private void loadDirectory() {
        if (!Files.isDirectory(directory)) {
            log.warn("Production calendar directory {} does not exist; only bundled years are loaded", directory);
            return;
        }
        int files = 0;
        for (Path file : yearFiles(directory.resolve(FEDERAL_DIR))) {
            loadFile(file, FEDERAL_DIR + "/" + file.getFileName());
            files++;
        }
        for (Path regionDir : directories(directory.resolve(REGION_DIR))) {
            for (Path file : yearFiles(regionDir)) {
                loadFile(file, REGION_DIR + "/" + regionDir.getFileName() + "/" + file.getFileName());
                files++;
            }
        }
        log.info("Production calendar: {} file(s) from {}; years now {}", files, directory, loadedYears());
    }

    private void loadFile(Path file, String relative) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read calendar file " + file, e);
        }
        CalendarYear year = parseFile(json, file.toString());
        checkPlacement(year, relative, file.toString());
        install(year);
    }

    private static CalendarYear parseFile(String json, String origin) {
        try {
            return CalendarJson.parse(json);
        } catch (InvalidCalendarException e) {
            throw new IllegalStateException("Calendar file " + origin + " is refused: " + e.getMessage(), e);
        }
    }

    /** A file's place must say what it holds: {@code federal/2025.json}, {@code region/RU-DA/2025.json}. */
    private static void checkPlacement(CalendarYear year, String relative, String origin) {
        String expected = relativePath(year);
        if (!expected.equals(relative.replace('\\', '/'))) {
            throw new IllegalStateException(
                    "Calendar file " + origin + " holds the " + year.describe() + " and must be named " + expected);
        }
    }

    static String relativePath(CalendarYear year) {
        return year.isFederal()
                ? FEDERAL_DIR + "/" + year.year() + ".json"
                : REGION_DIR + "/" + year.region() + "/" + year.year() + ".json";
    }

    private void write(CalendarYear year, String json) {
        Path target = directory.resolve(relativePath(year));
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + year.year() + "-", ".tmp");
            try {
                Files.writeString(temp, json, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save calendar file " + target, e);
        }
    }

    private synchronized void install(CalendarYear year) {
        snapshot = snapshot.with(year);
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * {@code null} or blank: the federal calendar only; otherwise an ISO 3166-2 code, upper-cased
     * ({@code ru-da} → {@code RU-DA}). A well-formed code without overlay files means the federal calendar.
     *
     * @throws IllegalArgumentException for a value that is not such a code
     */
    public static String normalizeRegion(String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        String code = region.strip().toUpperCase(Locale.ROOT);
        if (!REGION_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Код региона «" + region.strip()
                    + "» не является кодом ISO 3166-2 (например, RU-DA — Республика Дагестан)");
        }
        return code;
    }

    private static List<Path> yearFiles(Path dir) {
        return list(dir, false).stream()
                .filter(file -> {
                    Matcher m = YEAR_FILE.matcher(file.getFileName().toString());
                    if (!m.matches()) {
                        if (file.getFileName().toString().endsWith(".json")) {
                            log.warn("Ignoring calendar file {}: its name must be the year, e.g. 2027.json", file);
                        }
                        return false;
                    }
                    return true;
                })
                .toList();
    }

    private static List<Path> directories(Path dir) {
        return list(dir, true);
    }

    private static List<Path> list(Path dir, boolean directories) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            TreeSet<Path> result = new TreeSet<>();
            for (Path p : stream) {
                if (directories ? Files.isDirectory(p) : Files.isRegularFile(p)) {
                    result.add(p);
                }
            }
            return List.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list calendar directory " + dir, e);
        }
    }

    private static String readResource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Bundled calendar resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bundled calendar resource " + name, e);
        }
    }

    /** Immutable state: federal years, and per region code its overlay years. */
    private record Snapshot(Map<Integer, CalendarYear> federal, Map<String, Map<Integer, CalendarYear>> regions) {

        Snapshot with(CalendarYear year) {
            if (year.isFederal()) {
                Map<Integer, CalendarYear> f = new HashMap<>(federal);
                f.put(year.year(), year);
                return new Snapshot(Map.copyOf(f), regions);
            }
            Map<Integer, CalendarYear> r = new HashMap<>(regions.getOrDefault(year.region(), Map.of()));
            r.put(year.year(), year);
            Map<String, Map<Integer, CalendarYear>> all = new HashMap<>(regions);
            all.put(year.region(), Map.copyOf(r));
            return new Snapshot(federal, Map.copyOf(all));
        }

        CalendarYear federal(int year) {
            CalendarYear calendar = federal.get(year);
            if (calendar == null) {
                throw new CalendarYearMissingException(year);
            }
            return calendar;
        }

        CalendarYear overlay(String region, int year) {
            return region == null
                    ? null
                    : regions.getOrDefault(region, Map.of()).get(year);
        }

        boolean isWorkingDay(LocalDate day, String region, FederalOnlyMarks marks) {
            CalendarYear federal = federal(day.getYear());
            CalendarYear overlay = overlay(region, day.getYear());
            if (overlay == null
                    && region != null
                    && regions.containsKey(region)
                    && !marks.isMarked(region, day.getYear())) {
                throw new RegionalCalendarMissingException(region, day.getYear());
            }
            if (CalendarJson.isWeekend(day)) {
                return federal.workingWeekendDays().contains(day)
                        || overlay != null && overlay.workingWeekendDays().contains(day);
            }
            return !federal.nonWorkingDays().contains(day)
                    && (overlay == null || !overlay.nonWorkingDays().contains(day));
        }
    }
}

package org.touchpoints.register.query.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.NavigableSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.api.calendar.DueDate;
import org.touchpoints.register.platform.audit.AdminAudit;
import org.touchpoints.register.platform.calendar.CalendarYear;
import org.touchpoints.register.platform.calendar.CalendarYearMissingException;
import org.touchpoints.register.platform.calendar.InvalidCalendarException;
import org.touchpoints.register.platform.calendar.ProductionCalendar;
import org.touchpoints.register.platform.calendar.RegionalCalendarMissingException;
import org.touchpoints.register.platform.calendar.YearView;
import org.touchpoints.register.platform.web.ApiException;

/** The production calendar over HTTP (API.md): due dates, a year's view, and the administrator's upload. */
@RestController
@RequestMapping("/api/v1/calendar")
public class CalendarController {
    static final int MAX_UPLOAD_CHARS = 100_000;

    private final ProductionCalendar calendar;
    private final AdminAudit audit;
    private final ApplicationEventPublisher events;

    /** Without an application around it (tests): an upload tells nobody. */
    public CalendarController(ProductionCalendar calendar, AdminAudit audit) {
        this(calendar, audit, event -> {});
    }

    @Autowired
    public CalendarController(ProductionCalendar calendar, AdminAudit audit, ApplicationEventPublisher events) {
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
    }

    /**
     * The due date, and whether a year of the count was taken from the federal calendar alone by a "federal only" mark
     * ({@code federalOnly}, with the {@code note} a person reads).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DueDateAnswer(LocalDate madeOn, LocalDate dueDate, boolean federalOnly, String note) {}

    /** {@code GET /api/v1/calendar/due-date?madeAt=INSTANT&workingDays=N&zone=IANA_ZONE[&region=CODE]}. */
    @GetMapping("/due-date")
    public DueDateAnswer dueDate(
            @RequestParam(required = false) String madeAt,
            @RequestParam(required = false) String workingDays,
            @RequestParam(required = false) String zone,
            @RequestParam(required = false) String region) {
        String code = refusalsAsApiErrors(calendar, () -> DueDateArguments.region(region));
        DueDate due = refusalsAsApiErrors(
                calendar,
                () -> calendar.dueDate(
                        DueDateArguments.madeAt(madeAt),
                        DueDateArguments.workingDays(workingDays),
                        DueDateArguments.zone(zone),
                        code));
        String note = calendar.federalOnlyNote(code, due.madeOn(), due.dueDate());
        return new DueDateAnswer(due.madeOn(), due.dueDate(), note != null, note);
    }

    /** {@code GET /api/v1/calendar/{year}[?region=CODE]}. */
    @GetMapping("/{year:\\d+}")
    public YearView year(@PathVariable int year, @RequestParam(required = false) String region) {
        return refusalsAsApiErrors(calendar, () -> calendar.year(year, DueDateArguments.region(region)));
    }

    /**
     * {@code POST /api/v1/calendar}: adds or replaces a year (federal, or a region's overlay) from a calendar
     * file in the format of {@code calendar/README.md}.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public UploadedYear upload(@RequestBody(required = false) String json, Principal who) {
        UploadedYear loaded = upload(json);
        audit.record(
                who.getName(),
                AdminAudit.CALENDAR_UPLOADED,
                loaded.year() + (loaded.region() == null ? " (федеральный)" : " (регион " + loaded.region() + ")"),
                "источник: " + loaded.source() + "; нерабочих дней: "
                        + loaded.nonWorkingDays().size() + ", рабочих выходных: "
                        + loaded.workingWeekendDays().size());
        return loaded;
    }

    /** The upload itself, without its record in the admin audit. */
    UploadedYear upload(String json) {
        if (json != null && json.length() > MAX_UPLOAD_CHARS) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST, "Файл календаря слишком большой: больше " + MAX_UPLOAD_CHARS + " символов");
        }
        CalendarYear loaded = refusalsAsApiErrors(calendar, () -> calendar.load(json));
        events.publishEvent(new CalendarChanged(loaded.region(), loaded.year()));
        return new UploadedYear(
                loaded.year(),
                loaded.region(),
                loaded.source(),
                List.copyOf(loaded.nonWorkingDays()),
                List.copyOf(loaded.workingWeekendDays()));
    }

    /**
     * The year {@code json} would make (for the administrator's page, which shows it before loading), checked as
     * {@link #upload} checks it; loads nothing.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ProductionCalendar.Preview preview(String json) {
        if (json != null && json.length() > MAX_UPLOAD_CHARS) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST, "Файл календаря слишком большой: больше " + MAX_UPLOAD_CHARS + " символов");
        }
        return refusalsAsApiErrors(() -> calendar.preview(json));
    }

    /** The stored file as accepted; {@code region} is {@code null} for the federal calendar. */
    public record UploadedYear(
            int year,
            String region,
            String source,
            List<LocalDate> nonWorkingDays,
            List<LocalDate> workingWeekendDays) {}

    private <T> T refusalsAsApiErrors(Supplier<T> call) {
        return refusalsAsApiErrors(calendar, call);
    }

    /** Refusals of the calendar as problem details: 400, naming the field or the missing year. */
    static <T> T refusalsAsApiErrors(ProductionCalendar calendar, Supplier<T> call) {
        try {
            return call.get();
        } catch (CalendarArgumentException e) {
            throw ApiException.badRequest(e.field(), e.getMessage());
        } catch (InvalidCalendarException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage(), e.errors());
        } catch (RegionalCalendarMissingException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (CalendarYearMissingException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage() + loadedYearsHint(calendar));
        }
    }

    private static String loadedYearsHint(ProductionCalendar calendar) {
        NavigableSet<Integer> years = calendar.loadedYears();
        return years.isEmpty()
                ? ""
                : " (загружены: " + years.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }
}

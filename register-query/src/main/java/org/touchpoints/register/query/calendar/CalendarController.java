package org.touchpoints.register.query.calendar;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.NavigableSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.api.calendar.DueDate;
import org.touchpoints.register.platform.audit.AdminAudit;
import org.touchpoints.register.platform.web.ApiException;

/** The production calendar over HTTP (API.md): due dates, a year's view, and the administrator's upload. */
@RestController
@RequestMapping("/api/v1/calendar")
public class CalendarController {
    static final int MAX_UPLOAD_CHARS = 100_000;

    private final ProductionCalendar calendar;
    private final AdminAudit audit;

    public CalendarController(ProductionCalendar calendar, AdminAudit audit) {
        this.calendar = calendar;
        this.audit = audit;
    }

    /** {@code GET /api/v1/calendar/due-date?madeAt=INSTANT&workingDays=N&zone=IANA_ZONE[&region=CODE]}. */
    @GetMapping("/due-date")
    public DueDate dueDate(@RequestParam(required = false) String madeAt,
                           @RequestParam(required = false) String workingDays,
                           @RequestParam(required = false) String zone,
                           @RequestParam(required = false) String region) {
        return refusalsAsApiErrors(() -> calendar.dueDate(
                DueDateArguments.madeAt(madeAt),
                DueDateArguments.workingDays(workingDays),
                DueDateArguments.zone(zone),
                DueDateArguments.region(region)));
    }

    /** {@code GET /api/v1/calendar/{year}[?region=CODE]}. */
    @GetMapping("/{year:\\d+}")
    public YearView year(@PathVariable int year, @RequestParam(required = false) String region) {
        return refusalsAsApiErrors(() -> calendar.year(year, DueDateArguments.region(region)));
    }

    /**
     * {@code POST /api/v1/calendar}: adds or replaces a year (federal, or a region's overlay) from a calendar
     * file in the format of {@code calendar/README.md}.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public UploadedYear upload(@RequestBody(required = false) String json, Principal who) {
        UploadedYear loaded = upload(json);
        audit.record(who.getName(), AdminAudit.CALENDAR_UPLOADED,
                loaded.year() + (loaded.region() == null ? " (федеральный)" : " (регион " + loaded.region() + ")"),
                "источник: " + loaded.source() + "; нерабочих дней: " + loaded.nonWorkingDays().size()
                        + ", рабочих выходных: " + loaded.workingWeekendDays().size());
        return loaded;
    }

    /** The upload itself, without its record in the admin audit. */
    UploadedYear upload(String json) {
        if (json != null && json.length() > MAX_UPLOAD_CHARS) {
            throw new ApiException(HttpStatus.BAD_REQUEST,
                    "Файл календаря слишком большой: больше " + MAX_UPLOAD_CHARS + " символов");
        }
        CalendarYear loaded = refusalsAsApiErrors(() -> calendar.load(json));
        return new UploadedYear(loaded.year(), loaded.region(), loaded.source(),
                List.copyOf(loaded.nonWorkingDays()), List.copyOf(loaded.workingWeekendDays()));
    }

    /** The stored file as accepted; {@code region} is {@code null} for the federal calendar. */
    public record UploadedYear(int year, String region, String source, List<LocalDate> nonWorkingDays,
                               List<LocalDate> workingWeekendDays) {
    }

    private <T> T refusalsAsApiErrors(Supplier<T> call) {
        try {
            return call.get();
        } catch (CalendarArgumentException e) {
            throw ApiException.badRequest(e.field(), e.getMessage());
        } catch (InvalidCalendarException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage(), e.errors());
        } catch (CalendarYearMissingException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage() + loadedYearsHint());
        }
    }

    private String loadedYearsHint() {
        NavigableSet<Integer> years = calendar.loadedYears();
        return years.isEmpty() ? "" : " (загружены: " + years.stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + ")";
    }
}

package org.touchpoints.register.query.calendar;

import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.platform.audit.AdminAudit;
import org.touchpoints.register.platform.calendar.CalendarJson;
import org.touchpoints.register.platform.calendar.FederalOnlyRegistry;
import org.touchpoints.register.platform.calendar.ProductionCalendar;
import org.touchpoints.register.platform.web.ApiException;

/**
 * A region-year "federal only": a region with regional non-working days whose overlay for a year is not loaded is not
 * counted by the federal calendar without a word; an administrator may decide it is, and every due date counted that
 * way then says so.
 */
@RestController
@RequestMapping("/api/v1/calendar")
public class FederalOnlyController {
    static final int MAX_REASON_CHARS = 2000;

    private final ProductionCalendar calendar;
    private final FederalOnlyRegistry federalOnly;
    private final AdminAudit audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    public FederalOnlyController(
            ProductionCalendar calendar,
            FederalOnlyRegistry federalOnly,
            AdminAudit audit,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.calendar = calendar;
        this.federalOnly = federalOnly;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    public record FederalOnlyRequest(String reason) {}

    /**
     * {@code POST /api/v1/calendar/{year}/federal-only?region=CODE} (administrators): the region has regional
     * non-working days but its overlay for the year is not loaded; count its deadlines of that year by the federal
     * calendar, saying so on every due date counted that way. Recorded in the administrators' audit trail; refused
     * counts are counted again at once. 201 with the mark; 200 with the earlier one when it is marked already.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/{year:\\d+}/federal-only")
    public ResponseEntity<FederalOnlyRegistry.Mark> markFederalOnly(
            @PathVariable int year,
            @RequestParam(required = false) String region,
            @RequestBody(required = false) FederalOnlyRequest body,
            Authentication who) {
        if (year < CalendarJson.MIN_YEAR || year > CalendarJson.MAX_YEAR) {
            throw ApiException.badRequest(
                    "year", "Год — целое число от " + CalendarJson.MIN_YEAR + " до " + CalendarJson.MAX_YEAR);
        }
        String code = CalendarController.refusalsAsApiErrors(calendar, () -> DueDateArguments.region(region));
        if (code == null) {
            throw ApiException.badRequest("region", "Укажите код региона (region), например RU-DA");
        }
        String reason = body == null || body.reason() == null || body.reason().isBlank()
                ? null
                : body.reason().strip();
        if (reason != null && (reason.length() > MAX_REASON_CHARS || Text.hasControlCharacters(reason))) {
            throw ApiException.badRequest(
                    "reason", "Основание — текст до " + MAX_REASON_CHARS + " символов без управляющих символов");
        }
        if (!calendar.hasRegionalDays(code)) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "У региона " + code + " не загружено ни одного регионального "
                            + "календаря: его сроки и так считаются по федеральному календарю, отметка не нужна");
        }
        if (calendar.hasOverlay(code, year)) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "Календарь региона " + code + " на " + year
                            + " год загружен: сроки считаются по нему, отметка «только федеральный календарь» не нужна");
        }
        Optional<FederalOnlyRegistry.Mark> recorded = transaction.execute(status -> {
            Optional<FederalOnlyRegistry.Mark> mark = federalOnly.mark(code, year, who.getName(), reason);
            mark.ifPresent(m -> audit.record(
                    who.getName(),
                    AdminAudit.CALENDAR_FEDERAL_ONLY,
                    code + " " + year,
                    "Сроки региона " + code + " в " + year + " году считаются по федеральному календарю"
                            + (reason == null ? "" : ": " + reason)));
            return mark;
        });
        if (recorded.isEmpty()) {
            return ResponseEntity.ok(federalOnly.find(code, year).orElseThrow());
        }
        events.publishEvent(new CalendarChanged(code, year));
        return ResponseEntity.status(HttpStatus.CREATED).body(recorded.get());
    }

    /** {@code GET /api/v1/calendar/federal-only}: every region-year marked "federal only". */
    @GetMapping("/federal-only")
    public List<FederalOnlyRegistry.Mark> federalOnlyMarks() {
        return federalOnly.all();
    }
}

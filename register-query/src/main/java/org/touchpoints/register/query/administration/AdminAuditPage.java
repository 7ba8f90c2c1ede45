package org.touchpoints.register.query.administration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.touchpoints.register.platform.audit.AdminAudit;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewer;

/**
 * The administrators' actions for the compliance officer and the administrators ({@code /admin/audit}): accounts,
 * roles, calendars, rebuilds, dead letters — who (by name), when (Moscow time), what — newest first, a page at a time.
 * The same entries as {@code GET /api/v1/admin/audit}.
 */
@UiController
public class AdminAuditPage {
    static final int PAGE_SIZE = 50;
    /** The service's administrators act for every region: one zone for all, named on the page. */
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final AdminAudit audit;

    public AdminAuditPage(AdminAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String page(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        if (viewer == null || !viewer.auditor()) {
            throw new AccessDeniedException("Журнал администрирования доступен аудитору и администратору");
        }
        Instant fromInstant = from == null ? null : from.atStartOfDay(MOSCOW).toInstant();
        Instant toInstant =
                to == null ? null : to.plusDays(1).atStartOfDay(MOSCOW).toInstant();
        long total = audit.count(fromInstant, toInstant);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        List<AdminAudit.Entry> entries = audit.list(fromInstant, toInstant, (current - 1) * PAGE_SIZE, PAGE_SIZE);

        model.addAttribute("entries", entries);
        model.addAttribute("zone", MOSCOW);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("firstShown", total == 0 ? 0 : (long) (current - 1) * PAGE_SIZE + 1);
        model.addAttribute("lastShown", (long) (current - 1) * PAGE_SIZE + entries.size());
        UriComponentsBuilder here = UriComponentsBuilder.fromPath("/admin/audit");
        if (from != null) {
            here.queryParam("from", from.toString());
        }
        if (to != null) {
            here.queryParam("to", to.toString());
        }
        model.addAttribute(
                "previousUrl",
                current > 1
                        ? here.cloneBuilder().queryParam("page", current - 1).toUriString()
                        : null);
        model.addAttribute(
                "nextUrl",
                current < pages
                        ? here.cloneBuilder().queryParam("page", current + 1).toUriString()
                        : null);
        return "admin-audit";
    }
}

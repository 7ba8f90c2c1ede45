package org.touchpoints.register.query.deadline;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.query.change.ChangeReadModel;
import org.touchpoints.register.query.change.ChangeSubject;
import org.touchpoints.register.query.change.ChangeView;
import org.touchpoints.register.query.paging.Pager;
import org.touchpoints.register.query.register.RegisterPicker;
import org.touchpoints.register.query.register.RegisterReadAccess;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewer;

/**
 * The deadline dashboard: one line per approved change with its due date and working days left, the counts per
 * status and publications on time and late per month. Auditors and admins see every register of the deployment
 * (region-wide compliance); everyone else sees the registers they are members of ({@link RegisterReadAccess}).
 */
@UiController
public class DeadlinePage {
    /** One line of the dashboard. */
    public record Line(
            DeadlineBoard.DeadlineView deadline,
            String authority,
            String divisionName,
            String subject,
            String daysText) {}

    private final DeadlineBoard board;
    private final RegisterReadModel registers;
    private final ChangeReadModel changes;
    private final Clock clock;
    private final RegisterReadAccess access;
    private final RegisterPicker picker;

    public DeadlinePage(
            DeadlineBoard board,
            RegisterReadModel registers,
            ChangeReadModel changes,
            Clock clock,
            RegisterReadAccess access,
            RegisterPicker picker) {
        this.picker = picker;
        this.access = access;
        this.board = board;
        this.registers = registers;
        this.changes = changes;
        this.clock = clock;
    }

    @GetMapping("/deadlines")
    String deadlines(
            @RequestParam(required = false) String registerId,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) PublicationDeadline.Status status,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        RegisterReadAccess.Scope scope = access.scope();
        List<String> readable = scope.filter();
        String register = Text.isBlank(registerId) ? null : picker.resolve(readable, registerId.strip());
        if (register != null) {
            access.requireReadable(register);
        }
        String div = Text.isBlank(division) ? null : division.strip();

        // counts and chart by the database; the entries of one page only (at 10,000 registers: 300,000 entries)
        YearMonth thisMonth = YearMonth.now(clock);
        DeadlineBoard.Summary summary = board.summary(register, readable, div, thisMonth.minusMonths(11));
        UriComponentsBuilder here = UriComponentsBuilder.fromPath("/deadlines");
        if (register != null) {
            here.queryParam("registerId", register);
        }
        if (div != null) {
            here.queryParam("division", div);
        }
        if (status != null) {
            here.queryParam("status", status.name());
        }
        Pager pager = Pager.of(page, summary.total(status), here);
        List<DeadlineBoard.DeadlineView> shown =
                board.deadlines(register, readable, div, status, pager.offset(), pager.size());
        java.util.Set<String> shownRegisters =
                shown.stream().map(DeadlineBoard.DeadlineView::registerId).collect(Collectors.toSet());
        Map<String, String> authorities = registers.authorities(shownRegisters);
        Map<String, java.util.LinkedHashMap<String, String>> divisionNames = registers.divisionsOf(shownRegisters);
        Map<String, ChangeView> changeViews = changes.byIds(
                shown.stream().map(DeadlineBoard.DeadlineView::changeId).toList());
        List<Line> lines = shown.stream()
                .map(d -> new Line(
                        d,
                        authorities.get(d.registerId()),
                        divisionNames
                                .getOrDefault(d.registerId(), new java.util.LinkedHashMap<>())
                                .getOrDefault(d.division(), d.division()),
                        ChangeSubject.of(changeViews.get(d.changeId())),
                        daysText(d)))
                .toList();
        Map<PublicationDeadline.Status, Long> counts = summary.counts();
        model.addAttribute("lines", lines);
        model.addAttribute("pager", pager);
        model.addAttribute(
                "refused",
                board.refused(register).stream()
                        .filter(r -> scope.includes(r.registerId()))
                        .filter(r -> div == null || div.equals(r.division()))
                        .toList());
        model.addAttribute("counts", counts);
        model.addAttribute("statuses", PublicationDeadline.Status.values());
        model.addAttribute("picker", picker.picker(readable, register));
        model.addAttribute("divisions", registers.divisionNames(register == null ? readable : List.of(register)));
        model.addAttribute("registerId", register);
        model.addAttribute("division", div);
        model.addAttribute("status", status);
        model.addAttribute("allRegisters", viewer.auditor());
        model.addAttribute("chart", PublicationChart.of(summary.publishedPerMonth(), thisMonth, 12));
        return "deadlines";
    }

    /** Working days left, or by how many the publication is (or was) late, as a person says it. */
    static String daysText(DeadlineBoard.DeadlineView d) {
        if (d.dueDateUnknown() != null) {
            return "срок не рассчитан: " + d.dueDateUnknown();
        }
        Integer left = d.workingDaysLeft();
        if (left == null) {
            return "производственный календарь на этот год не загружен";
        }
        return switch (d.status()) {
            case PENDING, AT_RISK ->
                left == 0
                        ? "срок сегодня"
                        : (left % 10 == 1 && left % 100 != 11 ? "остался " : "осталось ") + workingDays(left);
            case OVERDUE -> left == 0 ? "просрочено: срок истёк" : "просрочено на " + workingDays(-left);
            case PUBLISHED_ON_TIME -> "опубликовано в срок";
            case PUBLISHED_LATE ->
                left == 0 ? "опубликовано с опозданием" : "опубликовано с опозданием на " + workingDays(-left);
        };
    }

    /** «1 рабочий день», «3 рабочих дня», «5 рабочих дней». */
    static String workingDays(int n) {
        int tens = n % 100;
        int units = n % 10;
        String words = tens >= 11 && tens <= 14
                ? "рабочих дней"
                : units == 1 ? "рабочий день" : units >= 2 && units <= 4 ? "рабочих дня" : "рабочих дней";
        return n + " " + words;
    }
}

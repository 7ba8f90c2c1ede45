package org.touchpoints.register.query.deadline;

import java.time.Clock;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
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
    public record Line(DeadlineBoard.DeadlineView deadline, String authority, String divisionName, String subject,
                       String daysText) {
    }

    private final DeadlineBoard board;
    private final RegisterReadModel registers;
    private final ChangeReadModel changes;
    private final Clock clock;
    private final RegisterReadAccess access;

    public DeadlinePage(DeadlineBoard board, RegisterReadModel registers, ChangeReadModel changes, Clock clock,
                        RegisterReadAccess access) {
        this.access = access;
        this.board = board;
        this.registers = registers;
        this.changes = changes;
        this.clock = clock;
    }

    @GetMapping("/deadlines")
    String deadlines(@RequestParam(required = false) String registerId, @RequestParam(required = false) String division,
                     @RequestParam(required = false) PublicationDeadline.Status status,
                     @RequestParam(defaultValue = "1") int page, Model model) {
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        RegisterReadAccess.Scope scope = access.scope();
        if (!Text.isBlank(registerId)) {
            access.requireReadable(registerId.strip());
        }
        Map<String, String> visible = registers.authorities(scope.filter());
        String register = Text.isBlank(registerId) ? null : registerId.strip();
        String div = Text.isBlank(division) ? null : division.strip();

        List<DeadlineBoard.DeadlineView> scoped = board.deadlines(register).stream()
                .filter(d -> visible.containsKey(d.registerId()))
                .filter(d -> div == null || div.equals(d.division()))
                .toList();
        Map<PublicationDeadline.Status, Long> counts = new EnumMap<>(PublicationDeadline.Status.class);
        for (PublicationDeadline.Status s : PublicationDeadline.Status.values()) {
            counts.put(s, scoped.stream().filter(d -> d.status() == s).count());
        }

        List<DeadlineBoard.DeadlineView> selected = scoped.stream().filter(d -> status == null || d.status() == status)
                .toList();
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
        Pager pager = Pager.of(page, selected.size(), here);
        List<DeadlineBoard.DeadlineView> shown = selected.subList(pager.offset(),
                Math.min(selected.size(), pager.offset() + pager.size()));
        Map<String, Map<String, String>> divisionNames = new HashMap<>();
        for (String id : shown.stream().map(DeadlineBoard.DeadlineView::registerId).collect(Collectors.toSet())) {
            divisionNames.put(id, registers.divisions(id));
        }
        Map<String, ChangeView> changeViews = changes.byIds(shown.stream().map(DeadlineBoard.DeadlineView::changeId).toList());
        List<Line> lines = shown.stream()
                .map(d -> new Line(d, visible.get(d.registerId()),
                        divisionNames.get(d.registerId()).getOrDefault(d.division(), d.division()),
                        ChangeSubject.of(changeViews.get(d.changeId())), daysText(d)))
                .toList();

        model.addAttribute("lines", lines);
        model.addAttribute("pager", pager);
        model.addAttribute("refused", board.refused(register).stream()
                .filter(r -> visible.containsKey(r.registerId()))
                .filter(r -> div == null || div.equals(r.division())).toList());
        model.addAttribute("counts", counts);
        model.addAttribute("statuses", PublicationDeadline.Status.values());
        model.addAttribute("registers", visible.entrySet().stream().map(e -> new RegisterOption(e.getKey(), e.getValue())).toList());
        model.addAttribute("divisions", registers.divisionNames(register == null ? scope.filter() : List.of(register)));
        model.addAttribute("registerId", register);
        model.addAttribute("division", div);
        model.addAttribute("status", status);
        model.addAttribute("allRegisters", viewer.auditor());
        model.addAttribute("chart", PublicationChart.of(scoped, YearMonth.now(clock), 12));
        return "deadlines";
    }

    /** A register of the filter's list. */
    public record RegisterOption(String id, String authority) {
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
            case PENDING, AT_RISK -> left == 0 ? "срок сегодня" : (left % 10 == 1 && left % 100 != 11 ? "остался " : "осталось ")
                    + workingDays(left);
            case OVERDUE -> left == 0 ? "просрочено: срок истёк" : "просрочено на " + workingDays(-left);
            case PUBLISHED_ON_TIME -> "опубликовано в срок";
            case PUBLISHED_LATE -> left == 0 ? "опубликовано с опозданием" : "опубликовано с опозданием на " + workingDays(-left);
        };
    }

    /** «1 рабочий день», «3 рабочих дня», «5 рабочих дней». */
    static String workingDays(int n) {
        int tens = n % 100;
        int units = n % 10;
        String words = tens >= 11 && tens <= 14 ? "рабочих дней"
                : units == 1 ? "рабочий день"
                : units >= 2 && units <= 4 ? "рабочих дня"
                : "рабочих дней";
        return n + " " + words;
    }
}

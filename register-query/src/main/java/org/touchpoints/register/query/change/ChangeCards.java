package org.touchpoints.register.query.change;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.row.ClientNeed;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.platform.calendar.CalendarYearMissingException;
import org.touchpoints.register.platform.calendar.ProductionCalendar;
import org.touchpoints.register.query.deadline.DeadlineBoard;
import org.touchpoints.register.query.deadline.PublicationDeadline;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.register.RegisterSettings;
import org.touchpoints.register.query.ui.People;
import org.touchpoints.register.query.ui.Viewer;
import org.touchpoints.register.query.ui.Words;

/**
 * A change as the pages show it: titles in Russian, the row before and after side by side, the timeline in the
 * register's time zone, the publication deadline, and the steps the viewer may take on it.
 */
@Component
public class ChangeCards {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private static final Map<String, String> KINDS = Map.of(
            "ADD",
            "Добавление строки",
            "EDIT",
            "Изменение строки",
            "REMOVE",
            "Исключение строки",
            "PACKAGE",
            "Пакет изменений");
    private static final Map<String, String> EVENTS = Map.ofEntries(
            Map.entry("ChangeInitiated", "Изменение предложено"),
            Map.entry("DivisionApproved", "Согласовано руководителем подразделения"),
            Map.entry("DeputyApproved", "Утверждено заместителем руководителя"),
            Map.entry("StepApproved", "Шаг согласования пройден"),
            Map.entry("ChangeApproved", "Утверждено"),
            Map.entry("ApprovalActRecorded", "Внесён приказ"),
            Map.entry("Published", "Опубликовано на официальном сайте"),
            Map.entry("ChangeRejected", "Отклонено"),
            Map.entry("ChangeWithdrawn", "Отозвано инициатором"),
            Map.entry("PublicationDeadlineMissed", "Срок публикации пропущен"),
            Map.entry("DueDateCounted", "Срок публикации рассчитан"));

    /** One field of the row: before and after the change; {@code changed} when an edit alters it. */
    public record Field(String label, String before, String after, boolean changed) {}

    public record Event(String title, String when, String who, String comment) {}

    /** What the viewer may do with the change now (the register decides again when they do it). */
    /**
     * {@code stepApproval}: the pending step is the responsible person's or the head of the authority's;
     * {@code actStep}: the change awaits its approving act and the viewer may record one; {@code orderAtApproval}:
     * the deputy's approval may name an order (the act is optional and this step puts the change into the register).
     */
    public record Steps(
            boolean divisionApproval,
            boolean deputyApproval,
            boolean withdrawal,
            boolean stepApproval,
            boolean actStep,
            boolean orderAtApproval,
            boolean rejection) {
        public boolean any() {
            return divisionApproval || deputyApproval || withdrawal || stepApproval || actStep || rejection;
        }

        /** Whether the change waits for this person's step: to approve it or to record its act. */
        public boolean waitsForViewer() {
            return divisionApproval || deputyApproval || stepApproval || actStep;
        }

        /** Asks the register's own step rules ({@link org.touchpoints.register.api.change.StepRules}), acting officials included. */
        static Steps of(Viewer viewer, ChangeView c, StepRights.Of rights) {
            String actor = viewer.username();
            String pending = c.pendingStep();
            boolean approve = actor != null && rights.mayApprove(actor, c);
            List<String> steps = c.procedureSteps() == null ? List.of() : c.procedureSteps();
            boolean lastStep = !steps.isEmpty() && steps.get(steps.size() - 1).equals(pending);
            return new Steps(
                    approve && "DIVISION_HEAD".equals(pending),
                    approve && "DEPUTY".equals(pending),
                    actor != null && rights.mayWithdraw(actor, c),
                    approve && ("RESPONSIBLE".equals(pending) || "HEAD_OF_AUTHORITY".equals(pending)),
                    actor != null && rights.mayRecordTheAct(actor, c),
                    lastStep && "OPTIONAL".equals(c.approvalAct()),
                    actor != null && rights.mayReject(actor, c));
        }
    }

    /**
     * One row of a change, as the pages show a package's diff row by row: its position from 1, what happens to it
     * ({@code kind} ADD, EDIT, REMOVE and its title), the row, and its fields before and after.
     */
    public record RowDiff(
            int no, String kind, String title, String rowId, String touchpoint, String process, List<Field> diff) {}

    /** The rows of a change, each with its diff. */
    static List<RowDiff> rows(ChangeView c, Map<String, String> divisions) {
        List<RowDiff> rows = new ArrayList<>();
        List<ChangeView.Operation> ops = c.operations() == null ? List.of() : c.operations();
        for (int i = 0; i < ops.size(); i++) {
            ChangeView.Operation op = ops.get(i);
            RowContent shown = op.after() != null ? op.after() : op.before();
            rows.add(new RowDiff(
                    i + 1,
                    op.kind(),
                    KINDS.getOrDefault(op.kind(), op.kind()),
                    op.rowId(),
                    shown == null || shown.touchpoint() == null
                            ? ""
                            : shown.touchpoint().name(),
                    shown == null ? "" : shown.process(),
                    diff(op.before(), op.after(), divisions)));
        }
        return rows;
    }

    /** The publication deadline of an approved change, as text and a status for the CSS class. */
    public record Deadline(String dueDate, String left, String status) {}

    /**
     * @param dueIfApprovedToday for a change still in the approval chain: the publication due date its final approval
     *                           today would start (the same calendar count as the recorded due date), as дд.мм.гггг;
     *                           null when the register has no deadline or the change is closed
     */
    public record Card(
            ChangeView change,
            String authority,
            String kind,
            String status,
            String reason,
            String division,
            String initiator,
            String initiated,
            String touchpoint,
            String process,
            List<Field> diff,
            List<Event> timeline,
            Deadline deadline,
            Steps steps,
            String dueIfApprovedToday,
            List<RowDiff> rows) {
        public String id() {
            return change.changeId();
        }

        /** The steps taken after the proposal (agreements, returns): what an approver reads before deciding. */
        public List<Event> earlierSteps() {
            return timeline.size() <= 1 ? List.of() : timeline.subList(1, timeline.size());
        }
    }

    private final RegisterReadModel registers;
    private final DeadlineBoard deadlines;
    private final People people;
    private final ChangeReadModel changes;
    private final RegisterSettings settings;
    private final ProductionCalendar calendar;
    private final Clock clock;
    private final StepRights rights;

    public ChangeCards(
            RegisterReadModel registers,
            DeadlineBoard deadlines,
            People people,
            ChangeReadModel changes,
            RegisterSettings settings,
            ProductionCalendar calendar,
            Clock clock,
            StepRights rights) {
        this.rights = rights;
        this.registers = registers;
        this.deadlines = deadlines;
        this.people = people;
        this.changes = changes;
        this.settings = settings;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Cards of changes (of any registers), with names looked up once per page. */
    public List<Card> cards(List<ChangeView> changes, Viewer viewer) {
        Map<String, RegisterReadModel.RegisterSummary> registerOf = new HashMap<>();
        Map<String, Map<String, String>> divisionsOf = new HashMap<>();
        Map<String, Map<String, DeadlineBoard.DeadlineView>> deadlinesOf = new HashMap<>();
        Function<String, String> name = people.cached();
        Map<String, List<ChangeView.TimelineEntry>> timelines = this.changes.timelines(changes.stream()
                .filter(c -> c.timeline() == null)
                .map(ChangeView::changeId)
                .toList());
        Map<String, String> dueToday = new HashMap<>();
        Map<String, StepRights.Of> rightsOf = new HashMap<>();
        List<Card> cards = new ArrayList<>(changes.size());
        for (ChangeView listed : changes) {
            ChangeView c = listed.timeline() != null
                    ? listed
                    : listed.withTimeline(timelines.getOrDefault(listed.changeId(), List.of()));
            var register = registerOf.computeIfAbsent(c.registerId(), registers::require);
            Map<String, String> divisions = divisionsOf.computeIfAbsent(c.registerId(), registers::divisions);
            ZoneId zone = ZoneId.of(register.timeZone());
            List<Event> timeline = c.timeline() == null
                    ? List.of()
                    : c.timeline().stream()
                            .map(t -> new Event(
                                    EVENTS.getOrDefault(t.event(), t.event()),
                                    when(t.at(), zone),
                                    t.onBehalfOf() == null
                                            ? name.apply(t.by())
                                            : name.apply(t.by()) + " (и.о. за " + name.apply(t.onBehalfOf()) + ")",
                                    Words.isoDatesIn(t.comment())))
                            .toList();
            DeadlineBoard.DeadlineView d = c.dueDate() == null
                            && !ChangeStatus.APPROVED.name().equals(c.status())
                    ? null
                    : deadlinesOf
                            .computeIfAbsent(
                                    c.registerId(),
                                    r -> deadlines.deadlines(r).stream()
                                            .collect(Collectors.toMap(DeadlineBoard.DeadlineView::changeId, v -> v)))
                            .get(c.changeId());
            RowContent shown = c.after() != null ? c.after() : c.before();
            List<RowDiff> rows = rows(c, divisions);
            cards.add(new Card(
                    c,
                    register.authority(),
                    KINDS.getOrDefault(c.kind(), c.kind()),
                    ChangeStatus.valueOf(c.status()).title(),
                    ChangeReason.valueOf(c.reason()).title(),
                    divisions.getOrDefault(c.division(), c.division()),
                    name.apply(c.initiatedBy()),
                    when(c.initiatedAt(), zone),
                    c.severalRows()
                            ? rowCount(rows.size())
                            : shown == null || shown.touchpoint() == null
                                    ? ""
                                    : shown.touchpoint().name(),
                    c.severalRows()
                            ? rows.stream().map(RowDiff::process).distinct().collect(Collectors.joining("; "))
                            : shown == null ? "" : shown.process(),
                    diff(c.before(), c.after(), divisions),
                    timeline,
                    deadline(c, d),
                    Steps.of(viewer, c, rightsOf.computeIfAbsent(c.registerId(), rights::of)),
                    ChangeStatus.valueOf(c.status()).closed() || "REQUIRED".equals(c.approvalAct())
                            ? null // an act starts it
                            : dueToday.computeIfAbsent(c.registerId(), this::dueIfApprovedToday),
                    rows));
        }
        return cards;
    }

    public Card card(ChangeView change, Viewer viewer) {
        return cards(List.of(change), viewer).get(0);
    }

    /**
     * The due date a final approval made now would start in the register: {@link PublicationDeadline}'s count from
     * today's local date; null when the register has no publication deadline, «» when the calendar lacks the year.
     */
    private String dueIfApprovedToday(String registerId) {
        RegisterSettings.Settings s = settings.of(registerId);
        if (s.deadlineWorkingDays() == null) {
            return null;
        }
        LocalDate madeOn = PublicationDeadline.madeOn(clock.instant(), null, s.zone());
        try {
            return Words.date(calendar.addWorkingDays(madeOn, s.deadlineWorkingDays(), s.region()));
        } catch (CalendarYearMissingException missing) {
            return "";
        }
    }

    /** The row's fields before and after; an edit marks the fields it changes. */
    public static List<Field> diff(RowContent before, RowContent after, Map<String, String> divisions) {
        List<Field> fields = new ArrayList<>();
        field(fields, "Направление деятельности", before, after, RowContent::direction);
        field(fields, "Процесс", before, after, RowContent::process);
        field(fields, "Точка взаимодействия", before, after, r -> touchpoint(r, Touchpoint::name));
        field(fields, "Адрес (ссылка, телефон, почта)", before, after, r -> touchpoint(r, Touchpoint::address));
        field(
                fields,
                "Канал",
                before,
                after,
                r -> r.touchpoint() == null || r.touchpoint().channel() == null
                        ? null
                        : r.touchpoint().channel().title());
        field(fields, "Удовлетворяемые потребности", before, after, ChangeCards::needs);
        field(fields, "Осуществляемое взаимодействие", before, after, RowContent::interaction);
        field(fields, "Особенности взаимодействия", before, after, RowContent::features);
        field(
                fields,
                "Подразделение",
                before,
                after,
                r -> r.division() == null ? null : divisions.getOrDefault(r.division(), r.division()));
        return fields;
    }

    private static void field(
            List<Field> fields, String label, RowContent before, RowContent after, Function<RowContent, String> value) {
        String b = before == null ? null : value.apply(before);
        String a = after == null ? null : value.apply(after);
        fields.add(new Field(label, b, a, before != null && after != null && !Objects.equals(b, a)));
    }

    private static String touchpoint(RowContent r, Function<Touchpoint, String> part) {
        return r.touchpoint() == null ? null : part.apply(r.touchpoint());
    }

    static String needs(RowContent r) {
        if (r.needs() == null) {
            return null;
        }
        return r.needs().stream()
                .map(code -> {
                    String title =
                            ClientNeed.ofCode(code).map(ClientNeed::title).orElse("?");
                    return code + ". " + title
                            + (code == ClientNeed.OTHER.code() && r.otherNeed() != null ? ": " + r.otherNeed() : "");
                })
                .collect(Collectors.joining("\n"));
    }

    private static Deadline deadline(ChangeView c, DeadlineBoard.DeadlineView d) {
        if (d != null && d.dueDateUnknown() != null) {
            return new Deadline(
                    "не рассчитан",
                    "срок не рассчитан: " + d.dueDateUnknown(),
                    d.status().name());
        }
        if (c.dueDate() == null) {
            return null;
        }
        String due = c.dueDate().format(DATE);
        if (d == null || d.workingDaysLeft() == null) {
            return new Deadline(due, "", "PENDING");
        }
        int left = d.workingDaysLeft();
        String text = switch (d.status()) {
            case PUBLISHED_ON_TIME -> "опубликовано в срок " + d.publishedOn().format(DATE);
            case PUBLISHED_LATE ->
                "опубликовано с опозданием " + d.publishedOn().format(DATE);
            case OVERDUE -> left < 0 ? "просрочено на " + workingDays(-left) : "срок истёк";
            case AT_RISK, PENDING -> left == 0 ? "сегодня последний день" : "осталось " + workingDays(left);
        };
        return new Deadline(due, text, d.status().name());
    }

    /** «1 строка», «3 строки», «5 строк». */
    static String rowCount(int n) {
        int mod100 = n % 100;
        int mod10 = n % 10;
        return n
                + (mod100 >= 11 && mod100 <= 14
                        ? " строк"
                        : mod10 == 1 ? " строка" : mod10 >= 2 && mod10 <= 4 ? " строки" : " строк");
    }

    /** «1 рабочий день», «3 рабочих дня», «5 рабочих дней». */
    static String workingDays(int n) {
        int mod100 = n % 100;
        int mod10 = n % 10;
        String words = mod100 >= 11 && mod100 <= 14
                ? "рабочих дней"
                : mod10 == 1 ? "рабочий день" : mod10 >= 2 && mod10 <= 4 ? "рабочих дня" : "рабочих дней";
        return n + " " + words;
    }

    static String when(Instant at, ZoneId zone) {
        return at == null ? "" : DATE_TIME.format(at.atZone(zone));
    }
}

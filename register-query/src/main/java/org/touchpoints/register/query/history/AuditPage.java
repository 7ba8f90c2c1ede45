package org.touchpoints.register.query.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.query.change.ChangeSubject;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewer;
import tools.jackson.databind.JsonNode;

/**
 * The compliance officer's page: a register's whole event history with filters, a page at a time, each event's key
 * facts in words and its full record as JSON text; the same selection downloads as CSV.
 */
@UiController
public class AuditPage {
    static final int PAGE_SIZE = 100;

    /** One event as shown: its title in Russian, the key facts, the full payload as indented JSON text. */
    public record Line(HistoryReadModel.HistoryEntry entry, String title, Map<String, String> facts, String json) {
    }

    /** The events of a register, by their names in the store, with their titles on the page. */
    static final Map<String, String> EVENTS = new LinkedHashMap<>();
    private static final Map<String, List<String[]>> FACTS = new LinkedHashMap<>();

    static {
        event("RegisterCreated", "Перечень создан", "Орган власти", "authority", "Часовой пояс", "timeZone",
                "Срок публикации, рабочих дней", "publicationDeadlineWorkingDays", "Шаблон", "template");
        event("DivisionDefined", "Подразделение определено", "Подразделение", "divisionId", "Название", "name",
                "Процессы", "processes");
        event("MemberAssigned", "Роль назначена", "Учётная запись", "username", "Роль", "role",
                "Подразделение", "divisionId");
        event("MemberRevoked", "Роль снята", "Учётная запись", "username", "Роль", "role",
                "Подразделение", "divisionId");
        event("RowImported", "Строка загружена из файла", "Процесс", "row.process",
                "Точка взаимодействия", "row.touchpoint.name", "Файл", "source");
        event("ChangeInitiated", "Изменение предложено", "Вид", "kind", "Подразделение", "division",
                "Основание", "reason", "Было", "before.touchpoint.name", "Стало", "after.touchpoint.name",
                "Комментарий", "comment");
        event("DivisionApproved", "Согласовано руководителем подразделения", "Комментарий", "comment");
        event("DeputyApproved", "Утверждено заместителем руководителя", "Комментарий", "comment",
                "Приказ №", "orderNumber", "Дата приказа", "orderDate");
        event("ChangeRejected", "Изменение отклонено", "Этап", "step", "Причина", "reason");
        event("StepApproved", "Шаг согласования пройден", "Шаг", "step", "Комментарий", "comment");
        event("ChangeApproved", "Изменение утверждено", "Шаг", "step", "Комментарий", "comment",
                "Приказ №", "actNumber", "Дата приказа", "actDate");
        event("ApprovalActRecorded", "Внесён приказ об утверждении изменений", "Приказ №", "number", "Дата", "date",
                "Изменения", "changeIds");
        event("ProcedureChanged", "Порядок ведения перечня изменён", "Шаги согласования", "procedure.approvalSteps",
                "Приказ", "procedure.approvalAct", "Срок, рабочих дней", "procedure.deadlineWorkingDays");
        event("ChangeWithdrawn", "Изменение отозвано инициатором");
        event("Published", "Редакция опубликована", "Редакция", "version", "Адрес", "url",
                "Опубликовано", "publishedAt", "Изменения", "coveredChangeIds", "SHA-256", "sha256");
        event("PublicationDeadlineMissed", "Срок публикации пропущен", "Срок", "dueDate");
        event("AnnualReviewConfirmed", "Ежегодная проверка подтверждена", "Подразделение", "divisionId",
                "Год", "year", "Комментарий", "comment");
    }

    private static void event(String name, String title, String... labelsAndPaths) {
        EVENTS.put(name, title);
        List<String[]> facts = new ArrayList<>();
        for (int i = 0; i < labelsAndPaths.length; i += 2) {
            facts.add(new String[] {labelsAndPaths[i], labelsAndPaths[i + 1]});
        }
        FACTS.put(name, facts);
    }

    private final HistoryReadModel history;
    private final RegisterReadModel registers;

    public AuditPage(HistoryReadModel history, RegisterReadModel registers) {
        this.history = history;
        this.registers = registers;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String registerId, @RequestParam(required = false) String event,
                 @RequestParam(required = false) String user, @RequestParam(required = false) String changeId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(defaultValue = "1") int page, Model model) {
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        if (viewer == null || !viewer.auditor()) {
            throw new AccessDeniedException("История изменений доступна аудитору и администратору");
        }
        var all = registers.all();
        model.addAttribute("registers", all);
        model.addAttribute("events", EVENTS);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        if (all.isEmpty()) {
            model.addAttribute("register", null);
            return "audit";
        }
        var register = Text.isBlank(registerId) ? all.get(0) : registers.require(registerId.strip());
        ZoneId zone = ZoneId.of(register.timeZone());
        Instant fromInstant = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant toInstant = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        var filter = new HistoryReadModel.Filter(register.id(), blankToNull(event), blankToNull(user),
                blankToNull(changeId), fromInstant, toInstant);
        long total = history.count(filter);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        List<Line> lines = history.page(filter, (current - 1) * PAGE_SIZE, PAGE_SIZE).stream().map(AuditPage::line)
                .collect(Collectors.toList());

        model.addAttribute("register", register);
        model.addAttribute("zone", zone);
        model.addAttribute("filter", filter);
        model.addAttribute("users", history.users(register.id()));
        model.addAttribute("lines", lines);
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("firstShown", total == 0 ? 0 : (long) (current - 1) * PAGE_SIZE + 1);
        model.addAttribute("lastShown", (long) (current - 1) * PAGE_SIZE + lines.size());
        model.addAttribute("exportUrl", query(UriComponentsBuilder.fromPath("/api/v1/registers/{id}/history/export"), filter)
                .buildAndExpand(register.id()).encode().toUriString());
        UriComponentsBuilder here = UriComponentsBuilder.fromPath("/audit").queryParam("registerId", register.id());
        optional(here, "event", filter.event());
        optional(here, "user", filter.user());
        optional(here, "changeId", filter.changeId());
        optional(here, "from", from);
        optional(here, "to", to);
        model.addAttribute("previousUrl", current > 1 ? here.cloneBuilder().queryParam("page", current - 1).toUriString() : null);
        model.addAttribute("nextUrl", current < pages ? here.cloneBuilder().queryParam("page", current + 1).toUriString() : null);
        return "audit";
    }

    static Line line(HistoryReadModel.HistoryEntry e) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String[] fact : FACTS.getOrDefault(e.event(), List.of())) {
            String value = value(fact[1], e.payload());
            if (value != null) {
                facts.put(fact[0], value);
            }
        }
        return new Line(e, EVENTS.getOrDefault(e.event(), e.event()), facts, e.payload().toPrettyString());
    }

    /** The payload's value at a dotted path, in words; null when absent or empty. */
    static String value(String path, JsonNode payload) {
        JsonNode node = payload;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.values().forEach(v -> items.add(v.asString()));
            return items.isEmpty() ? null : String.join("; ", items);
        }
        String text = node.asString();
        if (Text.isBlank(text)) {
            return null;
        }
        return switch (path) {
            case "kind" -> ChangeSubject.kindTitle(text);
            case "reason" -> reasonTitle(text);
            case "role" -> switch (text) {
                case "SPECIALIST" -> "специалист подразделения";
                case "HEAD" -> "руководитель подразделения";
                case "DEPUTY" -> "заместитель руководителя";
                case "PUBLISHER" -> "ответственный за публикацию";
                default -> text;
            };
            case "template" -> switch (text) {
                case "SIX_COLUMN" -> "шесть столбцов";
                case "FIVE_COLUMN" -> "пять столбцов";
                default -> text;
            };
            case "step" -> switch (text) {
                case "DIVISION" -> "руководитель подразделения";
                case "DEPUTY" -> "заместитель руководителя";
                default -> text;
            };
            default -> text;
        };
    }

    /** A change's reason is one of the closed list; a rejection's reason is free text. */
    private static String reasonTitle(String text) {
        try {
            return ChangeReason.valueOf(text).title();
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** The API's filters of the history, for the CSV link. */
    private static UriComponentsBuilder query(UriComponentsBuilder b, HistoryReadModel.Filter f) {
        optional(b, "event", f.event());
        optional(b, "user", f.user());
        optional(b, "changeId", f.changeId());
        optional(b, "from", f.from());
        optional(b, "to", f.to());
        return b;
    }

    private static void optional(UriComponentsBuilder b, String name, Object value) {
        if (value != null) {
            b.queryParam(name, value.toString());
        }
    }

    private static String blankToNull(String s) {
        return Text.isBlank(s) ? null : s.strip();
    }
}

package org.touchpoints.register.query.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
import org.touchpoints.register.query.paging.Pager;
import org.touchpoints.register.query.register.RegisterPicker;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.ui.People;
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

    /**
     * One event as shown: its title in Russian, when (in the register's time), who (by name), the key facts in words,
     * the full payload as indented JSON text.
     */
    public record Line(
            HistoryReadModel.HistoryEntry entry,
            String title,
            String when,
            String who,
            Map<String, String> facts,
            String json) {
        /** The facts as one cell of text: «Поле: значение; Поле: значение». */
        public String factsText() {
            return facts.entrySet().stream()
                    .map(f -> f.getKey() + ": " + f.getValue())
                    .collect(Collectors.joining("; "));
        }
    }

    /**
     * What turns a recorded value into words for one register: its time zone, its divisions' names, people's names.
     */
    public record Words(ZoneId zone, Map<String, String> divisions, Function<String, String> names) {
        static final Words PLAIN = new Words(ZoneId.of("UTC"), Map.of(), u -> u);

        String division(String id) {
            return divisions.getOrDefault(id, id);
        }
    }

    /** The events of a register, by their names in the store, with their titles on the page. */
    static final Map<String, String> EVENTS = new LinkedHashMap<>();

    private static final Map<String, List<String[]>> FACTS = new LinkedHashMap<>();

    static {
        event(
                "RegisterCreated",
                "Перечень создан",
                "Орган власти",
                "authority",
                "Часовой пояс",
                "timeZone",
                "Срок публикации, рабочих дней",
                "publicationDeadlineWorkingDays",
                "Шаблон",
                "template");
        event("DivisionDefined", "Подразделение определено", "Название", "name", "Процессы", "processes");
        event(
                "MemberAssigned",
                "Роль назначена",
                "Сотрудник",
                "username",
                "Роль",
                "role",
                "Подразделение",
                "divisionId");
        event("MemberRevoked", "Роль снята", "Сотрудник", "username", "Роль", "role", "Подразделение", "divisionId");
        event(
                "RowImported",
                "Строка загружена из файла",
                "Процесс",
                "row.process",
                "Точка взаимодействия",
                "row.touchpoint.name",
                "Файл",
                "source");
        event(
                "ChangeInitiated",
                "Изменение предложено",
                "Вид",
                "kind",
                "Подразделение",
                "division",
                "Основание",
                "reason",
                "Было",
                "before.touchpoint.name",
                "Стало",
                "after.touchpoint.name",
                "Комментарий",
                "comment");
        event("DivisionApproved", "Согласовано руководителем подразделения", "Комментарий", "comment");
        event(
                "DeputyApproved",
                "Утверждено заместителем руководителя",
                "Комментарий",
                "comment",
                "Приказ №",
                "orderNumber",
                "Дата приказа",
                "orderDate",
                "Срок публикации",
                "due.dueDate");
        event("ChangeRejected", "Изменение отклонено", "Этап", "step", "Причина", "reason");
        event("StepApproved", "Шаг согласования пройден", "Шаг", "step", "Комментарий", "comment");
        event(
                "ChangeApproved",
                "Изменение утверждено",
                "Шаг",
                "step",
                "Комментарий",
                "comment",
                "Приказ №",
                "actNumber",
                "Дата приказа",
                "actDate",
                "Срок публикации",
                "due.dueDate");
        event(
                "ApprovalActRecorded",
                "Внесён приказ об утверждении изменений",
                "Приказ №",
                "number",
                "Дата",
                "date",
                "Изменения",
                "changeIds");
        event(
                "ProcedureChanged",
                "Порядок ведения перечня изменён",
                "Шаги согласования",
                "procedure.approvalSteps",
                "Приказ",
                "procedure.approvalAct",
                "Срок, рабочих дней",
                "procedure.deadlineWorkingDays");
        event("ChangeWithdrawn", "Изменение отозвано инициатором");
        event(
                "Published",
                "Редакция опубликована",
                "Редакция",
                "version",
                "Адрес",
                "url",
                "Опубликовано",
                "publishedAt",
                "Изменения",
                "coveredChangeIds",
                "SHA-256",
                "sha256");
        event("PublicationDeadlineMissed", "Срок публикации пропущен", "Срок", "dueDate");
        event("DueDateCounted", "Срок публикации рассчитан", "Срок", "due.dueDate", "Календарь", "due.calendar");
        event(
                "AnnualReviewConfirmed",
                "Ежегодная проверка подтверждена",
                "Подразделение",
                "divisionId",
                "Год",
                "year",
                "Комментарий",
                "comment");
        event(
                "ApprovalRightDelegated",
                "Назначен исполняющий обязанности",
                "Исполняющий обязанности",
                "delegate",
                "За кого",
                "holder",
                "Роль",
                "role",
                "Подразделение",
                "divisionId",
                "С",
                "validFrom",
                "По",
                "validTo",
                "Комментарий",
                "comment");
        event("DelegationRevoked", "Исполнение обязанностей прекращено");
        event("ProcedureChanged", "Порядок ведения перечня изменён");
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
    private final People people;
    private final RegisterPicker picker;

    public AuditPage(HistoryReadModel history, RegisterReadModel registers, People people, RegisterPicker picker) {
        this.picker = picker;
        this.history = history;
        this.registers = registers;
        this.people = people;
    }

    /** The words for one register's events: its zone, its divisions' names, people's names (looked up once each). */
    Words words(RegisterReadModel.RegisterSummary register) {
        return new Words(ZoneId.of(register.timeZone()), registers.divisions(register.id()), people.cached());
    }

    @GetMapping("/audit")
    String audit(
            @RequestParam(required = false) String registerId,
            @RequestParam(required = false) String event,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String changeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        if (viewer == null || !viewer.auditor()) {
            throw new AccessDeniedException("История изменений доступна аудитору и администратору");
        }
        var first = registers.matching(null, "", 1); // the default: the first register by id
        model.addAttribute("events", EVENTS);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        if (first.isEmpty()) {
            model.addAttribute("register", null);
            return "audit";
        }
        var register = registers.require(
                Text.isBlank(registerId) ? first.get(0).id() : picker.resolve(null, registerId.strip()));
        model.addAttribute("picker", picker.picker(null, register.id()));
        ZoneId zone = ZoneId.of(register.timeZone());
        Instant fromInstant = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant toInstant =
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        var filter = new HistoryReadModel.Filter(
                register.id(), blankToNull(event), blankToNull(user), blankToNull(changeId), fromInstant, toInstant);
        long total = history.count(filter);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        Words words = words(register);
        List<Line> lines = history.page(filter, (current - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                .map(e -> line(e, words))
                .collect(Collectors.toList());
        Map<String, String> users = new LinkedHashMap<>();
        history.users(register.id()).forEach(u -> users.put(u, words.names().apply(u)));

        model.addAttribute("register", register);
        model.addAttribute("zone", zone);
        model.addAttribute("zoneWords", org.touchpoints.register.query.ui.Words.zone(zone));
        model.addAttribute("filter", filter);
        model.addAttribute("users", users);
        model.addAttribute("lines", lines);
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("firstShown", total == 0 ? 0 : (long) (current - 1) * PAGE_SIZE + 1);
        model.addAttribute("lastShown", (long) (current - 1) * PAGE_SIZE + lines.size());
        model.addAttribute(
                "exportUrl",
                query(UriComponentsBuilder.fromPath("/api/v1/registers/{id}/history/export"), filter)
                        .buildAndExpand(register.id())
                        .encode()
                        .toUriString());
        UriComponentsBuilder here = UriComponentsBuilder.fromPath("/audit").queryParam("registerId", register.id());
        optional(here, "event", filter.event());
        optional(here, "user", filter.user());
        optional(here, "changeId", filter.changeId());
        optional(here, "from", from);
        optional(here, "to", to);
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
        model.addAttribute(
                "pager", new Pager(current, pages, total, (String) model.getAttribute("previousUrl"), (String)
                        model.getAttribute("nextUrl")));
        return "audit";
    }

    static Line line(HistoryReadModel.HistoryEntry e) {
        return line(e, Words.PLAIN);
    }

    public static Line line(HistoryReadModel.HistoryEntry e, Words words) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String[] fact : FACTS.getOrDefault(e.event(), List.of())) {
            String value = value(fact[1], e.payload(), words);
            if (value != null) {
                facts.put(fact[0], value);
            }
        }
        if ("ChangeInitiated".equals(e.event())
                && e.payload().path("operations").isArray()) {
            operations(e.payload().path("operations"), facts);
        }
        String who = e.onBehalfOf() == null
                ? words.names().apply(e.by())
                : words.names().apply(e.by()) + " (и.о. за " + words.names().apply(e.onBehalfOf()) + ")";
        return new Line(
                e,
                EVENTS.getOrDefault(e.event(), e.event()),
                org.touchpoints.register.query.ui.Words.DATE_TIME_SECONDS.format(e.at().atZone(words.zone())),
                who,
                facts,
                e.payload().toPrettyString());
    }

    /**
     * A change package's rows, one fact each («Строка 1: Добавление: «Telegram-канал» (https://t.me/x), процесс «…»,
     * потребности 1, 2»; an edit shows the row before and after), so the audit trail reads the package row by row.
     */
    static void operations(JsonNode operations, Map<String, String> facts) {
        int n = 0;
        for (JsonNode op : operations.values()) {
            n++;
            String kind = ChangeSubject.kindTitle(op.path("kind").asString());
            String rowId = op.path("rowId").asString();
            String before = rowInWords(op.path("before"));
            String after = rowInWords(op.path("after"));
            String what = switch (op.path("kind").asString()) {
                case "ADD" -> after;
                case "REMOVE" -> before;
                default -> "было " + before + " → стало " + after;
            };
            facts.put("Строка " + n, kind + " (строка " + rowId + "): " + what);
        }
    }

    private static String rowInWords(JsonNode row) {
        if (row.isMissingNode() || row.isNull()) {
            return "—";
        }
        String address = row.path("touchpoint").path("address").asString();
        List<String> needs = new ArrayList<>();
        row.path("needs").values().forEach(v -> needs.add(v.asString()));
        return "«" + row.path("touchpoint").path("name").asString() + "»"
                + (Text.isBlank(address) ? "" : " (" + address + ")") + ", процесс «"
                + row.path("process").asString()
                + "», потребности " + String.join(", ", needs);
    }

    /** The payload's value at a dotted path, in words; null when absent or empty. */
    static String value(String path, JsonNode payload) {
        return value(path, payload, Words.PLAIN);
    }

    static String value(String path, JsonNode payload, Words words) {
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
            case "division", "divisionId", "row.division" -> words.division(text);
            case "username", "delegate", "holder" -> words.names().apply(text);
            case "orderDate", "dueDate", "validFrom", "validTo" ->
                org.touchpoints.register.query.ui.Words.isoDate(text);
            case "publishedAt" -> publishedAt(text, words.zone());
            case "timeZone" -> org.touchpoints.register.query.ui.Words.zone(text);
            case "touchpoint.channel", "row.touchpoint.channel" -> channel(text);
            case "reason" -> reasonTitle(text);
            case "role" ->
                switch (text) {
                    case "SPECIALIST" -> "специалист подразделения";
                    case "HEAD" -> "руководитель подразделения";
                    case "DEPUTY" -> "заместитель руководителя";
                    case "PUBLISHER" -> "ответственный за публикацию";
                    case "RESPONSIBLE" -> "уполномоченное лицо";
                    case "HEAD_OF_AUTHORITY" -> "руководитель органа власти";
                    default -> text;
                };
            case "template" ->
                switch (text) {
                    case "SIX_COLUMN" -> "шесть столбцов";
                    case "FIVE_COLUMN" -> "пять столбцов";
                    default -> text;
                };
            case "step" ->
                switch (text) {
                    case "DIVISION" -> "руководитель подразделения";
                    case "DEPUTY" -> "заместитель руководителя";
                    default -> text;
                };
            default -> text;
        };
    }

    private static String publishedAt(String text, ZoneId zone) {
        try {
            return org.touchpoints.register.query.ui.Words.dateTime(Instant.parse(text), zone);
        } catch (java.time.format.DateTimeParseException e) {
            return text;
        }
    }

    private static String channel(String text) {
        try {
            return org.touchpoints.register.api.row.Channel.valueOf(text).title();
        } catch (IllegalArgumentException e) {
            return text;
        }
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

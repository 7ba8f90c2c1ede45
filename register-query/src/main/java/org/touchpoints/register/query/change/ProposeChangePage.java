package org.touchpoints.register.query.change;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.InitiateChangeCommand;
import org.touchpoints.register.api.change.StepRules;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.ClientNeed;
import org.touchpoints.register.api.row.Direction;
import org.touchpoints.register.api.row.Identity;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.api.rule.Refusal;
import org.touchpoints.register.api.rule.RuleViolatedException;
import org.touchpoints.register.api.rule.RuleViolation;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.platform.web.ProblemDetailsAdvice;
import org.touchpoints.register.query.register.RegisterReadAccess;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.ui.PageCommands;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewer;

/**
 * A division specialist proposes to add a row, or to edit or remove one (linked from the register page). The closed
 * lists are selects and checkboxes; the register's refusals come back next to the fields they name; a touchpoint
 * already in the process is explained while typing ({@link #touchpointCheck}) and again if the register refuses it.
 */
@UiController
public class ProposeChangePage {
    private final RegisterReadModel registers;
    private final ChangeReadModel changes;
    private final DuplicateTouchpoints duplicates;
    private final PageCommands commands;
    private final RegisterReadAccess access;
    private final StepRights rights;

    public ProposeChangePage(
            RegisterReadModel registers,
            ChangeReadModel changes,
            DuplicateTouchpoints duplicates,
            PageCommands commands,
            RegisterReadAccess access,
            StepRights rights) {
        this.rights = rights;
        this.registers = registers;
        this.changes = changes;
        this.duplicates = duplicates;
        this.commands = commands;
        this.access = access;
    }

    @GetMapping("/registers/{registerId}/changes/new")
    String form(
            @PathVariable String registerId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String rowId,
            Model model) {
        var register = registers.require(registerId);
        access.requireReadable(registerId);
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        ChangeKind k = kind(kind == null ? ChangeKind.ADD.name() : kind);
        RegisterRow row = target(registerId, k, rowId, viewer);
        Set<String> own = ownDivisions(viewer, registerId);
        String changeId = UUID.randomUUID().toString();
        ChangeForm form = row == null
                ? ChangeForm.blank(k, changeId, own.size() == 1 ? own.iterator().next() : null)
                : ChangeForm.of(k, changeId, row);
        return render(model, register, row, form, null);
    }

    @PostMapping("/registers/{registerId}/changes/new")
    String submit(
            @PathVariable String registerId,
            ChangeForm submitted,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var register = registers.require(registerId);
        access.requireReadable(registerId); // a refusal shows the form again, with the register's rows
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        ChangeKind kind = kind(submitted.kind());
        // an existing process brings its direction when none was chosen (the register refuses any other one); a
        // «new» process that reads as an existing one is that process (Identity, as the register compares them)
        String processDirection = Text.isBlank(submitted.processName())
                ? null
                : processDirections(registers.rows(registerId)).get(Identity.name(submitted.processName()));
        ChangeForm form = Text.isBlank(submitted.direction()) && processDirection != null
                ? submitted.withDirection(processDirection)
                : submitted;
        RegisterRow row = target(registerId, kind, form.rowId(), viewer);
        boolean takenElsewhere = !Text.isBlank(form.changeId())
                && changes.find(form.changeId())
                        .filter(c -> !c.registerId().equals(registerId))
                        .isPresent(); // the register refuses it, after its role checks
        PageCommands.Outcome<ChangeStatus> outcome = commands.send(actor -> new InitiateChangeCommand(
                registerId,
                form.changeId(),
                kind,
                kind == ChangeKind.ADD ? null : form.rowId(),
                kind == ChangeKind.REMOVE ? null : form.row(),
                form.reasonValue(),
                form.comment(),
                null,
                actor.username(),
                actor.at(),
                takenElsewhere));
        if (outcome.refused()) {
            RuleViolation refusal = outcome.refusal();
            if (refusal.refusal() == Refusal.FORBIDDEN || refusal.refusal() == Refusal.NOT_FOUND) {
                throw new RuleViolatedException(refusal); // the Russian error page, with its status
            }
            ChangeForm shown = "sameChangeIdSameProposal".equals(refusal.rule())
                    ? form.withChangeId(UUID.randomUUID().toString())
                    : form; // already sent: this is a new proposal
            response.setStatus(ProblemDetailsAdvice.statusOf(refusal).value());
            return render(model, register, row, shown, refusal);
        }
        redirect.addFlashAttribute(
                "success",
                switch (kind) {
                    case ADD -> "Новая строка предложена и направлена на согласование руководителю подразделения";
                    case EDIT -> "Изменение строки предложено и направлено на согласование руководителю подразделения";
                    case REMOVE ->
                        "Исключение строки предложено и направлено на согласование руководителю подразделения";
                    case PACKAGE -> "Пакет изменений предложен и направлен на согласование";
                });
        return "redirect:/changes/" + form.changeId();
    }

    /** For the form's script: is this touchpoint already in the process? Answers {@code {duplicate, message?}}. */
    @GetMapping(value = "/registers/{registerId}/touchpoint-check", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> touchpointCheck(
            @PathVariable String registerId,
            @RequestParam(required = false) String process,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String rowId,
            @RequestParam(required = false) String changeId) {
        registers.require(registerId);
        access.requireReadable(registerId);
        Map<String, Object> answer = new LinkedHashMap<>();
        duplicates
                .find(registerId, process, name, address, rowId, changeId)
                .ifPresentOrElse(
                        d -> {
                            answer.put("duplicate", true);
                            answer.put("message", d.message());
                        },
                        () -> answer.put("duplicate", false));
        return answer;
    }

    private String render(
            Model model,
            RegisterReadModel.RegisterSummary register,
            RegisterRow row,
            ChangeForm form,
            RuleViolation refusal) {
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        ChangeKind kind = ChangeKind.valueOf(form.kind());
        Map<String, String> divisions = registers.divisions(register.id());
        List<RegisterRow> rows = registers.rows(register.id());
        Set<String> own = ownDivisions(viewer, register.id());
        var procedure = registers.procedure(register.id());
        boolean bound = registers.hasOwnProcedure(register.id());
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        if (refusal != null) {
            for (FieldError e : refusal.errors()) {
                String field = ChangeForm.FIELDS.get(e.field());
                if (field == null) {
                    general.add(e.message());
                } else {
                    errors.merge(field, e.message(), (a, b) -> a.equals(b) ? a : a + " " + b);
                }
            }
            if ("oneTouchpointPerProcess".equals(refusal.rule())) {
                String explanation = duplicates
                        .find(
                                register.id(),
                                form.processName(),
                                form.touchpointName(),
                                form.touchpointAddress(),
                                kind == ChangeKind.ADD ? null : form.rowId(),
                                form.changeId())
                        .map(DuplicateTouchpoints.Duplicate::message)
                        .orElse(refusal.message());
                errors.put("touchpointName", explanation);
            }
        }
        String message = refusal == null
                ? null
                : switch (refusal.rule()) {
                    case "oneTouchpointPerProcess" ->
                        "Предложение не принято: такая точка взаимодействия уже есть в процессе (пояснение — у поля «Точка взаимодействия»)";
                    case "oneOpenChangePerRow" ->
                        "Предложение не принято: по этой строке уже есть изменение на согласовании (ссылка на него — выше)";
                    default -> refusal.message();
                };
        model.addAttribute("register", register);
        model.addAttribute("kind", kind.name());
        model.addAttribute("form", form);
        model.addAttribute("row", row);
        model.addAttribute("current", row == null ? List.of() : ChangeCards.diff(row.content(), null, divisions));
        model.addAttribute("message", message);
        ChangeView openChange =
                row == null ? null : changes.openByRow(register.id()).get(row.rowId());
        model.addAttribute("openChange", openChange);
        model.addAttribute(
                "openChangeText",
                openChange == null
                        ? null
                        : ChangeReadModel.describe(openChange, java.time.ZoneId.of(register.timeZone())));
        Map<String, String> directionOfProcess = processDirections(rows);
        model.addAttribute("general", general);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "directions",
                bound && !procedure.directions().isEmpty()
                        ? withChosen(procedure.directions(), form.direction())
                        : directions(rows, form.direction()));
        List<String> processes = processes(register.id(), own, rows, row, form);
        Map<String, String> processDirections = new LinkedHashMap<>();
        processes.forEach(p -> processDirections.put(p, directionOfProcess.get(Identity.name(p))));
        model.addAttribute("processes", processes);
        model.addAttribute("processDirections", processDirections);
        model.addAttribute("channels", Channel.values());
        // a register with a procedure of its own offers its lists; the others the global ones, as ever
        model.addAttribute("needs", bound ? procedure.needs() : List.of(ClientNeed.values()));
        model.addAttribute("reasons", bound ? procedure.reasons() : List.of(ChangeReason.values()));
        Map<String, String> ownNamed = new LinkedHashMap<>();
        divisions.forEach((id, name) -> {
            if (own.contains(id)) {
                ownNamed.put(id, name);
            }
        });
        model.addAttribute("ownDivisions", ownNamed);
        model.addAttribute(
                "rowDivision",
                row == null || row.content().division() == null
                        ? null
                        : divisions.getOrDefault(
                                row.content().division(), row.content().division()));
        model.addAttribute("newProcess", ChangeForm.NEW_PROCESS);
        return "change-form";
    }

    /**
     * Each process's direction in the register (by the process's {@link Identity#name} key, as the register compares
     * processes), from its rows: choosing an existing process fixes the direction
     * ({@code RowRules.directionFollowsTheProcess} decides it in the register).
     */
    static Map<String, String> processDirections(List<RegisterRow> rows) {
        Map<String, String> directions = new LinkedHashMap<>();
        for (RegisterRow r : rows) {
            RowContent c = r.content();
            if (!Text.isBlank(c.process()) && !Text.isBlank(c.direction())) {
                directions.putIfAbsent(Identity.name(c.process()), c.direction());
            }
        }
        return directions;
    }

    private static List<String> withChosen(List<String> directions, String chosen) {
        Map<String, String> byKey = new LinkedHashMap<>();
        directions.forEach(d -> byKey.putIfAbsent(Text.key(d), d));
        if (!Text.isBlank(chosen)) {
            byKey.put(Text.key(chosen), chosen);
        }
        return List.copyOf(byKey.values());
    }

    /** The closed list of directions, then the register's own wording of any others. */
    private static List<String> directions(List<RegisterRow> rows, String chosen) {
        Map<String, String> byKey = new LinkedHashMap<>();
        Direction.CANONICAL.forEach(d -> byKey.putIfAbsent(Text.key(d), d));
        rows.forEach(r -> {
            if (!Text.isBlank(r.content().direction())) {
                byKey.putIfAbsent(Text.key(r.content().direction()), r.content().direction());
            }
        });
        if (!Text.isBlank(chosen)) {
            byKey.put(Text.key(chosen), chosen); // the row's own wording, so the select keeps it
        }
        return List.copyOf(byKey.values());
    }

    /** The processes the viewer's divisions own, those of their divisions' rows, and the edited row's. */
    private List<String> processes(
            String registerId, Set<String> own, List<RegisterRow> rows, RegisterRow row, ChangeForm form) {
        Map<String, String> byKey = new LinkedHashMap<>();
        registers.processesOwnedBy(registerId, own).forEach(p -> byKey.putIfAbsent(Identity.name(p), p));
        for (RegisterRow r : rows) {
            RowContent c = r.content();
            if (c.division() != null && own.contains(c.division()) && !Text.isBlank(c.process())) {
                byKey.putIfAbsent(Identity.name(c.process()), c.process());
            }
        }
        if (row != null) {
            byKey.put(Identity.name(row.content().process()), row.content().process());
        }
        if (!Text.isBlank(form.process()) && !form.newProcessChosen()) {
            byKey.put(Identity.name(form.process()), form.process());
        }
        return List.copyOf(byKey.values());
    }

    private Set<String> ownDivisions(Viewer viewer, String registerId) {
        if (responsibleInitiator(viewer, registerId)) {
            return new LinkedHashSet<>(registers.divisions(registerId).keySet()); // proposes for the whole register
        }
        return new LinkedHashSet<>(
                viewer.divisions(registerId, "SPECIALIST").stream().sorted().toList());
    }

    /** A responsible person of a register whose procedure lets them initiate (002 §3.2–3.3, 004 §2.2). */
    private boolean responsibleInitiator(Viewer viewer, String registerId) {
        return StepRules.initiatesAsResponsiblePerson(
                registers.procedure(registerId), rights.of(registerId).roles(), viewer.username());
    }

    private static ChangeKind kind(String kind) {
        try {
            ChangeKind k = ChangeKind.valueOf(kind);
            if (!k.rowOperation()) {
                throw new IllegalArgumentException(kind); // a package is proposed on its own page
            }
            return k;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest(
                    "kind", "Неизвестный вид изменения: укажите добавление, изменение или исключение строки");
        }
    }

    /**
     * The row an edit or removal targets, in the register now; only specialists may propose, and only for rows of
     * their divisions (what the register page offers them; the register decides again).
     */
    private RegisterRow target(String registerId, ChangeKind kind, String rowId, Viewer viewer) {
        boolean responsible = responsibleInitiator(viewer, registerId);
        if (viewer.divisions(registerId, "SPECIALIST").isEmpty() && !responsible) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN, "Предлагать изменения перечня могут только специалисты его подразделений");
        }
        if (kind == ChangeKind.ADD) {
            return null;
        }
        if (Text.isBlank(rowId)) {
            throw ApiException.badRequest("rowId", "Не указана изменяемая или исключаемая строка");
        }
        RegisterRow row = registers
                .row(registerId, rowId)
                .orElseThrow(() ->
                        ApiException.notFound("Строки нет в текущей редакции перечня: возможно, её уже исключили"));
        String division = row.content().division();
        if (division != null
                && !StepRules.mayInitiateIn(
                        registers.procedure(registerId), rights.of(registerId).roles(), viewer.username(), division)) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "Изменить эту строку может только специалист подразделения «"
                            + registers.divisions(registerId).getOrDefault(division, division) + "»");
        }
        return row;
    }
}

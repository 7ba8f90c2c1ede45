package org.touchpoints.register.query.act;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.touchpoints.register.api.change.ApprovalActResult;
import org.touchpoints.register.api.change.RecordApprovalActCommand;
import org.touchpoints.register.api.rule.Refusal;
import org.touchpoints.register.api.rule.RuleViolatedException;
import org.touchpoints.register.api.rule.RuleViolation;
import org.touchpoints.register.platform.web.ProblemDetailsAdvice;
import org.touchpoints.register.query.change.ChangeReadModel;
import org.touchpoints.register.query.change.ChangeView;
import org.touchpoints.register.query.config.Json;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.ui.PageCommands;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewer;

/**
 * The approving act step (003 §4.4, 004 §5.1): the changes that passed every step and await an order, the form that
 * records one order (number, date) for several of them, and the orders recorded so far.
 */
@UiController
public class ApprovalActPage {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** A change awaiting its act, as the page lists it. */
    public record Awaiting(String changeId, String subject, String division, boolean checked) {}

    /** A recorded act, as the page lists it. */
    public record Act(String number, String date, List<String> changeIds) {}

    private final RegisterReadModel registers;
    private final ChangeReadModel changes;
    private final PageCommands commands;
    private final JdbcClient jdbc;
    private final Json json;
    private final java.time.Clock clock;
    private final org.touchpoints.register.query.register.RegisterReadAccess access;

    private final org.touchpoints.register.query.change.StepRights rights;

    public ApprovalActPage(
            RegisterReadModel registers,
            ChangeReadModel changes,
            PageCommands commands,
            JdbcClient jdbc,
            Json json,
            java.time.Clock clock,
            org.touchpoints.register.query.register.RegisterReadAccess access,
            org.touchpoints.register.query.change.StepRights rights) {
        this.access = access;
        this.rights = rights;
        this.clock = clock;
        this.registers = registers;
        this.changes = changes;
        this.commands = commands;
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/registers/{registerId}/approval-acts")
    String page(@PathVariable String registerId, @RequestParam(required = false) List<String> change, Model model) {
        return render(registerId, change == null ? List.of() : change, null, Map.of(), model);
    }

    @PostMapping("/registers/{registerId}/approval-acts")
    String record(
            @PathVariable String registerId,
            @RequestParam(required = false) String actId,
            @RequestParam(required = false) String number,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) List<String> changeIds,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        registers.require(registerId);
        List<String> chosen = changeIds == null ? List.of() : changeIds;
        Map<String, String> typed = Map.of("number", number == null ? "" : number, "date", date == null ? "" : date);
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            day = null;
        }
        String id = actId == null || actId.isBlank() ? UUID.randomUUID().toString() : actId;
        LocalDate actDate = day;
        PageCommands.Outcome<ApprovalActResult> outcome = commands.send(actor ->
                new RecordApprovalActCommand(registerId, id, number, actDate, chosen, actor.username(), actor.at()));
        if (outcome.refused()) {
            RuleViolation refusal = outcome.refusal();
            if (refusal.refusal() == Refusal.FORBIDDEN || refusal.refusal() == Refusal.NOT_FOUND) {
                throw new RuleViolatedException(refusal);
            }
            response.setStatus(ProblemDetailsAdvice.statusOf(refusal).value());
            Map<String, String> errors = new LinkedHashMap<>();
            refusal.errors().forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + " " + b));
            model.addAttribute("actionError", refusal.message());
            return render(registerId, chosen, id, errors, model, typed);
        }
        redirect.addFlashAttribute(
                "success",
                "Приказ № " + number.strip() + " внесён; утверждено изменений: "
                        + outcome.result().changeIds().size());
        return "redirect:/registers/" + registerId + "/approval-acts";
    }

    private String render(
            String registerId, List<String> checked, String actId, Map<String, String> errors, Model model) {
        return render(registerId, checked, actId, errors, model, Map.of());
    }

    private String render(
            String registerId,
            List<String> checked,
            String actId,
            Map<String, String> errors,
            Model model,
            Map<String, String> typed) {
        var register = registers.require(registerId);
        access.requireReadable(registerId);
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        List<Awaiting> awaiting = new ArrayList<>();
        Map<String, String> divisions = registers.divisions(registerId);
        for (ChangeView c : changes.awaiting(registerId, "APPROVAL_ACT", null)) {
            var shown = c.after() != null ? c.after() : c.before();
            String kind = switch (c.kind()) {
                case "ADD" -> "Добавление";
                case "EDIT" -> "Изменение";
                case "PACKAGE" -> "Пакет изменений (" + c.operations().size() + " строк)";
                default -> "Исключение";
            };
            awaiting.add(new Awaiting(
                    c.changeId(),
                    c.severalRows()
                            ? kind
                            : kind + ": "
                                    + (shown == null || shown.touchpoint() == null
                                            ? c.changeId()
                                            : shown.touchpoint().name() + " (" + shown.process() + ")"),
                    divisions.getOrDefault(c.division(), c.division() == null ? "" : c.division()),
                    checked.contains(c.changeId())));
        }
        List<Act> acts = ApprovalActQueryController.acts(jdbc, json, registerId).stream()
                .map(a -> new Act(a.number(), a.date().format(DATE), a.changeIds()))
                .toList();
        boolean mayRecord = viewer != null
                && viewer.signedIn()
                && org.touchpoints.register.api.change.StepRules.recordsActs(
                        rights.of(registerId).roles(), viewer.username());
        model.addAttribute("register", register);
        model.addAttribute("awaiting", awaiting);
        model.addAttribute("acts", acts);
        model.addAttribute("mayRecord", mayRecord);
        model.addAttribute("actId", actId != null ? actId : UUID.randomUUID().toString());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("today", LocalDate.now(clock.withZone(ZoneId.of(register.timeZone()))));
        return "approval-acts";
    }
}

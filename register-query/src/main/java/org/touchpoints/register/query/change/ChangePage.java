package org.touchpoints.register.query.change;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.touchpoints.register.api.change.ApproveByDeputyCommand;
import org.touchpoints.register.api.change.ApproveByDivisionCommand;
import org.touchpoints.register.api.change.RejectChangeCommand;
import org.touchpoints.register.api.change.WithdrawChangeCommand;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.api.rule.Refusal;
import org.touchpoints.register.api.rule.RuleViolatedException;
import org.touchpoints.register.api.rule.RuleViolation;
import org.touchpoints.register.platform.web.ProblemDetailsAdvice;
import org.touchpoints.register.query.register.RegisterReadAccess;
import org.touchpoints.register.query.ui.PageCommands;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewer;

/**
 * One change: status, the row before and after, timeline, publication deadline, and the steps the viewer may take
 * on it here. The same steps are sent from the inbox ({@code from=inbox} brings the person back there).
 */
@UiController
public class ChangePage {
    private final ChangeReadModel changes;
    private final ChangeCards cards;
    private final InboxPage inbox;
    private final PageCommands commands;
    private final RegisterReadAccess access;

    public ChangePage(
            ChangeReadModel changes,
            ChangeCards cards,
            InboxPage inbox,
            PageCommands commands,
            RegisterReadAccess access) {
        this.changes = changes;
        this.cards = cards;
        this.inbox = inbox;
        this.commands = commands;
        this.access = access;
    }

    /** A step the register refused for a reason the person can fix: shown next to the step's form. */
    public record ActionError(String changeId, String message, Map<String, String> errors, Map<String, String> typed) {}

    @GetMapping("/changes/{changeId}")
    String change(@PathVariable String changeId, Model model) {
        return render(changeId, model, null);
    }

    @PostMapping("/changes/{changeId}/division-approval")
    String approveByDivision(
            @PathVariable String changeId,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) Long expectedVersion,
            @RequestParam(required = false) String from,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ChangeView change = require(changeId);
        var outcome = commands.send(actor -> new ApproveByDivisionCommand(
                change.registerId(), changeId, comment, expectedVersion, actor.username(), actor.at()));
        return after(
                outcome,
                change,
                from,
                Map.of("comment", nz(comment)),
                model,
                response,
                redirect,
                "Изменение согласовано и направлено на утверждение заместителю руководителя");
    }

    @PostMapping("/changes/{changeId}/deputy-approval")
    String approveByDeputy(
            @PathVariable String changeId,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String orderNumber,
            @RequestParam(required = false) String orderDate,
            @RequestParam(required = false) Long expectedVersion,
            @RequestParam(required = false) String from,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ChangeView change = require(changeId);
        Map<String, String> typed =
                Map.of("comment", nz(comment), "orderNumber", nz(orderNumber), "orderDate", nz(orderDate));
        LocalDate date;
        try {
            date = Text.isBlank(orderDate) ? null : LocalDate.parse(orderDate.strip());
        } catch (DateTimeParseException e) {
            RuleViolation invalid = new RuleViolation(
                    "approvalOrderIsDescribed",
                    Refusal.INVALID,
                    "Дата приказа указана неверно",
                    java.util.List.of(new FieldError("orderDate", "Укажите дату приказа в виде ДД.ММ.ГГГГ")));
            return after(
                    new PageCommands.Outcome<>(null, invalid), change, from, typed, model, response, redirect, null);
        }
        var outcome = commands.send(actor -> new ApproveByDeputyCommand(
                change.registerId(),
                changeId,
                comment,
                orderNumber,
                date,
                expectedVersion,
                actor.username(),
                actor.at()));
        return after(
                outcome,
                change,
                from,
                typed,
                model,
                response,
                redirect,
                "Изменение утверждено и внесено в перечень; его нужно опубликовать в установленный срок");
    }

    @PostMapping("/changes/{changeId}/approval")
    String approveStep(
            @PathVariable String changeId,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) Long expectedVersion,
            @RequestParam(required = false) String from,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ChangeView change = require(changeId);
        var outcome = commands.send(actor -> new org.touchpoints.register.api.change.ApproveStepCommand(
                change.registerId(), changeId, comment, expectedVersion, actor.username(), actor.at()));
        return after(
                outcome,
                change,
                from,
                Map.of("comment", nz(comment)),
                model,
                response,
                redirect,
                "Шаг согласования пройден");
    }

    @PostMapping("/changes/{changeId}/rejection")
    String reject(
            @PathVariable String changeId,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long expectedVersion,
            @RequestParam(required = false) String from,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ChangeView change = require(changeId);
        var outcome = commands.send(actor -> new RejectChangeCommand(
                change.registerId(), changeId, reason, expectedVersion, actor.username(), actor.at()));
        return after(
                outcome,
                change,
                from,
                Map.of("reason", nz(reason)),
                model,
                response,
                redirect,
                "Изменение отклонено; причина сообщена инициатору");
    }

    @PostMapping("/changes/{changeId}/withdrawal")
    String withdraw(
            @PathVariable String changeId,
            @RequestParam(required = false) Long expectedVersion,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ChangeView change = require(changeId);
        var outcome = commands.send(actor -> new WithdrawChangeCommand(
                change.registerId(), changeId, expectedVersion, actor.username(), actor.at()));
        return after(outcome, change, null, Map.of(), model, response, redirect, "Изменение отозвано");
    }

    /**
     * Back to where the step was taken, with a confirmation; a refusal the person can fix re-renders that page
     * with the message next to the step; a step they may not take is the error page (403/404).
     */
    private String after(
            PageCommands.Outcome<?> outcome,
            ChangeView change,
            String from,
            Map<String, String> typed,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String success) {
        boolean fromInbox = "inbox".equals(from);
        if (outcome.refused()) {
            RuleViolation refusal = outcome.refusal();
            if (refusal.refusal() == Refusal.FORBIDDEN || refusal.refusal() == Refusal.NOT_FOUND) {
                throw new RuleViolatedException(refusal);
            }
            Map<String, String> errors = new LinkedHashMap<>();
            refusal.errors().forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + " " + b));
            ActionError error = new ActionError(change.changeId(), refusal.message(), errors, typed);
            response.setStatus(ProblemDetailsAdvice.statusOf(refusal).value());
            return fromInbox ? inbox.render(model, error) : render(change.changeId(), model, error);
        }
        redirect.addFlashAttribute("success", success);
        return fromInbox ? "redirect:/inbox" : "redirect:/changes/" + change.changeId();
    }

    private String render(String changeId, Model model, ActionError error) {
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        ChangeView change = require(changeId);
        model.addAttribute("card", cards.card(change, viewer));
        model.addAttribute("actionError", error);
        model.addAttribute("from", "change");
        return "change";
    }

    /** The change, if the viewer may read its register; else «не найдено», as the API answers. */
    private ChangeView require(String changeId) {
        return changes.requireReadable(changeId, access);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

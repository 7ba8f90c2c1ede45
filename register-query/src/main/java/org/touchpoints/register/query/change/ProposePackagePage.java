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
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.InitiateChangePackageCommand;
import org.touchpoints.register.api.change.PackageOperation;
import org.touchpoints.register.api.procedure.Initiator;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.ClientNeed;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.row.Touchpoint;
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
 * «Пакет изменений»: a specialist puts several operations (new rows, edits, removals) into one change and sends it
 * through the approval chain once. The form starts with three operations; «Добавить операцию» adds one more (the form
 * is sent back with what was typed, nothing is recorded); an operation whose kind is left empty is not part of the
 * package. An edit's empty fields keep the row's values; a row's direction follows its process when left empty. The
 * register decides (every rule on the register as it would stand after the package); its refusal comes back next to
 * the operation it names.
 */
@UiController
public class ProposePackagePage {
    static final int FIRST_OPERATIONS = 3;

    /** One operation as typed; {@code needs} the codes ticked. */
    public record Draft(
            int index,
            String kind,
            String rowId,
            String direction,
            String process,
            String touchpointName,
            String touchpointAddress,
            String channel,
            List<Integer> needs) {
        boolean empty() {
            return Text.isBlank(kind);
        }

        public boolean needs(int code) {
            return needs.contains(code);
        }
    }

    private final RegisterReadModel registers;
    private final PageCommands commands;
    private final RegisterReadAccess access;

    public ProposePackagePage(RegisterReadModel registers, PageCommands commands, RegisterReadAccess access) {
        this.registers = registers;
        this.commands = commands;
        this.access = access;
    }

    @GetMapping("/registers/{registerId}/packages/new")
    String form(@PathVariable String registerId, Model model) {
        var register = registers.require(registerId);
        access.requireReadable(registerId);
        requireInitiator((Viewer) model.getAttribute("viewer"), registerId);
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < FIRST_OPERATIONS; i++) {
            drafts.add(new Draft(i, "", null, null, null, null, null, null, List.of()));
        }
        return render(model, register, UUID.randomUUID().toString(), drafts, null, null, null, Map.of());
    }

    @PostMapping("/registers/{registerId}/packages/new")
    String submit(
            @PathVariable String registerId,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var register = registers.require(registerId);
        access.requireReadable(registerId);
        requireInitiator((Viewer) model.getAttribute("viewer"), registerId);
        String changeId = Text.isBlank(params.getFirst("changeId"))
                ? UUID.randomUUID().toString()
                : params.getFirst("changeId").strip();
        List<Draft> drafts = drafts(params);
        String reason = params.getFirst("reason");
        String comment = params.getFirst("comment");
        if (params.containsKey("more")) { // one more operation: the form again, with what was typed
            drafts.add(new Draft(drafts.size(), "", null, null, null, null, null, null, List.of()));
            return render(model, register, changeId, drafts, reason, comment, null, Map.of());
        }
        Map<String, RowContent> rows = new LinkedHashMap<>();
        registers.rows(registerId).forEach(r -> rows.put(r.rowId(), r.content()));
        Map<String, String> directions = ProposeChangePage.processDirections(registers.rows(registerId));
        List<PackageOperation> operations = new ArrayList<>();
        List<Integer> positions = new ArrayList<>(); // the form's index of each operation sent
        for (Draft d : drafts) {
            if (!d.empty()) {
                operations.add(operation(d, rows, directions));
                positions.add(d.index());
            }
        }
        ChangeReason reasonValue = parse(reason);
        PageCommands.Outcome<ChangeStatus> outcome = commands.send(actor -> new InitiateChangePackageCommand(
                registerId, changeId, operations, reasonValue, comment, null, actor.username(), actor.at()));
        if (outcome.refused()) {
            RuleViolation refusal = outcome.refusal();
            if (refusal.refusal() == Refusal.FORBIDDEN) {
                throw new RuleViolatedException(refusal); // the Russian error page, with its status
            }
            response.setStatus(ProblemDetailsAdvice.statusOf(refusal).value());
            String shownId = "sameChangeIdSameProposal".equals(refusal.rule())
                    ? UUID.randomUUID().toString()
                    : changeId;
            return render(model, register, shownId, drafts, reason, comment, refusal, errors(refusal, positions));
        }
        redirect.addFlashAttribute(
                "success",
                "Пакет изменений (" + ChangeCards.rowCount(operations.size())
                        + ") предложен и направлен на согласование");
        return "redirect:/changes/" + changeId;
    }

    /** The operation a draft describes: an edit's empty fields keep the row's values. */
    private static PackageOperation operation(Draft d, Map<String, RowContent> rows, Map<String, String> directions) {
        ChangeKind kind;
        try {
            kind = ChangeKind.valueOf(d.kind());
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == ChangeKind.REMOVE) {
            return new PackageOperation(kind, blankToNull(d.rowId()), null);
        }
        RowContent current = kind == ChangeKind.EDIT && d.rowId() != null ? rows.get(d.rowId()) : null;
        String process = or(d.process(), current == null ? null : current.process());
        String direction = or(d.direction(), current == null ? null : current.direction());
        if (Text.isBlank(direction) && process != null) {
            direction = directions.get(Text.key(process));
        }
        Touchpoint was = current == null ? null : current.touchpoint();
        Channel channel = channel(d.channel());
        Touchpoint touchpoint = new Touchpoint(
                or(d.touchpointName(), was == null ? null : was.name()),
                channel != null ? channel : was == null ? null : was.channel(),
                or(d.touchpointAddress(), was == null ? null : was.address()),
                was == null ? null : was.type());
        List<Integer> needs = !d.needs().isEmpty() || current == null ? d.needs() : current.needs();
        RowContent row = new RowContent(
                direction,
                process,
                touchpoint,
                needs,
                current == null ? null : current.otherNeed(),
                current == null || !needs.equals(current.needs()) ? null : current.interaction(),
                current == null || channel != null && channel != was.channel() ? null : current.features(),
                null);
        return new PackageOperation(kind, kind == ChangeKind.ADD ? null : blankToNull(d.rowId()), row);
    }

    /** The register's field errors, by the form's field names ({@code op<index>.<field>}), and the general ones. */
    private static Map<String, String> errors(RuleViolation refusal, List<Integer> positions) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError e : refusal.errors()) {
            String field = e.field();
            String key = "general";
            if (field.startsWith("operations[")) {
                int end = field.indexOf(']');
                int i = Integer.parseInt(field.substring("operations[".length(), end));
                String rest = field.length() > end + 2 ? field.substring(end + 2) : "";
                String name = switch (rest) {
                    case "rowId" -> "rowId";
                    case "kind" -> "kind";
                    case "row.direction" -> "direction";
                    case "row.process" -> "process";
                    case "row.touchpoint", "row.touchpoint.name" -> "touchpointName";
                    case "row.touchpoint.address" -> "touchpointAddress";
                    case "row.touchpoint.channel" -> "channel";
                    case "row.needs" -> "needs";
                    default -> "op";
                };
                key = "op" + (i < positions.size() ? positions.get(i) : i) + "." + name;
            } else if (field.equals("reason") || field.equals("comment")) {
                key = field;
            }
            errors.merge(key, e.message(), (a, b) -> a.equals(b) ? a : a + " " + b);
        }
        return errors;
    }

    private String render(
            Model model,
            RegisterReadModel.RegisterSummary register,
            String changeId,
            List<Draft> drafts,
            String reason,
            String comment,
            RuleViolation refusal,
            Map<String, String> errors) {
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        List<RegisterRow> rows = registers.rows(register.id());
        Set<String> own = new LinkedHashSet<>(viewer.divisions(register.id(), "SPECIALIST"));
        boolean responsible = responsibleInitiator(viewer, register.id());
        Map<String, String> divisions = registers.divisions(register.id());
        Map<String, String> editable = new LinkedHashMap<>(); // rowId -> «touchpoint (process)»
        Set<String> processes = new LinkedHashSet<>();
        Set<String> directions = new LinkedHashSet<>();
        for (RegisterRow r : rows) {
            RowContent c = r.content();
            directions.add(c.direction());
            if (responsible || c.division() == null || own.contains(c.division())) {
                editable.put(
                        r.rowId(),
                        c.touchpoint().name()
                                + (Text.isBlank(c.touchpoint().address())
                                        ? ""
                                        : ", " + c.touchpoint().address()) + " — " + c.process());
                processes.add(c.process());
            }
        }
        var procedure = registers.procedure(register.id());
        boolean bound = registers.hasOwnProcedure(register.id());
        if (bound) {
            directions.addAll(procedure.directions());
        }
        model.addAttribute("register", register);
        model.addAttribute("changeId", changeId);
        model.addAttribute("drafts", drafts);
        model.addAttribute("reason", reason);
        model.addAttribute("comment", comment);
        model.addAttribute("message", refusal == null ? null : refusal.message());
        model.addAttribute("errors", errors);
        model.addAttribute("editable", editable);
        model.addAttribute("processes", processes);
        model.addAttribute("directions", directions);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("needs", bound ? procedure.needs() : List.of(ClientNeed.values()));
        model.addAttribute("reasons", bound ? procedure.reasons() : List.of(ChangeReason.values()));
        model.addAttribute("ownDivisions", divisions);
        return "package-form";
    }

    /** The drafts the form sent ({@code op<i>.<field>}), in order of their index. */
    static List<Draft> drafts(MultiValueMap<String, String> params) {
        int count = 0;
        try {
            count = Math.min(
                    InitiateChangePackageCommand.MAX_OPERATIONS, Integer.parseInt(params.getFirst("operations")));
        } catch (NumberFormatException | NullPointerException e) {
            count = FIRST_OPERATIONS;
        }
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String p = "op" + i + ".";
            List<Integer> needs = new ArrayList<>();
            for (String code : params.getOrDefault(p + "needs", List.of())) {
                try {
                    needs.add(Integer.parseInt(code));
                } catch (NumberFormatException ignored) {
                    // not a code of the list: the register's list is what the checkboxes offer
                }
            }
            drafts.add(new Draft(
                    i,
                    or(params.getFirst(p + "kind"), ""),
                    blankToNull(params.getFirst(p + "rowId")),
                    blankToNull(params.getFirst(p + "direction")),
                    blankToNull(params.getFirst(p + "process")),
                    blankToNull(params.getFirst(p + "touchpointName")),
                    blankToNull(params.getFirst(p + "touchpointAddress")),
                    blankToNull(params.getFirst(p + "channel")),
                    needs));
        }
        return drafts;
    }

    private void requireInitiator(Viewer viewer, String registerId) {
        if (viewer == null
                || viewer.divisions(registerId, "SPECIALIST").isEmpty() && !responsibleInitiator(viewer, registerId)) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN, "Предлагать изменения перечня могут только специалисты его подразделений");
        }
    }

    private boolean responsibleInitiator(Viewer viewer, String registerId) {
        return viewer.has(registerId, "RESPONSIBLE")
                && registers.procedure(registerId).initiators().contains(Initiator.RESPONSIBLE);
    }

    private static ChangeReason parse(String reason) {
        try {
            return reason == null ? null : ChangeReason.valueOf(reason);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Channel channel(String channel) {
        try {
            return channel == null ? null : Channel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String or(String value, String otherwise) {
        return Text.isBlank(value) ? otherwise : value.strip();
    }

    private static String blankToNull(String s) {
        return Text.isBlank(s) ? null : s.strip();
    }
}

package org.touchpoints.register.query.touchpoint;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.InitiateChangePackageCommand;
import org.touchpoints.register.api.change.PackageOperation;
import org.touchpoints.register.api.procedure.Initiator;
import org.touchpoints.register.api.row.ClientNeed;
import org.touchpoints.register.api.row.Identity;
import org.touchpoints.register.api.row.RegisterRow;
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
 * «Точки взаимодействия»: each distinct touchpoint of a register with its rows and processes, duplicates within a
 * process marked. From it a division specialist proposes one change package that changes the touchpoint (name,
 * address) in every row of their division, and a specialist of the process's division or a responsible person proposes
 * one package that merges a process's copies of the touchpoint. The register decides both as any package.
 */
@UiController
public class TouchpointCataloguePage {
    private final RegisterReadModel registers;
    private final RegisterReadAccess access;
    private final TouchpointCatalogue catalogue;
    private final PageCommands commands;

    public TouchpointCataloguePage(
            RegisterReadModel registers,
            RegisterReadAccess access,
            TouchpointCatalogue catalogue,
            PageCommands commands) {
        this.registers = registers;
        this.access = access;
        this.catalogue = catalogue;
        this.commands = commands;
    }

    /** A refusal shown at the form of the entry it came from. */
    record Shown(String key, String action, String message, List<String> details) {}

    @GetMapping("/registers/{registerId}/touchpoints")
    String catalogue(
            @PathVariable String registerId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean duplicates,
            Model model) {
        var register = registers.require(registerId);
        access.requireReadable(registerId);
        return render(model, register, q, Boolean.TRUE.equals(duplicates), null);
    }

    @PostMapping("/registers/{registerId}/touchpoints/{key}/change")
    String changeEverywhere(
            @PathVariable String registerId,
            @PathVariable String key,
            @RequestParam(required = false) String changeId,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String comment,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var register = registers.require(registerId);
        access.requireReadable(registerId);
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        TouchpointCatalogue.Entry entry = entry(registerId, key);
        Map<String, List<RegisterRow>> byDivision = changeableRows(registerId, entry, viewer);
        if (byDivision.isEmpty()) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "Изменить эту точку может специалист подразделения, в строках " + "которого она указана");
        }
        String chosen = byDivision.size() == 1 ? byDivision.keySet().iterator().next() : Objects.toString(division, "");
        List<RegisterRow> rows = byDivision.get(chosen);
        if (rows == null) {
            throw ApiException.badRequest("division", "Выберите подразделение, в строках которого изменить точку");
        }
        List<PackageOperation> ops = TouchpointPackages.changeEverywhere(rows, name, address);
        return send(
                model,
                register,
                response,
                redirect,
                key,
                "change",
                changeId,
                ops,
                reason,
                comment,
                "Изменение точки «" + entry.name() + "» в строках подразделения (" + ops.size() + ") предложено одним "
                        + "пакетом и направлено на согласование");
    }

    @PostMapping("/registers/{registerId}/touchpoints/{key}/merge")
    String merge(
            @PathVariable String registerId,
            @PathVariable String key,
            @RequestParam(required = false) String changeId,
            @RequestParam(required = false) String process,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String comment,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var register = registers.require(registerId);
        access.requireReadable(registerId);
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        TouchpointCatalogue.Entry entry = entry(registerId, key);
        TouchpointCatalogue.Duplicate duplicate = entry.duplicates().stream()
                .filter(d -> Identity.sameName(d.process(), process))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("В процессе «" + process + "» точка «" + entry.name()
                        + "» больше не повторяется: возможно, повторы уже объединены"));
        List<RegisterRow> copies = rows(registerId, duplicate.rows());
        if (!mayPropose(registerId, viewer, copies.get(0).content().division())) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "Объединить повторы может специалист подразделения, ведущего "
                            + "процесс, или ответственное лицо перечня");
        }
        TouchpointPackages.Merge merge = TouchpointPackages.merge(copies);
        return send(
                model,
                register,
                response,
                redirect,
                key,
                "merge",
                changeId,
                merge.operations(),
                reason,
                comment,
                "Объединение повторов точки «" + entry.name() + "» в процессе предложено одним пакетом и направлено на "
                        + "согласование: останется одна строка, исключаемых строк — "
                        + merge.removed().size());
    }

    private String send(
            Model model,
            RegisterReadModel.RegisterSummary register,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String key,
            String action,
            String changeId,
            List<PackageOperation> ops,
            String reason,
            String comment,
            String success) {
        ChangeReason why = reason(reason);
        String id = Text.isBlank(changeId) ? UUID.randomUUID().toString() : changeId.strip();
        PageCommands.Outcome<ChangeStatus> outcome = commands.send(actor -> new InitiateChangePackageCommand(
                register.id(),
                id,
                ops,
                why,
                Text.isBlank(comment) ? null : comment,
                null,
                actor.username(),
                actor.at()));
        if (outcome.refused()) {
            RuleViolation refusal = outcome.refusal();
            if (refusal.refusal() == Refusal.FORBIDDEN || refusal.refusal() == Refusal.NOT_FOUND) {
                throw new RuleViolatedException(refusal); // the Russian error page, with its status
            }
            response.setStatus(ProblemDetailsAdvice.statusOf(refusal).value());
            List<String> details = new ArrayList<>(new LinkedHashSet<>(refusal.errors().stream()
                    .map(FieldError::message)
                    .filter(m -> !m.equals(refusal.message()))
                    .toList()));
            return render(model, register, null, false, new Shown(key, action, refusal.message(), details));
        }
        redirect.addFlashAttribute("success", success);
        return "redirect:/changes/" + id;
    }

    private String render(
            Model model, RegisterReadModel.RegisterSummary register, String q, boolean onlyDuplicates, Shown shown) {
        String registerId = register.id();
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        List<TouchpointCatalogue.Entry> all = catalogue.of(registerId);
        String query = Text.isBlank(q) ? null : Identity.name(q);
        List<TouchpointCatalogue.Entry> entries = all.stream()
                .filter(e -> !onlyDuplicates
                        || e.hasDuplicates()
                        || (shown != null && shown.key().equals(e.key())))
                .filter(e -> query == null
                        || Identity.name(e.name()).contains(query)
                        || Identity.address(e.address()).contains(Identity.address(q)))
                .toList();
        Map<String, String> divisionNames = registers.divisions(registerId);
        Map<String, RegisterRow> rows = new LinkedHashMap<>();
        registers.rows(registerId).forEach(r -> rows.put(r.rowId(), r));
        // what the viewer may propose from each entry: the rows of their divisions, per division; the merges
        Map<String, Map<String, Integer>> changeable = new LinkedHashMap<>();
        Map<String, Map<String, TouchpointPackages.Merge>> merges = new LinkedHashMap<>();
        Map<String, String> changeIds = new LinkedHashMap<>();
        Map<String, String> mergeIds = new LinkedHashMap<>(); // "key:n" -> the n-th merge form's change id
        for (TouchpointCatalogue.Entry e : entries) {
            Map<String, List<RegisterRow>> mine = changeableRows(e, viewer, registerId, rows::get);
            if (!mine.isEmpty()) {
                Map<String, Integer> counts = new LinkedHashMap<>();
                mine.forEach((division, list) -> counts.put(division, list.size()));
                changeable.put(e.key(), counts);
            }
            Map<String, TouchpointPackages.Merge> entryMerges = new LinkedHashMap<>();
            for (TouchpointCatalogue.Duplicate d : e.duplicates()) {
                List<RegisterRow> copies = d.rows().stream()
                        .map(rows::get)
                        .filter(Objects::nonNull)
                        .toList();
                if (copies.size() > 1
                        && mayPropose(
                                registerId, viewer, copies.get(0).content().division())) {
                    entryMerges.put(d.process(), TouchpointPackages.merge(copies));
                }
            }
            if (!entryMerges.isEmpty()) {
                merges.put(e.key(), entryMerges);
                for (int i = 0; i < entryMerges.size(); i++) {
                    mergeIds.put(e.key() + ":" + i, UUID.randomUUID().toString());
                }
            }
            if (!mine.isEmpty()) {
                changeIds.put(e.key(), UUID.randomUUID().toString());
            }
        }
        var procedure = registers.procedure(registerId);
        List<ChangeReason> reasons =
                registers.hasOwnProcedure(registerId) ? procedure.reasons() : List.of(ChangeReason.values());
        Map<Integer, String> needTitles = new LinkedHashMap<>();
        for (ClientNeed n : ClientNeed.values()) {
            needTitles.put(n.code(), n.title());
        }
        procedure.needs().forEach(n -> needTitles.put(n.code(), n.title()));
        Map<String, Integer> groupNumbers = new LinkedHashMap<>();
        entries.forEach(e -> e.uses().forEach(u -> groupNumbers.put(u.rowId(), u.groupNo())));
        model.addAttribute("register", register);
        model.addAttribute("entries", entries);
        model.addAttribute("total", all.size());
        model.addAttribute(
                "withDuplicates",
                all.stream().filter(TouchpointCatalogue.Entry::hasDuplicates).count());
        model.addAttribute("divisionNames", divisionNames);
        model.addAttribute("q", q);
        model.addAttribute("onlyDuplicates", onlyDuplicates);
        model.addAttribute("changeable", changeable);
        model.addAttribute("merges", merges);
        model.addAttribute("changeIds", changeIds);
        model.addAttribute("mergeIds", mergeIds);
        model.addAttribute("reasons", reasons);
        model.addAttribute("defaultReason", reasons.contains(ChangeReason.OTHER) ? ChangeReason.OTHER : reasons.get(0));
        model.addAttribute(
                "mergeReason",
                reasons.contains(ChangeReason.NEEDS_CHANGED) ? ChangeReason.NEEDS_CHANGED : reasons.get(0));
        model.addAttribute("needTitles", needTitles);
        model.addAttribute("groupNumbers", groupNumbers);
        model.addAttribute("shown", shown);
        return "touchpoints";
    }

    private TouchpointCatalogue.Entry entry(String registerId, String key) {
        return catalogue
                .find(registerId, key)
                .orElseThrow(() -> ApiException.notFound(
                        "Такой точки взаимодействия нет в перечне: возможно, её уже изменили или исключили"));
    }

    private List<RegisterRow> rows(String registerId, List<String> rowIds) {
        Map<String, RegisterRow> rows = new LinkedHashMap<>();
        registers.rows(registerId).forEach(r -> rows.put(r.rowId(), r));
        return rowIds.stream().map(rows::get).filter(Objects::nonNull).toList();
    }

    private Map<String, List<RegisterRow>> changeableRows(
            String registerId, TouchpointCatalogue.Entry entry, Viewer viewer) {
        Map<String, RegisterRow> rows = new LinkedHashMap<>();
        registers.rows(registerId).forEach(r -> rows.put(r.rowId(), r));
        return changeableRows(entry, viewer, registerId, rows::get);
    }

    /**
     * The entry's rows the viewer may propose to change, by division ("" for rows of no division): a specialist's
     * divisions' rows; every row for a responsible person who initiates changes under the register's procedure.
     */
    private Map<String, List<RegisterRow>> changeableRows(
            TouchpointCatalogue.Entry entry, Viewer viewer, String registerId, Function<String, RegisterRow> rows) {
        Map<String, List<RegisterRow>> byDivision = new LinkedHashMap<>();
        boolean responsible = responsibleInitiator(viewer, registerId);
        Set<String> own = viewer.divisions(registerId, "SPECIALIST");
        for (TouchpointCatalogue.Use u : entry.uses()) {
            RegisterRow row = rows.apply(u.rowId());
            if (row != null && (responsible || (u.division() != null && own.contains(u.division())))) {
                byDivision
                        .computeIfAbsent(Objects.toString(u.division(), ""), k -> new ArrayList<>())
                        .add(row);
            }
        }
        return byDivision;
    }

    private boolean mayPropose(String registerId, Viewer viewer, String division) {
        return responsibleInitiator(viewer, registerId) || viewer.specialistIn(registerId, division);
    }

    /** A responsible person of a register whose procedure lets them initiate (002 §3.2–3.3, 004 §2.2). */
    private boolean responsibleInitiator(Viewer viewer, String registerId) {
        return viewer.has(registerId, "RESPONSIBLE")
                && registers.procedure(registerId).initiators().contains(Initiator.RESPONSIBLE);
    }

    private static ChangeReason reason(String reason) {
        try {
            return ChangeReason.valueOf(reason);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest("reason", "Укажите основание изменения из перечня оснований");
        }
    }
}

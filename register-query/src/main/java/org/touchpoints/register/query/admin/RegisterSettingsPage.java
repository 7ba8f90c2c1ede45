package org.touchpoints.register.query.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.touchpoints.register.api.procedure.ApprovalActMode;
import org.touchpoints.register.api.procedure.ChangeProcedureCommand;
import org.touchpoints.register.api.procedure.DeadlineFrom;
import org.touchpoints.register.api.procedure.Initiator;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.procedure.ProcedurePreset;
import org.touchpoints.register.api.procedure.ProcedureStep;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.platform.audit.AdminAudit;
import org.touchpoints.register.query.register.ProcedureText;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.ui.PageCommands;
import org.touchpoints.register.query.ui.UiController;

/**
 * The register's settings and procedure after creation (administrator): the settings fixed at creation are shown,
 * the procedure — who initiates, the chain of steps, the approving act, the publication deadline and what it counts
 * from, the annual review — is changed by the same command as {@code PUT /api/v1/registers/{id}/procedure}, with the
 * same administration audit entry. Changes already in the chain keep the procedure they started under.
 */
@UiController
public class RegisterSettingsPage {
    /** How many approval steps the form offers (each step at most once: four kinds). */
    static final int STEPS = ProcedureStep.values().length;

    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})");

    private final RegisterReadModel registers;
    private final PageCommands commands;
    private final AdminAudit audit;

    public RegisterSettingsPage(RegisterReadModel registers, PageCommands commands, AdminAudit audit) {
        this.registers = registers;
        this.commands = commands;
        this.audit = audit;
    }

    /** The procedure form as typed (strings, so a refused form comes back as it was). */
    public record Form(
            String preset,
            List<String> initiators,
            List<String> steps,
            String approvalAct,
            String deadline,
            String deadlineFrom,
            String annualReview,
            Map<String, String> errors,
            String refusal,
            boolean sharedProcesses) {
        public String error(String field) {
            return errors.get(field);
        }

        public boolean initiator(String name) {
            return initiators.contains(name);
        }

        public String step(int i) {
            return i < steps.size() ? steps.get(i) : "";
        }
    }

    @GetMapping("/registers/{registerId}/settings")
    String page(@PathVariable String registerId, @RequestParam(required = false) String done, Model model) {
        AdminOnly.require(model);
        registers.require(registerId);
        Procedure p = registers.procedure(registerId);
        Form form = new Form(
                "",
                p.initiators().stream().map(Enum::name).toList(),
                p.approvalSteps().stream().map(Enum::name).toList(),
                p.approvalAct().name(),
                p.deadlineWorkingDays() == null ? "" : p.deadlineWorkingDays().toString(),
                p.deadlineFrom().name(),
                p.annualReviewBy() == null ? "" : dayMonth(p.annualReviewBy()),
                Map.of(),
                null,
                p.processesMayBeShared());
        model.addAttribute(
                "done",
                done == null
                        ? null
                        : "Порядок ведения перечня изменён. Изменения, уже находящиеся на согласовании, завершаются по порядку, "
                                + "с которым начались; новые — по этому.");
        return render(registerId, form, model);
    }

    @PostMapping("/registers/{registerId}/settings")
    String change(
            @PathVariable String registerId,
            @RequestParam(required = false) String preset,
            @RequestParam(required = false) List<String> initiators,
            @RequestParam(required = false) List<String> steps,
            @RequestParam(required = false) String approvalAct,
            @RequestParam(required = false) String deadline,
            @RequestParam(required = false) String deadlineFrom,
            @RequestParam(required = false) String annualReview,
            @RequestParam(required = false) String sharedProcesses,
            Model model,
            HttpServletResponse response) {
        AdminOnly.require(model);
        registers.require(registerId);
        List<String> typedInitiators = initiators == null ? List.of() : initiators;
        List<String> typedSteps = steps == null ? List.of() : steps;
        Map<String, String> errors = new LinkedHashMap<>();
        Procedure procedure;
        if (!Text.isBlank(preset)) {
            ProcedurePreset chosen = enumOf(ProcedurePreset.class, preset);
            if (chosen == null) {
                errors.put("preset", "Выберите образец из списка");
            }
            procedure = chosen == null ? null : chosen.procedure();
        } else {
            List<Initiator> who = new ArrayList<>();
            typedInitiators.forEach(i -> {
                Initiator initiator = enumOf(Initiator.class, i);
                if (initiator != null && !who.contains(initiator)) {
                    who.add(initiator);
                }
            });
            List<ProcedureStep> chain = new ArrayList<>();
            for (String s : typedSteps) {
                if (Text.isBlank(s)) {
                    continue;
                }
                ProcedureStep step = enumOf(ProcedureStep.class, s);
                if (step == null) {
                    errors.put("steps", "Выберите шаги согласования из списка");
                } else if (chain.contains(step)) {
                    errors.put(
                            "steps",
                            "Каждый шаг согласования указывается не более одного раза: «" + step.title()
                                    + "» выбран дважды");
                } else {
                    chain.add(step);
                }
            }
            Integer days = null;
            if (!Text.isBlank(deadline)) {
                try {
                    days = Integer.valueOf(deadline.strip());
                } catch (NumberFormatException e) {
                    errors.put(
                            "deadline",
                            "Срок публикации — целое число рабочих дней от 1 до 30, либо оставьте поле пустым");
                }
            }
            String review = null;
            if (!Text.isBlank(annualReview)) {
                Matcher m = DAY_MONTH.matcher(annualReview.strip());
                review = m.matches()
                        ? String.format("%02d-%02d", Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)))
                        : null;
                if (review == null || !validMonthDay(review)) {
                    errors.put(
                            "annualReview", "Срок ежегодного мониторинга — день и месяц в виде ДД.ММ, например 31.12");
                }
            }
            Procedure current = registers.procedure(registerId);
            procedure = new Procedure(
                    current.preset(),
                    who,
                    chain,
                    enumOf(ApprovalActMode.class, approvalAct),
                    days,
                    enumOf(DeadlineFrom.class, deadlineFrom),
                    review,
                    current.needs(),
                    current.directions(),
                    current.reasons(),
                    current.touchpointTypes(),
                    current.columnHeaders(),
                    sharedProcesses != null);
            if (who.isEmpty()) {
                errors.put("initiators", "Отметьте, кто инициирует изменения");
            }
        }
        String refusal = null;
        if (errors.isEmpty()) {
            Procedure sent = procedure;
            PageCommands.Outcome<Object> outcome =
                    commands.send(actor -> new ChangeProcedureCommand(registerId, sent, actor.username(), actor.at()));
            if (!outcome.refused()) {
                audit.record(
                        ((org.touchpoints.register.query.ui.Viewer) model.getAttribute("viewer")).username(),
                        AdminAudit.PROCEDURE_CHANGED,
                        registerId,
                        AdminAudit.procedureDetails(sent));
                return "redirect:/registers/" + registerId + "/settings?done#procedure";
            }
            response.setStatus(org.touchpoints.register.platform.web.ProblemDetailsAdvice.statusOf(outcome.refusal())
                    .value());
            refusal = "Порядок не изменён: " + outcome.refusal().message();
            for (FieldError e : outcome.refusal().errors()) {
                String field =
                        e.field().startsWith("procedure.") ? e.field().substring("procedure.".length()) : e.field();
                errors.putIfAbsent(
                        FIELDS.getOrDefault(field.replaceAll("\\[.*", ""), "procedure"),
                        MESSAGES.getOrDefault(field, e.message()));
            }
        } else {
            response.setStatus(400);
            refusal = "Порядок не изменён: исправьте отмеченные поля";
        }
        return render(
                registerId,
                new Form(
                        preset == null ? "" : preset,
                        typedInitiators,
                        typedSteps,
                        approvalAct,
                        deadline,
                        deadlineFrom,
                        annualReview,
                        errors,
                        refusal,
                        sharedProcesses != null),
                model);
    }

    /** The aggregate's field names, as this form names them. */
    private static final Map<String, String> FIELDS = Map.of(
            "initiators",
            "initiators",
            "approvalSteps",
            "steps",
            "approvalAct",
            "approvalAct",
            "deadlineWorkingDays",
            "deadline",
            "deadlineFrom",
            "deadlineFrom",
            "annualReviewBy",
            "annualReview");
    /** The register's refusals in this form's words (the API's name its JSON values). */
    private static final Map<String, String> MESSAGES = Map.of(
            "initiators", "Отметьте, кто инициирует изменения",
            "approvalAct", "Выберите, утверждаются ли изменения приказом",
            "deadlineWorkingDays", "Срок публикации — от 1 до 30 рабочих дней, либо оставьте поле пустым",
            "deadlineFrom", "Срок от даты приказа считается, только если приказ обязателен",
            "annualReviewBy", "Срок ежегодного мониторинга — день и месяц в виде ДД.ММ, например 31.12");

    private String render(String registerId, Form form, Model model) {
        model.addAttribute("register", registers.require(registerId));
        model.addAttribute("procedure", ProcedureText.of(registers.procedure(registerId)));
        model.addAttribute("form", form);
        model.addAttribute("stepCount", STEPS);
        Map<String, String> steps = new LinkedHashMap<>();
        for (ProcedureStep s : ProcedureStep.values()) {
            steps.put(s.name(), s.title());
        }
        model.addAttribute("stepTitles", steps);
        Map<String, String> presets = new LinkedHashMap<>();
        for (ProcedurePreset p : ProcedurePreset.values()) {
            presets.put(p.name(), PRESET_TITLES.getOrDefault(p.name(), p.name()));
        }
        model.addAttribute("presets", presets);
        return "register-settings";
    }

    private static final Map<String, String> PRESET_TITLES = new HashMap<>(Map.of(
            "SMOLENSK_GZHI", "ГЖИ Смоленской области: согласование заместителем, 10 рабочих дней",
            "DAGESTAN_MINSTROY", "Минстрой Республики Дагестан: утверждает министр, ежегодный мониторинг",
            "ASTRAKHAN_GZHN",
                    "Служба жилнадзора Астраханской области: уполномоченное лицо, утверждает руководитель, без срока",
            "NOVOSIBIRSK_GSN",
                    "Инспекция госстройнадзора НСО: руководитель подразделения, заместитель, приказ; 5 рабочих дней",
            "SMOLENSK_MINPROMTORG", "Минпромторг Смоленской области: уполномоченные лица, приказ; 10 рабочих дней"));

    private static boolean validMonthDay(String mmdd) {
        try {
            java.time.MonthDay.parse("--" + mmdd);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /** «12-31» → «31.12». */
    static String dayMonth(String mmdd) {
        return mmdd.substring(3) + "." + mmdd.substring(0, 2);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}

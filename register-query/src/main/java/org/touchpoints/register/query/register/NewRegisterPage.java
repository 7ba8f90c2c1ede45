package org.touchpoints.register.query.register;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.touchpoints.register.api.register.CreateRegisterCommand;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.platform.web.ProblemDetailsAdvice;
import org.touchpoints.register.query.ui.PageCommands;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewer;

/** The administrator creates a register; then sets it up (divisions, people, import) on its setup page. */
@UiController
public class NewRegisterPage {
    /** The time zones of Russian regions, west to east. */
    static final List<String> ZONES = List.of(
            "Europe/Kaliningrad",
            "Europe/Moscow",
            "Europe/Volgograd",
            "Europe/Astrakhan",
            "Europe/Saratov",
            "Europe/Ulyanovsk",
            "Europe/Samara",
            "Asia/Yekaterinburg",
            "Asia/Omsk",
            "Asia/Novosibirsk",
            "Asia/Barnaul",
            "Asia/Tomsk",
            "Asia/Novokuznetsk",
            "Asia/Krasnoyarsk",
            "Asia/Irkutsk",
            "Asia/Chita",
            "Asia/Yakutsk",
            "Asia/Khandyga",
            "Asia/Vladivostok",
            "Asia/Ust-Nera",
            "Asia/Magadan",
            "Asia/Sakhalin",
            "Asia/Srednekolymsk",
            "Asia/Kamchatka",
            "Asia/Anadyr");

    /** The form as typed, with the messages to show next to its fields. */
    public record Form(
            String id,
            String authority,
            String timeZone,
            String deadline,
            String template,
            String region,
            String preset,
            Map<String, String> errors,
            String refusal) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    /** The seed authorities' procedures an administrator may start a register with, in Russian. */
    static final Map<String, String> PRESETS = new java.util.LinkedHashMap<>();

    static {
        PRESETS.put("SMOLENSK_GZHI", "как в ГЖИ Смоленской области: согласование заместителем, 10 рабочих дней");
        PRESETS.put(
                "DAGESTAN_MINSTROY", "как в Минстрое Республики Дагестан: утверждает министр, ежегодный мониторинг");
        PRESETS.put(
                "ASTRAKHAN_GZHN",
                "как в Службе жилнадзора Астраханской области: уполномоченное лицо, утверждает руководитель, без срока");
        PRESETS.put(
                "NOVOSIBIRSK_GSN",
                "как в Инспекции госстройнадзора НСО: руководитель подразделения, заместитель, приказ; 5 рабочих дней");
        PRESETS.put(
                "SMOLENSK_MINPROMTORG",
                "как в Минпромторге Смоленской области: уполномоченные лица, приказ; 10 рабочих дней");
    }

    private final PageCommands commands;

    public NewRegisterPage(PageCommands commands) {
        this.commands = commands;
    }

    @GetMapping("/registers/new")
    String form(Model model) {
        requireAdmin(model);
        return render(
                new Form("", "", "Europe/Moscow", "10", Template.SIX_COLUMN.name(), "", "", Map.of(), null), model);
    }

    @PostMapping("/registers/new")
    String create(
            @RequestParam(required = false) String id,
            @RequestParam(required = false) String authority,
            @RequestParam(required = false) String timeZone,
            @RequestParam(required = false) String deadline,
            @RequestParam(required = false) String template,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String preset,
            Model model,
            HttpServletResponse response) {
        requireAdmin(model);
        Integer days = "5".equals(deadline) ? Integer.valueOf(5) : "10".equals(deadline) ? Integer.valueOf(10) : null;
        Template form = "FIVE_COLUMN".equals(template)
                ? Template.FIVE_COLUMN
                : "SIX_COLUMN".equals(template) ? Template.SIX_COLUMN : null;
        String registerId = id == null ? null : id.strip();
        // a seed authority's procedure fills every field of the register's procedure (its deadline among them)
        org.touchpoints.register.api.procedure.Procedure procedure = PRESETS.containsKey(preset)
                ? org.touchpoints.register.api.procedure.ProcedurePreset.valueOf(preset)
                        .procedure()
                : null;
        Integer deadlineDays = procedure != null ? procedure.deadlineWorkingDays() : days;
        PageCommands.Outcome<Object> outcome = commands.send(actor -> new CreateRegisterCommand(
                registerId,
                authority,
                timeZone,
                deadlineDays,
                form,
                Text.isBlank(region) ? null : region.strip(),
                actor.username(),
                actor.at(),
                procedure));
        if (outcome.refused()) {
            response.setStatus(ProblemDetailsAdvice.statusOf(outcome.refusal()).value());
            Map<String, String> errors = outcome.refusal().errors().stream()
                    .collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a));
            return render(
                    new Form(
                            id,
                            authority,
                            timeZone,
                            deadline,
                            template,
                            region,
                            preset,
                            errors.isEmpty() ? Map.of("id", outcome.refusal().message()) : errors,
                            outcome.refusal().message()),
                    model);
        }
        return "redirect:/registers/" + registerId + "/setup?done=created#divisions";
    }

    private static void requireAdmin(Model model) {
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        if (viewer == null || !viewer.admin()) {
            throw new AccessDeniedException("Перечень создаёт администратор");
        }
    }

    private static String render(Form form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("zones", ZONES);
        model.addAttribute("presets", PRESETS);
        return "register-new";
    }
}

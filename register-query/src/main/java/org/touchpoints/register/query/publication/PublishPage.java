package org.touchpoints.register.query.publication;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.touchpoints.register.api.publication.PublicationResult;
import org.touchpoints.register.api.publication.PublishCommand;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.platform.web.ProblemDetailsAdvice;
import org.touchpoints.register.query.change.ChangeReadModel;
import org.touchpoints.register.query.change.ChangeSubject;
import org.touchpoints.register.query.change.ChangeView;
import org.touchpoints.register.query.deadline.DeadlineBoard;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.ui.PageCommands;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewer;

/**
 * The publisher's page: what the next version covers, its files and hash, and the form that records where and when
 * it was put on the official site; then the versions published so far.
 */
@UiController
public class PublishPage {
    private final RegisterReadModel registers;
    private final ChangeReadModel changes;
    private final DeadlineBoard deadlines;
    private final PublicationQueryController publications;
    private final PageCommands commands;
    private final Clock clock;

    public PublishPage(
            RegisterReadModel registers,
            ChangeReadModel changes,
            DeadlineBoard deadlines,
            PublicationQueryController publications,
            PageCommands commands,
            Clock clock) {
        this.registers = registers;
        this.changes = changes;
        this.deadlines = deadlines;
        this.publications = publications;
        this.commands = commands;
        this.clock = clock;
    }

    /** The form as typed, with the messages to show next to its fields. */
    public record Form(String url, String publishedAt, Map<String, String> errors, String refusal) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    @GetMapping("/registers/{registerId}/publish")
    String page(@PathVariable String registerId, @RequestParam(required = false) Integer published, Model model) {
        var register = requirePublisher(registerId, model);
        ZoneId zone = ZoneId.of(register.timeZone());
        String now = LocalDateTime.ofInstant(clock.instant(), zone)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        return render(register, new Form("", now, Map.of(), null), published, model);
    }

    @PostMapping("/registers/{registerId}/publish")
    String publish(
            @PathVariable String registerId,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String publishedAt,
            @RequestParam(required = false) String sha256,
            Model model,
            HttpServletResponse response) {
        var register = requirePublisher(registerId, model);
        ZoneId zone = ZoneId.of(register.timeZone());
        Instant at;
        try {
            at = Text.isBlank(publishedAt)
                    ? null
                    : LocalDateTime.parse(publishedAt.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(
                    register,
                    new Form(
                            url,
                            publishedAt,
                            Map.of("publishedAt", "Укажите дату и время публикации: ДД.ММ.ГГГГ ЧЧ:ММ"),
                            "Проверьте заполнение полей"),
                    null,
                    model);
        }
        PageCommands.Outcome<PublicationResult> outcome =
                commands.send(actor -> new PublishCommand(registerId, url, at, sha256, actor.username(), actor.at()));
        if (outcome.refused()) {
            response.setStatus(ProblemDetailsAdvice.statusOf(outcome.refusal()).value());
            Map<String, String> errors = outcome.refusal().errors().stream()
                    .collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a));
            return render(
                    register,
                    new Form(url, publishedAt, errors, outcome.refusal().message()),
                    null,
                    model);
        }
        return "redirect:/registers/" + registerId + "/publish?published="
                + outcome.result().version();
    }

    private RegisterReadModel.RegisterSummary requirePublisher(String registerId, Model model) {
        var register = registers.require(registerId);
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        if (viewer == null || !viewer.has(registerId, "PUBLISHER")) {
            throw new AccessDeniedException(
                    "Публикацию отмечает только ответственный за размещение на официальном сайте");
        }
        return register;
    }

    private String render(RegisterReadModel.RegisterSummary register, Form form, Integer published, Model model) {
        String registerId = register.id();
        Map<String, ChangeView> all =
                changes.list(new ChangeReadModel.Filter(registerId, null, null, null, null)).stream()
                        .collect(Collectors.toMap(
                                ChangeView::changeId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, DeadlineBoard.DeadlineView> due = new HashMap<>();
        deadlines.deadlines(registerId).forEach(d -> due.put(d.changeId(), d));
        List<ChangeView> pending =
                all.values().stream().filter(c -> "APPROVED".equals(c.status())).toList();
        List<PublicationQueryController.PublicationView> versions = new ArrayList<>(publications.list(registerId));
        Collections.reverse(versions);
        Map<String, String> subjects = new HashMap<>();
        all.values().forEach(c -> subjects.put(c.changeId(), ChangeSubject.of(c)));

        model.addAttribute("register", register);
        model.addAttribute("zone", ZoneId.of(register.timeZone()));
        model.addAttribute("pending", pending);
        model.addAttribute("due", due);
        model.addAttribute("subjects", subjects);
        model.addAttribute(
                "sha256", RegisterCsv.sha256(RegisterCsv.render(register.template(), registers.rows(registerId))));
        model.addAttribute("nothingToPublish", pending.isEmpty() && register.publishedVersion() > 0);
        model.addAttribute("nextVersion", register.publishedVersion() + 1);
        model.addAttribute("versions", versions);
        model.addAttribute(
                "result",
                published == null
                        ? null
                        : versions.stream()
                                .filter(v -> v.version() == published)
                                .findFirst()
                                .orElse(null));
        model.addAttribute("form", form);
        return "publish";
    }
}

package org.touchpoints.register.query.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.platform.account.Account;
import org.touchpoints.register.platform.account.AccountStore;
import org.touchpoints.register.platform.account.ActingOfficials;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.query.calendar.CalendarController;
import org.touchpoints.register.query.deadletter.DeadLetterController;
import org.touchpoints.register.query.deadletter.DeadLetters;
import org.touchpoints.register.query.delegation.DelegationQueryController;
import org.touchpoints.register.query.publication.PublicationChainController;
import org.touchpoints.register.query.rebuild.ProjectionRebuild;
import org.touchpoints.register.query.rebuild.RebuildController;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.review.AnnualReviewQueryController;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewers;

/**
 * The administrator's tools, each calling the very service (or controller) the API calls: acting officials, the
 * annual review, the production calendar (with a preview of the year before it is loaded), rebuild, failed events,
 * the publication chain check and "which version is this file".
 */
@UiController
public class AdminToolsPages {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final RegisterReadModel registers;
    private final AccountStore accounts;
    private final ActingOfficials actingOfficials;
    private final DelegationQueryController delegations;
    private final AnnualReviewQueryController reviews;
    private final CalendarController calendar;
    private final RebuildController rebuild;
    private final DeadLetterController deadLetters;
    private final PublicationChainController chain;
    private final Viewers viewers;
    private final Clock clock;

    public AdminToolsPages(
            RegisterReadModel registers,
            AccountStore accounts,
            ActingOfficials actingOfficials,
            DelegationQueryController delegations,
            AnnualReviewQueryController reviews,
            CalendarController calendar,
            RebuildController rebuild,
            DeadLetterController deadLetters,
            PublicationChainController chain,
            Viewers viewers,
            Clock clock) {
        this.registers = registers;
        this.accounts = accounts;
        this.actingOfficials = actingOfficials;
        this.delegations = delegations;
        this.reviews = reviews;
        this.calendar = calendar;
        this.rebuild = rebuild;
        this.deadLetters = deadLetters;
        this.chain = chain;
        this.viewers = viewers;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------- acting officials

    /** A delegation as a person reads it. */
    public record DelegationLine(
            String id,
            String holder,
            String delegate,
            String right,
            String period,
            String comment,
            String status,
            boolean revocable) {}

    /** The delegation form as typed. */
    public record DelegationForm(
            String holder,
            String delegate,
            String role,
            String division,
            String validFrom,
            String validTo,
            String comment) {}

    @GetMapping("/registers/{registerId}/delegations")
    String delegations(@PathVariable String registerId, @RequestParam(required = false) String done, Model model) {
        AdminOnly.require(model);
        registers.require(registerId);
        model.addAttribute(
                "done",
                "created".equals(done)
                        ? "Исполняющий обязанности назначен."
                        : "revoked".equals(done) ? "Назначение отменено." : null);
        return renderDelegations(registerId, new DelegationForm("", "", "HEAD", "", "", "", ""), null, model);
    }

    @PostMapping("/registers/{registerId}/delegations")
    String delegate(
            @PathVariable String registerId,
            @RequestParam(required = false) String holder,
            @RequestParam(required = false) String delegate,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String validFrom,
            @RequestParam(required = false) String validTo,
            @RequestParam(required = false) String comment,
            Model model,
            HttpServletResponse response) {
        AdminOnly.require(model);
        registers.require(registerId);
        DelegationForm form = new DelegationForm(holder, delegate, role, division, validFrom, validTo, comment);
        try {
            MemberRole right = Arrays.stream(MemberRole.values())
                    .filter(r -> r.name().equals(role))
                    .findFirst()
                    .orElse(null);
            actingOfficials.delegate(
                    registerId,
                    null,
                    Text.isBlank(holder) ? null : holder,
                    delegate,
                    right,
                    Text.isBlank(division) || right != MemberRole.HEAD ? null : division,
                    date("validFrom", validFrom),
                    date("validTo", validTo),
                    Text.isBlank(comment) ? null : comment,
                    true,
                    viewers.current().username(),
                    now());
        } catch (RuntimeException e) {
            AdminOnly.Refusal refusal = AdminOnly.refusalOf(e).orElseThrow(() -> e);
            response.setStatus(refusal.status());
            return renderDelegations(registerId, form, refusal, model);
        }
        return "redirect:/registers/" + registerId + "/delegations?done=created";
    }

    @PostMapping("/registers/{registerId}/delegations/revoke")
    String revokeDelegation(
            @PathVariable String registerId,
            @RequestParam(required = false) String delegationId,
            Model model,
            HttpServletResponse response) {
        AdminOnly.require(model);
        registers.require(registerId);
        try {
            actingOfficials.revoke(
                    registerId, delegationId, true, viewers.current().username(), now());
        } catch (RuntimeException e) {
            AdminOnly.Refusal refusal = AdminOnly.refusalOf(e).orElseThrow(() -> e);
            response.setStatus(refusal.status());
            return renderDelegations(registerId, new DelegationForm("", "", "HEAD", "", "", "", ""), refusal, model);
        }
        return "redirect:/registers/" + registerId + "/delegations?done=revoked";
    }

    private String renderDelegations(String registerId, DelegationForm form, AdminOnly.Refusal refusal, Model model) {
        var register = registers.require(registerId);
        Map<String, String> divisions = registers.divisions(registerId);
        Map<String, String> names = names();
        List<DelegationLine> lines = delegations.list(registerId, null).stream()
                .map(d -> new DelegationLine(
                        d.delegationId(),
                        names.getOrDefault(d.holder(), d.holder()),
                        names.getOrDefault(d.delegate(), d.delegate()),
                        "HEAD".equals(d.role())
                                ? "руководитель подразделения «" + divisions.getOrDefault(d.division(), d.division())
                                        + "»"
                                : "заместитель руководителя",
                        d.validFrom().format(DATE) + " — " + d.validTo().format(DATE),
                        d.comment(),
                        switch (d.status()) {
                            case SCHEDULED -> "назначен, период не начался";
                            case ACTIVE -> "действует";
                            case EXPIRED -> "период закончился";
                            case REVOKED -> "отменён";
                        },
                        d.status() == DelegationQueryController.Status.SCHEDULED
                                || d.status() == DelegationQueryController.Status.ACTIVE))
                .toList();
        model.addAttribute("register", register);
        model.addAttribute("divisions", divisions);
        model.addAttribute("lines", lines);
        model.addAttribute(
                "people", accounts.all().stream().filter(Account::enabled).toList());
        model.addAttribute("form", form);
        model.addAttribute("refusal", refusal);
        return "admin-delegations";
    }

    // ------------------------------------------------------------------------------------- annual review

    /** A division's review for the year. */
    public record ReviewLine(String division, String status, String confirmed) {}

    @GetMapping("/registers/{registerId}/review")
    String review(@PathVariable String registerId, @RequestParam(required = false) Integer year, Model model) {
        AdminOnly.require(model);
        var register = registers.require(registerId);
        int y = year != null
                ? year
                : clock.instant().atZone(ZoneId.of(register.timeZone())).getYear();
        Map<String, String> names = names();
        List<ReviewLine> lines = reviews.reviews(y, registerId, null).stream()
                .map(r -> new ReviewLine(
                        r.divisionName(),
                        switch (r.status()) {
                            case CONFIRMED -> "подтверждена";
                            case PENDING ->
                                "не подтверждена (срок — " + r.dueDate().format(DATE) + ")";
                            case OVERDUE ->
                                "просрочена (срок был " + r.dueDate().format(DATE) + ")";
                        },
                        r.confirmedAt() == null
                                ? "—"
                                : r.confirmedAt()
                                                .atZone(ZoneId.of(register.timeZone()))
                                                .format(DATE) + ", "
                                        + names.getOrDefault(r.confirmedBy(), r.confirmedBy())))
                .toList();
        model.addAttribute("register", register);
        model.addAttribute("year", y);
        model.addAttribute("lines", lines);
        return "admin-review";
    }

    // ------------------------------------------------------------------------------------- production calendar

    /** The year a file would make, as a person checks it before loading. */
    public record CalendarPreview(
            int year,
            String region,
            String source,
            List<String> nonWorkingDays,
            List<String> workingWeekendDays,
            int workingDayCount,
            String json) {}

    @GetMapping("/admin/calendar")
    String calendar(@RequestParam(required = false) Integer loaded, Model model) {
        AdminOnly.require(model);
        model.addAttribute("loaded", loaded);
        model.addAttribute("preview", null);
        model.addAttribute("refusal", null);
        return "admin-calendar";
    }

    @PostMapping("/admin/calendar/preview")
    String previewCalendar(
            @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
            throws IOException {
        AdminOnly.require(model);
        String json = file == null || file.isEmpty() ? null : new String(file.getBytes(), StandardCharsets.UTF_8);
        try {
            org.touchpoints.register.platform.calendar.ProductionCalendar.Preview p = calendar.preview(json);
            model.addAttribute(
                    "preview",
                    new CalendarPreview(
                            p.file().year(),
                            p.file().region(),
                            p.file().source(),
                            p.year().nonWorkingDays().stream()
                                    .map(d -> d.format(DATE))
                                    .toList(),
                            p.year().workingWeekendDays().stream()
                                    .map(d -> d.format(DATE))
                                    .toList(),
                            p.year().workingDayCount(),
                            json));
            model.addAttribute("refusal", null);
        } catch (RuntimeException e) {
            AdminOnly.Refusal refusal = AdminOnly.refusalOf(e).orElseThrow(() -> e);
            response.setStatus(refusal.status());
            model.addAttribute("preview", null);
            model.addAttribute("refusal", refusal);
        }
        model.addAttribute("loaded", null);
        return "admin-calendar";
    }

    @PostMapping("/admin/calendar")
    String loadCalendar(@RequestParam(required = false) String json, Model model, HttpServletResponse response) {
        AdminOnly.require(model);
        try {
            CalendarController.UploadedYear year = calendar.upload(json, principal());
            return "redirect:/admin/calendar?loaded=" + year.year();
        } catch (RuntimeException e) {
            AdminOnly.Refusal refusal = AdminOnly.refusalOf(e).orElseThrow(() -> e);
            response.setStatus(refusal.status());
            model.addAttribute("preview", null);
            model.addAttribute("refusal", refusal);
            model.addAttribute("loaded", null);
            return "admin-calendar";
        }
    }

    // ------------------------------------------------------------------------------------- maintenance

    /** A failed event as a person reads it. */
    public record LetterLine(
            String id,
            boolean parked,
            String sequence,
            String group,
            String register,
            String event,
            String at,
            String reason,
            String setAside) {}

    /** The latest rebuild as a person reads it. */
    public record RebuildLine(boolean running, boolean failed, String state, String progress, String outcome) {}

    @GetMapping("/admin/maintenance")
    String maintenance(@RequestParam(required = false) String done, Model model, HttpServletResponse response) {
        AdminOnly.require(model);
        model.addAttribute(
                "done",
                done == null
                        ? null
                        : switch (done) {
                            case "rebuilding" ->
                                "Перестроение представлений начато: действующие представления работают до его окончания.";
                            case "retried" -> "Отложенные события обработаны повторно.";
                            case "set-aside" -> "Событие исключено из обработки.";
                            default -> null;
                        });
        String view = renderMaintenance(null, model);
        if (model.getAttribute("rebuild") instanceof RebuildLine line && line.running()) {
            response.setHeader("Refresh", "2"); // the progress, again in two seconds, until the rebuild is over
        }
        return view;
    }

    @PostMapping("/admin/maintenance/retry")
    String retry(Model model) {
        AdminOnly.require(model);
        deadLetters.retry(null, null, principal());
        return "redirect:/admin/maintenance?done=retried";
    }

    @PostMapping("/admin/maintenance/set-aside")
    String setAside(
            @RequestParam(required = false) String id,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response) {
        AdminOnly.require(model);
        try {
            deadLetters.setAside(id, new DeadLetterController.SetAsideRequest(reason), principal());
        } catch (RuntimeException e) {
            AdminOnly.Refusal refusal = AdminOnly.refusalOf(e).orElseThrow(() -> e);
            response.setStatus(refusal.status());
            model.addAttribute("done", null);
            return renderMaintenance(refusal, model);
        }
        return "redirect:/admin/maintenance?done=set-aside";
    }

    @PostMapping("/admin/maintenance/rebuild")
    String rebuild(Model model, HttpServletResponse response) {
        AdminOnly.require(model);
        try {
            rebuild.rebuild(principal());
            return "redirect:/admin/maintenance?done=rebuilding";
        } catch (RuntimeException e) {
            AdminOnly.Refusal refusal = AdminOnly.refusalOf(e).orElseThrow(() -> e);
            response.setStatus(refusal.status());
            model.addAttribute("done", null);
            return renderMaintenance(refusal, model);
        }
    }

    private String renderMaintenance(AdminOnly.Refusal refusal, Model model) {
        Map<String, String> authorities = new LinkedHashMap<>();
        registers.all().forEach(r -> authorities.put(r.id(), r.authority()));
        Map<String, String> names = names();
        model.addAttribute(
                "letters",
                deadLetters.list(null, null, null).stream()
                        .map(l -> new LetterLine(
                                l.id(),
                                DeadLetters.PARKED.equals(l.status()),
                                l.sequence(),
                                groupName(l.processingGroup()),
                                authorities.getOrDefault(l.sequence(), l.sequence()),
                                l.eventType(),
                                l.enqueuedAt() == null
                                        ? "—"
                                        : l.enqueuedAt().atZone(MOSCOW).format(DATE_TIME),
                                l.causeMessage(),
                                DeadLetters.SET_ASIDE.equals(l.status())
                                        ? "исключено "
                                                + (l.setAsideAt() == null
                                                        ? ""
                                                        : l.setAsideAt()
                                                                        .atZone(MOSCOW)
                                                                        .format(DATE_TIME) + " ")
                                                + "(" + names.getOrDefault(l.setAsideBy(), l.setAsideBy()) + "): "
                                                + l.setAsideReason()
                                        : "в очереди"))
                        .toList());
        model.addAttribute(
                "rebuild", rebuild.status().map(AdminToolsPages::rebuildLine).orElse(null));
        model.addAttribute("refusal", refusal);
        return "admin-maintenance";
    }

    private java.security.Principal principal() {
        String username = viewers.current().username();
        return () -> username;
    }

    private static String groupName(String group) {
        return switch (group) {
            case "projections" -> "перечень и изменения";
            case "history" -> "история";
            case "metrics" -> "показатели";
            case "reminders" -> "напоминания";
            default -> group;
        };
    }

    // ------------------------------------------------------------------------------------- publication chain

    @GetMapping("/registers/{registerId}/verify")
    String verify(@PathVariable String registerId, Model model) {
        AdminOnly.require(model);
        return renderVerify(registerId, null, model);
    }

    @PostMapping("/registers/{registerId}/verify")
    String verifyFile(
            @PathVariable String registerId,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        AdminOnly.require(model);
        registers.require(registerId);
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("fileRefusal", "Выберите файл для проверки");
            return renderVerify(registerId, null, model);
        }
        return renderVerify(registerId, chain.verifyFile(registerId, file), model);
    }

    private String renderVerify(String registerId, PublicationChainController.FileCheck fileCheck, Model model) {
        model.addAttribute("register", registers.require(registerId));
        model.addAttribute("report", chain.verify(registerId));
        model.addAttribute("fileCheck", fileCheck);
        return "admin-verify";
    }

    // -------------------------------------------------------------------------------------

    private Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        accounts.all()
                .forEach(a -> names.put(a.username(), Text.isBlank(a.displayName()) ? a.username() : a.displayName()));
        return names;
    }

    private static LocalDate date(String field, String value) {
        if (Text.isBlank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.strip(), DATE);
            } catch (DateTimeParseException again) {
                throw ApiException.badRequest(field, "Дата записывается как дд.мм.гггг");
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static RebuildLine rebuildLine(ProjectionRebuild.Status s) {
        boolean running =
                s.state() == ProjectionRebuild.State.REPLAYING || s.state() == ProjectionRebuild.State.SWITCHING;
        String state = switch (s.state()) {
            case REPLAYING -> "Идёт перестроение: события журнала обрабатываются в новые таблицы";
            case SWITCHING -> "Идёт переключение на перестроенные представления";
            case DONE ->
                "Перестроение завершено " + s.finishedAt().atZone(MOSCOW).format(DATE_TIME);
            case FAILED -> "Перестроение не выполнено";
        };
        long percent = s.total() == 0 ? 100 : Math.min(100, s.events() * 100 / s.total());
        String progress = "Обработано событий: " + s.events() + " из " + s.total() + " (" + percent + " %)";
        String outcome = switch (s.state()) {
            case DONE ->
                "Отложено событий: " + s.parked() + ", пропущено исключённых: " + s.setAsideSkipped()
                        + ", длительность: " + Math.max(1, Math.round(s.millis() / 1000.0)) + " с.";
            case FAILED -> s.error();
            default -> "Страница обновляется сама; действующие представления работают до переключения.";
        };
        return new RebuildLine(running, s.state() == ProjectionRebuild.State.FAILED, state, progress, outcome);
    }
}

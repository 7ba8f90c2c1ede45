package org.touchpoints.register.query.review;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.touchpoints.register.api.register.ConfirmAnnualReviewCommand;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.platform.web.ProblemDetailsAdvice;
import org.touchpoints.register.query.register.RegisterReadAccess;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.ui.PageCommands;
import org.touchpoints.register.query.ui.People;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewer;

/**
 * Annual monitoring for the people of a register: each division's state for the year (from
 * {@link AnnualReviewQueryController}, the API's read model) and, for a head or specialist of a division, the form that
 * sends the API's {@link ConfirmAnnualReviewCommand}. The register decides; a refusal is shown in its words.
 */
@UiController
public class AnnualReviewPage {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final RegisterReadModel registers;
    private final AnnualReviewQueryController reviews;
    private final RegisterReadAccess access;
    private final PageCommands commands;
    private final People people;
    private final Clock clock;

    public AnnualReviewPage(
            RegisterReadModel registers,
            AnnualReviewQueryController reviews,
            RegisterReadAccess access,
            PageCommands commands,
            People people,
            Clock clock) {
        this.registers = registers;
        this.access = access;
        this.reviews = reviews;
        this.commands = commands;
        this.people = people;
        this.clock = clock;
    }

    /** A division's line: its state in words and whether the viewer may confirm for it. */
    public record Line(
            String division, String divisionName, String state, boolean confirmed, boolean late, boolean mayConfirm) {}

    @GetMapping("/registers/{registerId}/annual-review")
    String page(
            @PathVariable String registerId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String confirmed,
            Model model) {
        return render(registerId, year, confirmed, null, null, model);
    }

    @PostMapping("/registers/{registerId}/annual-review")
    String confirm(
            @PathVariable String registerId,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String comment,
            Model model,
            HttpServletResponse response) {
        var register = registers.require(registerId);
        int y = year != null ? year : currentYear(register);
        if (Text.isBlank(division)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(registerId, y, null, "Укажите подразделение", comment, model);
        }
        PageCommands.Outcome<Boolean> outcome = commands.send(actor -> new ConfirmAnnualReviewCommand(
                registerId, division, y, Text.isBlank(comment) ? null : comment, actor.username(), actor.at()));
        if (outcome.refused()) {
            response.setStatus(ProblemDetailsAdvice.statusOf(outcome.refusal()).value());
            return render(registerId, y, null, outcome.refusal().message(), comment, model);
        }
        return "redirect:/registers/" + registerId + "/annual-review?year=" + y + "&confirmed=" + division;
    }

    private int currentYear(RegisterReadModel.RegisterSummary register) {
        return clock.instant().atZone(ZoneId.of(register.timeZone())).getYear();
    }

    private String render(
            String registerId, Integer year, String confirmed, String refusal, String comment, Model model) {
        var register = registers.require(registerId);
        access.requireReadable(registerId);
        int y = year != null ? year : currentYear(register);
        boolean monitored = registers.procedure(registerId).annualReviewBy() != null;
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        ZoneId zone = ZoneId.of(register.timeZone());
        Function<String, String> names = people.cached();
        List<Line> lines = !monitored
                ? List.of()
                : reviews.reviews(y, registerId, null).stream()
                        .map(r -> new Line(
                                r.division(),
                                r.divisionName(),
                                switch (r.status()) {
                                    case CONFIRMED ->
                                        (r.late() ? "подтверждено с опозданием " : "подтверждено ")
                                                + r.confirmedAt().atZone(zone).format(DATE) + " ("
                                                + names.apply(r.confirmedBy()) + ")";
                                    case PENDING ->
                                        "ожидает подтверждения до "
                                                + r.dueDate().format(DATE);
                                    case OVERDUE ->
                                        "просрочено (срок был " + r.dueDate().format(DATE) + ")";
                                },
                                r.status() == AnnualReviewQueryController.Status.CONFIRMED,
                                r.late(),
                                viewer != null
                                        && (viewer.headOf(registerId, r.division())
                                                || viewer.specialistIn(registerId, r.division()))))
                        .toList();
        model.addAttribute("register", register);
        model.addAttribute("year", y);
        model.addAttribute("monitored", monitored);
        model.addAttribute("lines", lines);
        model.addAttribute(
                "confirmed",
                lines.stream()
                        .filter(l -> l.division().equals(confirmed) && l.confirmed())
                        .findFirst()
                        .orElse(null));
        model.addAttribute("refusal", refusal);
        model.addAttribute("comment", comment == null ? "" : comment);
        return "annual-review";
    }
}

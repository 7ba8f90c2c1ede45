package org.touchpoints.register.query.change;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.query.paging.Pager;
import org.touchpoints.register.query.register.RegisterReadAccess;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewer;

/** The changes of one register, filtered by status, division, period of initiation, or the viewer's own. */
@UiController
public class ChangeListPage {
    private final RegisterReadModel registers;
    private final ChangeReadModel changes;
    private final ChangeCards cards;
    private final RegisterReadAccess access;

    public ChangeListPage(
            RegisterReadModel registers, ChangeReadModel changes, ChangeCards cards, RegisterReadAccess access) {
        this.registers = registers;
        this.changes = changes;
        this.cards = cards;
        this.access = access;
    }

    @GetMapping("/registers/{registerId}/changes")
    String list(
            @PathVariable String registerId,
            @RequestParam(required = false) ChangeStatus status,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        var register = registers.require(registerId);
        access.requireReadable(registerId);
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        ZoneId zone = ZoneId.of(register.timeZone());
        String divisionFilter = Text.isBlank(division) ? null : division;
        var filter = new ChangeReadModel.Filter(
                registerId,
                status == null ? null : status.name(),
                divisionFilter,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                mine ? viewer.username() : null);
        UriComponentsBuilder here =
                UriComponentsBuilder.fromPath("/registers/").path(registerId).path("/changes");
        optional(here, "status", status);
        optional(here, "division", divisionFilter);
        optional(here, "from", from);
        optional(here, "to", to);
        optional(here, "mine", mine ? Boolean.TRUE : null);
        Pager pager = Pager.of(page, changes.count(filter), here);
        List<ChangeView> found = changes.page(filter, pager.offset(), pager.size(), true);
        model.addAttribute("register", register);
        model.addAttribute("cards", cards.cards(found, viewer));
        model.addAttribute("pager", pager);
        model.addAttribute("statuses", ChangeStatus.values());
        model.addAttribute("divisions", registers.divisions(registerId));
        model.addAttribute("status", status);
        model.addAttribute("division", divisionFilter);
        model.addAttribute("fromDate", from);
        model.addAttribute("toDate", to);
        model.addAttribute("mine", mine);
        model.addAttribute("filtered", status != null || divisionFilter != null || from != null || to != null || mine);
        return "changes";
    }

    private static void optional(UriComponentsBuilder here, String name, Object value) {
        if (value != null) {
            here.queryParam(name, value);
        }
    }
}

package org.touchpoints.register.query.register;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.ClientNeed;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.query.change.ChangeReadModel;
import org.touchpoints.register.query.paging.Pager;
import org.touchpoints.register.query.ui.UiController;

/** The registers list and one register laid out like its template, today, at a date or as a published version. */
@UiController
public class RegisterPage {
    private final RegisterReadModel registers;
    private final RegisterTimeTravel timeTravel;
    private final RegisterReadAccess access;
    private final ChangeReadModel changes;

    public RegisterPage(
            RegisterReadModel registers,
            RegisterTimeTravel timeTravel,
            RegisterReadAccess access,
            ChangeReadModel changes) {
        this.registers = registers;
        this.timeTravel = timeTravel;
        this.access = access;
        this.changes = changes;
    }

    /** The registers the viewer may read; the published versions of every register are on /public. */
    @GetMapping("/registers")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        List<String> readable = access.scope().filter();
        Pager pager = Pager.of(page, registers.count(readable), UriComponentsBuilder.fromPath("/registers"));
        model.addAttribute(
                "registers",
                registers.page(readable, pager.offset(), pager.size()).stream()
                        .map(RegisterReadModel.ListedRegister::summary)
                        .toList());
        model.addAttribute("pager", pager);
        return "registers";
    }

    @GetMapping("/registers/{registerId}")
    String register(
            @PathVariable String registerId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String direction,
            @RequestParam(required = false) String process,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) Integer need,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Integer version,
            Model model) {
        var register = registers.require(registerId);
        access.requireReadable(registerId); // the page shows today's rows beside any version
        List<RegisterRow> today = registers.rows(registerId);
        List<RegisterRow> shown = today;
        boolean past = false;
        if (version != null) {
            shown = timeTravel
                    .version(registerId, version)
                    .orElseThrow(() -> ApiException.notFound("Редакция " + version + " перечня не опубликована"));
            past = true;
        } else if (asOf != null) {
            ZoneId zone = ZoneId.of(register.timeZone());
            shown = timeTravel.asOf(
                    registerId, asOf.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1));
            past = true;
        }
        var filter = new RegisterTable.Filter(q, direction, process, channel, need, division);
        model.addAttribute("register", register);
        model.addAttribute("headers", register.headers());
        model.addAttribute("lines", RegisterTable.lines(register.template(), shown, past ? today : null, filter));
        model.addAttribute("added", past ? RegisterTable.addedSince(register.template(), shown, today) : List.of());
        model.addAttribute("past", past);
        model.addAttribute("filter", filter);
        model.addAttribute("asOf", asOf);
        model.addAttribute("version", version);
        model.addAttribute(
                "versions",
                IntStream.rangeClosed(1, register.publishedVersion())
                        .map(v -> register.publishedVersion() + 1 - v)
                        .boxed()
                        .toList());
        model.addAttribute("divisions", registers.divisions(registerId));
        model.addAttribute("directions", distinct(today, true));
        model.addAttribute("processes", distinct(today, false));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("needs", ClientNeed.values());
        model.addAttribute("procedure", ProcedureText.of(registers.procedure(registerId)));
        // a row with a change in the approval chain offers a link to that change instead of «Изменить / Исключить»
        java.util.Map<String, String> openChanges = new java.util.HashMap<>();
        java.util.Map<String, String> openChangeIds = new java.util.HashMap<>();
        if (!past) {
            ZoneId zone = ZoneId.of(register.timeZone());
            changes.openByRow(registerId).forEach((rowId, c) -> {
                openChanges.put(rowId, ChangeReadModel.describe(c, zone));
                openChangeIds.put(rowId, c.changeId());
            });
        }
        model.addAttribute("openChanges", openChanges);
        model.addAttribute("openChangeIds", openChangeIds);
        model.addAttribute("sixColumns", register.template() == org.touchpoints.register.api.row.Template.SIX_COLUMN);
        return "register";
    }

    private static Set<String> distinct(List<RegisterRow> rows, boolean directions) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> values = new LinkedHashSet<>();
        for (RegisterRow r : rows) {
            String v = directions ? r.content().direction() : r.content().process();
            if (!Text.isBlank(v) && keys.add(Text.key(v))) {
                values.add(v);
            }
        }
        return values;
    }
}

package org.touchpoints.register.query.publication;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.query.paging.Pager;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.register.RegisterTable;
import org.touchpoints.register.query.register.RegisterTimeTravel;
import org.touchpoints.register.query.ui.UiController;

/**
 * What a citizen sees without signing in: the registers that have a published version, and each register's published
 * version laid out like its template. Only published versions are ever shown, never content awaiting publication.
 */
@UiController
public class PublicPages {
    private static final RegisterTable.Filter NO_FILTER = new RegisterTable.Filter(null, null, null, null, null, null);

    private final RegisterReadModel registers;
    private final PublicationQueryController publications;
    private final RegisterTimeTravel timeTravel;

    public PublicPages(
            RegisterReadModel registers, PublicationQueryController publications, RegisterTimeTravel timeTravel) {
        this.registers = registers;
        this.publications = publications;
        this.timeTravel = timeTravel;
    }

    /**
     * The published registers, {@value Pager#PAGE_SIZE} a page by id, with a search by authority or id: a region's
     * few registers on one page, ten thousand neither in one table nor read at once.
     */
    @GetMapping("/public")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        String text = q == null ? "" : q.strip();
        Pager pager = Pager.of(
                page,
                publications.countPublished(text),
                UriComponentsBuilder.fromPath("/public")
                        .queryParamIfPresent("q", java.util.Optional.ofNullable(text.isEmpty() ? null : text)));
        model.addAttribute("listed", publications.published(text, pager.offset(), pager.size()));
        model.addAttribute("pager", pager);
        model.addAttribute("q", text);
        return "public-registers";
    }

    @GetMapping("/public/{registerId}")
    String register(
            @PathVariable String registerId,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String q,
            Model model) {
        var register = registers.require(registerId);
        model.addAttribute("register", register);
        model.addAttribute("zone", ZoneId.of(register.timeZone()));
        if (register.publishedVersion() == 0) {
            model.addAttribute("publication", null);
            return "public-register";
        }
        List<PublicationQueryController.PublicationView> versions = new ArrayList<>(publications.list(registerId));
        int shown = version == null ? register.publishedVersion() : version;
        var publication = versions.stream()
                .filter(p -> p.version() == shown)
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Редакция " + shown + " перечня не опубликована"));
        List<RegisterRow> rows = timeTravel
                .version(registerId, shown)
                .orElseThrow(() -> ApiException.notFound("Редакция " + shown + " перечня не опубликована"));
        Collections.reverse(versions);
        model.addAttribute("publication", publication);
        model.addAttribute("latest", shown == register.publishedVersion());
        model.addAttribute("versions", versions);
        model.addAttribute("headers", register.headers());
        model.addAttribute("sixColumns", register.template() == Template.SIX_COLUMN);
        String search = q == null || q.isBlank() ? null : q.strip();
        model.addAttribute("q", search);
        model.addAttribute(
                "lines",
                RegisterTable.lines(
                        register.template(),
                        rows,
                        null,
                        search == null ? NO_FILTER : new RegisterTable.Filter(search, null, null, null, null, null)));
        return "public-register";
    }
}
